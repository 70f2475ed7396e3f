package org.polyvisor.isa.ia64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.HypercallAbi;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

/**
 * Boots the self-checking ia64 images of images/guests/ia64 (fpu, rse, modsched, speculation, tlbmiss, timer) on
 * FlatGuestMemory with a minimal PV host: console_io writes go to a buffer, sched_op shutdown ends the run, virtual
 * time is the retired-instruction count (as the kernel's default clock). The console must equal the image's
 * .golden (every line PASS, then the summary) and the guest must power off.
 */
class ImageGuestTest {
    private static final Path IMAGES = Path.of("..", "images", "guests", "ia64");
    private static final long RAM = 16L << 20, START_INFO = 0x8000;
    private static final int CONSOLE_IO = 18, SCHED_OP = 29, ENOSYS = -38;

    @ParameterizedTest(name = "ia64 image {0}")
    @ValueSource(strings = {"fpu", "rse", "modsched", "speculation", "tlbmiss", "timer"})
    void imagePassesItsSelfChecks(String name) throws IOException {
        byte[] elf = Files.readAllBytes(IMAGES.resolve(name + ".elf"));
        String golden = Files.readString(IMAGES.resolve(name + ".golden"));
        Ia64IsaProvider isa = new Ia64IsaProvider();
        Vcpu[] self = new Vcpu[1];
        try (FlatGuestMemory memory = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, RAM)) {
            long entry = load(memory, elf);
            memory.load(START_INFO + 128, "domid=1\0".getBytes(StandardCharsets.US_ASCII));
            Vcpu vcpu = isa.createVcpu(new VcpuConfig(memory, 0, GuestType.PV, () -> self[0] == null ? 0 : self[0].retired()));
            self[0] = vcpu;
            isa.bootProtocol().boot(vcpu, new BootInfo(GuestType.PV, entry, START_INFO, 0, RAM, 0));
            HypercallAbi abi = isa.hypercallAbi();
            StringBuilder console = new StringBuilder();
            boolean off = false;
            for (int slice = 0; slice < 2000 && !off; slice++) {
                VcpuExit exit = vcpu.run(50_000);
                if (exit instanceof VcpuExit.Fault f)
                    fail("ia64 image " + name + " crashed: " + f.reason() + " at 0x" + Long.toHexString(f.pc()) + "\nconsole so far:\n" + console);
                if (exit != VcpuExit.HYPERCALL) continue;
                long op = vcpu.register(abi.opRegister());
                long a0 = vcpu.register(abi.argumentRegisters().get(0)), a1 = vcpu.register(abi.argumentRegisters().get(1)),
                        a2 = vcpu.register(abi.argumentRegisters().get(2));
                long result = ENOSYS;
                if (op == CONSOLE_IO && a0 == 0) {
                    byte[] b = new byte[(int) a1];
                    for (int i = 0; i < b.length; i++) b[i] = (byte) memory.read(a2 + i, 1);
                    console.append(new String(b, StandardCharsets.US_ASCII));
                    result = 0;
                } else if (op == SCHED_OP && a0 == 2) {
                    assertEquals(0, memory.read(a1, 4), "ia64 image " + name + ": shutdown reason (poweroff)");
                    off = true;
                } else if (op == SCHED_OP && (a0 == 0 || a0 == 1)) {
                    result = 0;
                }
                vcpu.setRegister(abi.resultRegister(), result);
            }
            assertTrue(off, "ia64 image " + name + " did not power off (ip 0x" + Long.toHexString(vcpu.pc()) + "); console:\n" + console);
            assertEquals(golden, console.toString(), "ia64 image " + name + ": console differs from " + name + ".golden");
        }
    }

    /** Loads the PT_LOAD segments of an ELF64 little-endian image; returns its entry point. */
    static long load(FlatGuestMemory memory, byte[] elf) {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        long entry = b.getLong(0x18), phoff = b.getLong(0x20);
        int phentsize = b.getShort(0x36) & 0xffff, phnum = b.getShort(0x38) & 0xffff;
        for (int i = 0; i < phnum; i++) {
            int ph = (int) (phoff + (long) i * phentsize);
            if (b.getInt(ph) != 1) continue;
            long offset = b.getLong(ph + 8), paddr = b.getLong(ph + 24), filesz = b.getLong(ph + 32);
            byte[] seg = new byte[(int) filesz];
            System.arraycopy(elf, (int) offset, seg, 0, seg.length);
            memory.load(paddr, seg);
        }
        return entry;
    }
}
