package org.polyvisor.isa.arm64.smp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.arm64.Arm64IsaProvider;
import org.polyvisor.isa.arm64.GuestProgram;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

/**
 * vCPUs on separate Java threads contend on one counter through exclusives and LSE atomics
 * (src/test/resources/smp/program.S); the count is exact only if the instructions are atomic across threads.
 */
class SmpAtomicsTest {
    private static final long RAM = Arm64IsaProvider.RAM_BASE;
    private static final long LOCK = RAM + 0x8000, COUNTER = RAM + 0x8040;
    private static final GuestProgram PROGRAM = GuestProgram.load("/smp/program.words");

    @ParameterizedTest(name = "{0}: {1} vCPUs x {2}")
    @CsvSource({"t_lock, 2, 20000", "t_lock, 3, 5000", "t_ldadd, 2, 50000", "t_cas, 2, 20000", "t_ldxp, 2, 10000",
                "t_byte, 2, 200"})
    void countIsExact(String entry, int vcpus, int iterations) throws InterruptedException {
        try (FlatGuestMemory m = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, RAM, 64 * 1024)) {
            PROGRAM.writeTo(m, RAM);
            AtomicReference<String> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int k = 0; k < vcpus; k++) {
                Vcpu cpu = new Arm64IsaProvider().createVcpu(new VcpuConfig(m, k, GuestType.PV, () -> 0));
                cpu.setRegister(1, LOCK);
                // t_byte: each vCPU adds to its own byte of one word, so they fight over the word, not the byte
                cpu.setRegister(2, entry.equals("t_byte") ? COUNTER + k : COUNTER);
                cpu.setRegister(3, iterations);
                cpu.setPc(RAM + PROGRAM.offset(entry));
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int slice = 0; slice < 100_000; slice++) {
                        VcpuExit exit = cpu.run(997);
                        if (exit == VcpuExit.HYPERCALL) return;
                        if (exit != VcpuExit.BUDGET_SPENT) {
                            failure.set("vCPU " + cpu.id() + ": " + exit);
                            return;
                        }
                    }
                    failure.set("vCPU " + cpu.id() + " did not finish");
                }));
            }
            for (Thread t : threads) t.join();
            assertEquals(null, failure.get(), "arm64 " + entry);
            String what = "arm64 " + entry + " with " + vcpus + " vCPUs x " + iterations;
            switch (entry) {
                case "t_ldxp" -> {
                    assertEquals((long) vcpus * iterations, m.read(COUNTER, 8), what + ": low half");
                    assertEquals(2L * vcpus * iterations, m.read(COUNTER + 8, 8), what + ": high half");
                }
                case "t_byte" -> {
                    for (int k = 0; k < vcpus; k++)
                        assertEquals((long) iterations & 0xFF, m.read(COUNTER + k, 1), what + ": byte " + k);
                }
                default -> assertEquals((long) vcpus * iterations, m.read(COUNTER, 8), what);
            }
            if (entry.equals("t_lock")) assertEquals(0, m.read(LOCK, 4), what + ": lock released");
        }
    }
}
