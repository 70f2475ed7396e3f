package org.polyvisor.isa.ia64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

/**
 * guests/smplock.S on 4 vCPUs, each on its own thread, sharing one memory: a cmpxchg4.acq / xchg4 spinlock
 * around a non-atomic counter, and a fetchadd8 counter. Both must come out at 4 x iterations.
 */
class SmpLockTest {
    private static final int VCPUS = 4, ITERATIONS = 3000;
    private static final long LOCK = 0x3000, COUNTER = 0x3008, FETCHADD = 0x3010;

    @Test
    void fourVcpusOnACmpxchgLockAndAFetchaddCounter() throws Exception {
        String hex;
        try (InputStream in = SmpLockTest.class.getResourceAsStream("/guests/smplock.hex")) {
            hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
        Ia64IsaProvider isa = new Ia64IsaProvider();
        try (FlatGuestMemory memory = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 0x10000)) {
            memory.load(0x1000, HexFormat.of().parseHex(hex));
            List<Vcpu> vcpus = new ArrayList<>();
            for (int i = 0; i < VCPUS; i++) {
                Vcpu v = isa.createVcpu(new VcpuConfig(memory, i, GuestType.PV, () -> 0));
                v.setPc(0x1000);
                v.setRegister(2, LOCK);
                v.setRegister(9, ITERATIONS);
                v.setRegister(10, COUNTER);
                v.setRegister(11, FETCHADD);
                vcpus.add(v);
            }
            ExecutorService pool = Executors.newFixedThreadPool(VCPUS);
            try {
                List<Future<VcpuExit>> done = new ArrayList<>();
                for (Vcpu v : vcpus) {
                    done.add(pool.submit(() -> {
                        for (int slice = 0; slice < 100_000; slice++) {
                            VcpuExit e = v.run(5_000);
                            if (e != VcpuExit.BUDGET_SPENT) return e;
                            Thread.yield();
                        }
                        return VcpuExit.BUDGET_SPENT;
                    }));
                }
                for (Future<VcpuExit> f : done) assertSame(VcpuExit.HYPERCALL, f.get(), "ia64 smplock: each vCPU ends with its hypercall");
            } finally {
                pool.shutdownNow();
            }
            assertEquals(VCPUS * ITERATIONS, memory.read(COUNTER, 8), "ia64 smplock: counter under the cmpxchg4 lock");
            assertEquals(VCPUS * ITERATIONS, memory.read(FETCHADD, 8), "ia64 smplock: fetchadd8 counter");
            assertEquals(0, memory.read(LOCK, 4), "ia64 smplock: lock released");
        }
    }
}
