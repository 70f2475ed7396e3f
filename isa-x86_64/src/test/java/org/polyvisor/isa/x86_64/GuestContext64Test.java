package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.GuestContext;
import org.polyvisor.spi.VcpuExit;

/** Xen's x86_64 {@code struct vcpu_guest_context} (5168 bytes) through the provider's GuestContext and the Vcpu. */
class GuestContext64Test {
    private static final X86_64IsaProvider ISA = new X86_64IsaProvider();
    private static final GuestContext CONTEXT = ISA.guestContext().orElseThrow();
    private static final int REGS = 520;

    static byte[] base() {
        byte[] c = new byte[5168];
        put(c, REGS + 136, 2, 0x08);
        for (int at : new int[] {160, 168, 176, 184, 192}) put(c, REGS + at, 2, 0x10);
        put(c, REGS + 144, 8, 0x2);
        return c;
    }

    static void put(byte[] b, int at, int n, long v) {
        for (int i = 0; i < n; i++) b[at + i] = (byte) (v >>> (8 * i));
    }

    static long get(byte[] b, int at, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[at + i] & 0xFF);
        return v;
    }

    @Test
    void sizeIsXens() { assertEquals(5168, CONTEXT.size(), "sizeof(struct vcpu_guest_context) on x86_64"); }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "r15, 520, 0x0f0f, r15=0x0f0f",
        "r12, 544, 0x0c0c, r12=0x0c0c",
        "rbp, 552, 0x5555, rbp=0x5555",
        "rbx, 560, 0x3333, rbx=0x3333",
        "r11, 568, 0x0b0b, r11=0x0b0b",
        "r8, 592, 0x0808, r8=0x0808",
        "rax, 600, 0x1111111111, rax=0x1111111111",
        "rcx, 608, 0x2222, rcx=0x2222",
        "rdx, 616, 0x4444, rdx=0x4444",
        "rsi, 624, 0x6666, rsi=0x6666",
        "rdi, 632, 0x7777, rdi=0x7777",
        "rip, 648, 0xffffffff80001000, rip=0xffffffff80001000",
        "rflags, 664, 0x246, rflags=0x246",
        "rsp, 672, 0x8ff0, rsp=0x8ff0",
        "ctrlreg[3] of frame 0x42, 5008, 0x42000, cr3=0x42000",
        "ctrlreg[1] of frame 0x43 (an empty L4: the user root), 4992, 0x43000, ",
        "gdt_frames[0], 4832, 0x4, gdtr_base=0x4000",
        "ldt_base, 4816, 0x6000, ",
        "kernel_sp, 4976, 0x7000, ",
        "debugreg[7], 5104, 0x400, ",
        "event_callback_eip, 5112, 0x3000, ",
        "failsafe_callback_eip, 5120, 0x3100, ",
        "syscall_callback_eip, 5128, 0x3200, ",
        "vm_assist, 5136, 0x1, ",
        "fs_base, 5144, 0x7fff00001000, ",
        "gs_base_kernel, 5152, 0x7fff00002000, ",
        "gs_base_user, 5160, 0x7fff00003000, ",
        "trap_ctxt[14].address, 952, 0x5000, "})
    void fieldLoadsAndStoresBack(String field, int offset, String value, String expect) {
        try (Machine m = new Machine(ISA, "f4")) {
            byte[] c = base();
            long v = Long.parseUnsignedLong(value.substring(2), 16);
            put(c, offset, 8, v);
            assertNull(CONTEXT.load(c, m.cpu), field + ": accepted");
            if (expect != null) m.expect(field, expect);
            assertEquals(v, get(CONTEXT.store(m.cpu), offset, 8), field + ": stored back at offset " + offset);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "non-canonical rip, 648, 0x0000800000000000",
        "non-canonical rsp, 672, 0x8000000000000000",
        "non-canonical kernel_sp, 4976, 0x0001000000000000",
        "non-canonical event callback, 5112, 0x0000800000000000",
        "non-canonical fs_base, 5144, 0x0000800000000000",
        "non-canonical trap_ctxt[14].address, 952, 0x0000800000000000",
        "ldt_base not page-aligned, 4816, 0x1234",
        "ldt_ents above 8192, 4824, 8193",
        "gdt_ents above 7168, 4960, 7169",
        "ctrlreg[3] frame not the guest's, 5008, 0x100000000",
        "ctrlreg[1] frame not the guest's, 4992, 0x100000000"})
    void refusedAsXenRefuses(String what, int offset, String value) {
        try (Machine m = new Machine(ISA, "f4")) {
            byte[] c = base();
            put(c, offset, 8, value.startsWith("0x") ? Long.parseUnsignedLong(value.substring(2), 16) : Long.parseLong(value));
            assertNotNull(CONTEXT.load(c, m.cpu), what + ": refused");
        }
    }

    /** ctrlreg[1] becomes the user root (NEW_USER_BASEPTR's), and an L4 Xen would not accept is refused. */
    @Test
    void ctrlreg1IsTheUserRoot() {
        try (Machine m = new Machine(ISA, "f4")) {
            byte[] c = base();
            put(c, 4992, 8, 0x43000);
            assertNull(CONTEXT.load(c, m.cpu), "an empty L4 as the user root");
            assertEquals(0x43, ((X86Vcpu) m.cpu).pv().userBase(), "the user root NEW_USER_BASEPTR would set");
            m.memory.write(0x44000 + 8 * 256, 8, 0x45007);   // Xen's L4 slot 256 present: not a guest L4
            put(c, 4992, 8, 0x44000);
            assertNotNull(CONTEXT.load(c, m.cpu), "an L4 with Xen's slot 256 as the user root: refused");
        }
    }

    @Test
    void aLoadedContextRunsWithItsFpuAndCallbacks() {
        try (Machine m = new Machine(ISA, "f4")) {
            m.load(0x5000, "0f28c1f4");  // movaps %xmm1, %xmm0; hlt
            byte[] c = base();
            put(c, 512, 8, org.polyvisor.isa.x86.pv.XenGuestContext.VGCF_I387_VALID);
            put(c, 24, 4, 0x1F80);  // MXCSR
            put(c, 160 + 16, 8, 0x0123456789abcdefL);  // XMM1 low quadword in the FXSAVE image
            put(c, REGS + 128, 8, 0x5000);
            put(c, REGS + 152, 8, 0x8000);
            put(c, 5112, 8, 0x3000);
            assertNull(CONTEXT.load(c, m.cpu));
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            m.expect("ran the loaded context", "rip=0x5004 rsp=0x8000");
            assertEquals(0x0123456789abcdefL, get(CONTEXT.store(m.cpu), 160, 8), "XMM0 (offset 160) after movaps from XMM1");
            assertEquals(0x3000, ((X86Vcpu) m.cpu).callbacks().eventIp, "event_callback_eip");
        }
    }

}
