package org.polyvisor.isa.x86.pv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.X86IsaProvider;
import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.GuestContext;

/** Xen's x86_32 {@code struct vcpu_guest_context} (2800 bytes) through the provider's GuestContext and the Vcpu. */
class GuestContext32Test {
    private static final X86IsaProvider ISA = new X86IsaProvider();
    private static final GuestContext CONTEXT = ISA.guestContext().orElseThrow();

    /** A context Xen accepts: flat kernel selectors and kernel_ss 0x21 (RPL 1). */
    static byte[] base() {
        byte[] c = new byte[2800];
        put(c, 516 + 36, 2, 0x08);
        for (int at : new int[] {48, 52, 56, 60, 64}) put(c, 516 + at, 2, 0x10);
        put(c, 516 + 40, 4, 0x2);
        put(c, 2708, 4, 0x21);
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
    void sizeIsXens() { assertEquals(2800, CONTEXT.size(), "sizeof(struct vcpu_guest_context) on x86_32"); }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "eax, 540, 4, 0x11111111, eax=0x11111111",
        "ebx, 516, 4, 0x22222222, ebx=0x22222222",
        "ecx, 520, 4, 0x33333333, ecx=0x33333333",
        "edx, 524, 4, 0x44444444, edx=0x44444444",
        "esi, 528, 4, 0x55555555, esi=0x55555555",
        "edi, 532, 4, 0x66666666, edi=0x66666666",
        "ebp, 536, 4, 0x77777777, ebp=0x77777777",
        "eip, 548, 4, 0x00401000, eip=0x401000",
        "eflags, 556, 4, 0x246, eflags=0x246",
        "esp, 560, 4, 0x8ff0, esp=0x8ff0",
        "ds, 572, 2, 0x23, ds=0x23",
        "ctrlreg[3] of frame 0x42, 2728, 4, 0x42000, cr3=0x42000",
        "gdt_frames[0], 2640, 4, 0x4, gdtr_base=0x4000",
        "ldt_base, 2632, 4, 0x6000, ",
        "kernel_sp, 2712, 4, 0x7000, ",
        "debugreg[7], 2776, 4, 0x400, ",
        "event_callback_eip, 2784, 4, 0x3000, ",
        "failsafe_callback_eip, 2792, 4, 0x3100, ",
        "vm_assist, 2796, 4, 0x1, "})
    void fieldLoadsAndStoresBack(String field, int offset, int size, String value, String expect) {
        try (Machine m = new Machine(ISA, "f4")) {
            byte[] c = base();
            long v = Long.decode(value);
            put(c, offset, size, v);
            assertNull(CONTEXT.load(c, m.cpu), field + ": accepted");
            if (expect != null) m.expect(field, expect);
            assertEquals(v, get(CONTEXT.store(m.cpu), offset, size), field + ": stored back at offset " + offset);
        }
    }

    @Test
    void callbacksAndGdtAreLoaded() {
        try (Machine m = new Machine(ISA, "f4")) {
            byte[] c = base();
            put(c, 2780, 4, 0x0819);
            put(c, 2784, 4, 0x3000);
            put(c, 2640, 4, 4);
            put(c, 2704, 4, 3);
            assertNull(CONTEXT.load(c, m.cpu));
            var cb = ((X86Vcpu) m.cpu).callbacks();
            assertEquals(0x3000, cb.eventIp, "event_callback_eip");
            assertEquals(0x0819, cb.eventCs, "event_callback_cs");
            m.expect("gdt", "gdtr_base=0x4000 gdtr_limit=0x17");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "kernel_ss with RPL 0, 2708, 4, 0x10",
        "ldt_base not page-aligned, 2632, 4, 0x1234",
        "ldt_ents above 8192, 2636, 4, 8193",
        "gdt_ents above 7168, 2704, 4, 7169",
        "ctrlreg[3] frame 0x100005 not the guest's, 2728, 4, 0x5001",
        "flags i387_valid with MXCSR reserved bits, 24, 4, 0xffff0000"})
    void refusedAsXenRefuses(String what, int offset, int size, String value) {
        try (Machine m = new Machine(ISA, "f4")) {
            byte[] c = base();
            put(c, 512, 4, XenGuestContext.VGCF_I387_VALID);
            put(c, 24, 4, 0x1F80);
            put(c, offset, size, Long.decode(value));
            assertNotNull(CONTEXT.load(c, m.cpu), what + ": refused");
        }
    }

    @ParameterizedTest(name = "frame 0x{0} <-> cr3 0x{1}")
    @CsvSource({"0, 0", "1, 1000", "42, 42000", "fffff, fffff000", "100005, 5001", "fff00001, 1fff"})
    void cr3EncodingIsXens(String pfn, String cr3) {
        XenGuestContext x = XenGuestContext.X86_32;
        assertEquals(Long.parseLong(cr3, 16), x.pfnToCr3(Long.parseLong(pfn, 16)), "xen_pfn_to_cr3(0x" + pfn + ")");
        assertEquals(Long.parseLong(pfn, 16), x.cr3Frame(Long.parseLong(cr3, 16)), "xen_cr3_to_pfn(0x" + cr3 + ")");
    }
}
