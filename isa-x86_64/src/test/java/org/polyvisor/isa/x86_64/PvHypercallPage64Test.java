package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.XenElfNotes;

/**
 * The x86_64 PV hypercall page of XEN_ELFNOTE_HYPERCALL_PAGE: {@code push %rcx; push %r11; mov $nr, %eax; syscall;
 * pop %r11; pop %rcx; ret}, so the caller's rcx and r11 survive; the iret stub leaves Xen's iret_context.
 */
class PvHypercallPage64Test {
    private static final X86_64IsaProvider ISA = new X86_64IsaProvider();

    private static Vcpu booted(FlatGuestMemory m) {
        byte[] d = {0, 0x30, 0, 0, 0, 0, 0, 0};  // 0x3000, an 8-byte note
        XenElfNotes notes = new XenElfNotes(Map.of(XenElfNotes.HYPERCALL_PAGE, d), ByteOrder.LITTLE_ENDIAN);
        Vcpu v = ISA.createVcpu(new VcpuConfig(m, 0, GuestType.PV, () -> 0));
        ISA.bootProtocol().boot(v, new BootInfo(GuestType.PV, 0x1000, 0x8000, 0, 1 << 20, 0, notes, new byte[0]));
        return v;
    }

    @Test
    void aCallThroughThePageKeepsRcxAndR11() {
        try (FlatGuestMemory m = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 1 << 20)) {
            // mov $0x9000, %esp; call 0x3220 (rel32 0x3220 - 0x100a = 0x2216); hlt
            m.load(0x1000, HexFormat.of().parseHex("bc00900000" + "e816220000" + "f4"));
            Vcpu v = booted(m);
            v.setRegister(1, 0x1111);   // rcx
            v.setRegister(11, 0x2222);  // r11
            assertEquals(VcpuExit.HYPERCALL, v.run(10), "syscall in the xen_version stub");
            assertEquals(17, v.register(0), "rax = the stub's number");
            v.setRegister(0, 0x40013);
            assertInstanceOf(VcpuExit.Halt.class, v.run(10), "back from the stub");
            assertEquals(0x1111, v.register(1), "rcx restored");
            assertEquals(0x2222, v.register(11), "r11 restored");
        }
    }

    @Test
    void theIretStubPushesXensIretContext() {
        try (FlatGuestMemory m = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 1 << 20)) {
            booted(m);
            byte[] stub = new byte[11];
            m.readBytes(0x3000 + 23 * 32, stub, 0, stub.length);
            assertEquals("514153 50 b817000000 0f05".replace(" ", ""), HexFormat.of().formatHex(stub),
                    "push %rcx; push %r11; push %rax; mov $23, %eax; syscall");
        }
    }
}
