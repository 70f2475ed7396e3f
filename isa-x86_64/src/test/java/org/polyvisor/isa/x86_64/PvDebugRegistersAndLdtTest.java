package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.X86IsaProvider;
import org.polyvisor.isa.x86.pv.XenRig;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * set_debugreg / get_debugreg with Xen's checks (breakpoint addresses, DR6/DR7 reserved bits, GD and I/O breakpoints
 * refused, -ENODEV past DR7), and MMUEXT_SET_LDT (Xen's argument checks, the LDT's pages checked and fixed up as
 * set_gdt's, a selector of the new LDT loadable, none after an empty one), for x86_32 PAE and x86_64 Xen PV kernels
 * through the hypercall ABI ({@code Vcpu.archHypercall}).
 */
class PvDebugRegistersAndLdtTest {
    private static final IsaProvider X86 = new X86IsaProvider(), X86_64 = new X86_64IsaProvider();
    private static final long EPERM = -1, ENODEV = -19, EINVAL = -22, LDT = 0x20000, OPS = 0x31000;

    /** Each row: set (reg, value) with the expected answer, then get of {@code read} with the expected value. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "x86_64 | fresh DR6 and DR7: Xen's reset values        | -1 | 0                  | 0   | 6 | 0xffff0ff0",
        "x86_64 | fresh DR7                                    | -1 | 0                  | 0   | 7 | 0x400",
        "x86_64 | DR0 a user address                           | 0  | 0x7ffffffff000     | 0   | 0 | 0x7ffffffff000",
        "x86_64 | DR0 non-canonical                            | 0  | 0x800000000000     | -1  | 0 | 0",
        "x86_64 | DR1 in Xen's area                            | 1  | 0xffff800000001000 | -1  | 1 | 0",
        "x86_64 | DR2 at HYPERVISOR_VIRT_END (the guest's)      | 2  | 0xffff880000000000 | 0   | 2 | 0xffff880000000000",
        "x86    | DR3 any 32-bit address                       | 3  | 0xfffff000         | 0   | 3 | 0xfffff000",
        "x86_64 | DR6 upper half set                           | 6  | 0x100000000        | -22 | 6 | 0xffff0ff0",
        "x86_64 | DR6 reserved bits fixed                      | 6  | 0x100f             | 0   | 6 | 0xffff0fff",
        "x86    | DR4 is DR6 (CR4.DE clear)                    | 4  | 0x5                | 0   | 6 | 0xffff0ff5",
        "x86_64 | DR7 GD is refused                            | 7  | 0x2000             | -1  | 7 | 0x400",
        "x86_64 | DR7 an I/O breakpoint needs CR4.DE           | 7  | 0x20001            | -1  | 7 | 0x400",
        "x86_64 | DR7 L0 on a write breakpoint                 | 7  | 0x10001            | 0   | 7 | 0x10401",
        "x86    | DR7 reserved bits fixed                      | 7  | 0xd800             | 0   | 7 | 0x400",
        "x86    | DR5 is DR7                                   | 5  | 0x1                | 0   | 5 | 0x401",
        "x86_64 | DR7 upper half set                           | 7  | 0x100000400        | -22 | 7 | 0x400",
        "x86_64 | DR8 does not exist                           | 8  | 0                  | -19 | 8 | -19",
        "x86    | DR9 does not exist                           | 9  | 0                  | -19 | 9 | -19"})
    void debugRegisters(String isa, String what, long reg, String value, long answer, long read, String expect) {
        try (XenRig r = new XenRig(isa.equals("x86") ? X86 : X86_64, "f4")) {
            if (reg >= 0) assertEquals(answer, r.call(8, reg, Long.parseUnsignedLong(value.substring(value.startsWith("0x") ? 2 : 0), value.startsWith("0x") ? 16 : 10)), isa + " " + what + ": set_debugreg");
            long want = expect.startsWith("0x") ? Long.parseUnsignedLong(expect.substring(2), 16) : Long.parseLong(expect);
            long got = r.call(9, read);
            assertEquals(want, isa.equals("x86") && got >= 0 ? got & 0xFFFF_FFFFL : got, isa + " " + what + ": get_debugreg(" + read + ")");
        }
    }

    /** MMUEXT_SET_LDT {@code (linear_addr, nr_ents)} through mmuext_op with one op; then the LDT selector is loaded. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "x86_64 | a page of data descriptors, DPL raised to 3    | 0x20000           | 16   |                    | 0   | loads",
        "x86    | a page of data descriptors, DPL raised to 1    | 0x20000           | 16   |                    | 0   | loads",
        "x86_64 | no entries: no LDT                             | 0x20000           | 0    |                    | 0   | gp",
        "x86    | misaligned                                     | 0x20010           | 16   |                    | -22 | gp",
        "x86_64 | more than 8192 entries                         | 0x20000           | 8193 |                    | -22 | gp",
        "x86_64 | non-canonical                                  | 0x800000000000    | 16   |                    | -22 | gp",
        "x86    | outside the domain's RAM                       | 0x10000000        | 16   |                    | -22 | gp",
        "x86_64 | a TSS descriptor in the page                   | 0x20000           | 16   | 0x0000890000000067 | -22 | gp",
        "x86    | a 64-bit code segment on x86_32                | 0x20000           | 16   | 0x00af9b000000ffff | -22 | gp"})
    void setLdt(String isa, String what, String ptr, long ents, String extra, long answer, String then) {
        boolean wide = isa.equals("x86_64");
        // mov $0xf (x86: $0xd), %eax; mov %eax, %ds; then the hypercall (syscall / int $0x82)
        String code = (wide ? "b80f000000" : "b80d000000") + "8ed8" + (wide ? "0f05" : "cd82");
        try (XenRig r = new XenRig(wide ? X86_64 : X86, code)) {
            r.load(XenRig.HANDLER, wide ? "0f05" : "cd82");
            assertEquals(0, r.trap(13, 0, XenRig.HANDLER), what + ": set_trap_table");
            r.memory.write(LDT + 8, 8, 0x00cf93000000ffffL);                       // entry 1: flat data, DPL 0
            if (extra != null) r.memory.write(LDT + 16, 8, Long.parseUnsignedLong(extra.substring(2), 16));
            int w = wide ? 8 : 4;
            r.memory.write(OPS, 4, 13);                                            // MMUEXT_SET_LDT
            r.memory.write(OPS + w, w, Long.parseUnsignedLong(ptr.substring(2), 16));
            r.memory.write(OPS + 2L * w, w, ents);
            assertEquals(answer, r.call(26, OPS, 1, 0, 0x7FF0), isa + " " + what + ": SET_LDT");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(20), what + ": exit");
            if (then.equals("loads")) {
                assertEquals(wide ? 0xf : 0xd, r.reg("ds"), isa + " " + what + ": the LDT selector loaded");
                assertEquals(wide ? 3 : 1, r.memory.read(LDT + 8 + 5, 1) >>> 5 & 3, isa + " " + what + ": DPL raised in the LDT");
            } else {
                assertEquals(XenRig.HANDLER + 2, r.reg(wide ? "rip" : "eip"), isa + " " + what + ": the selector load is #GP");
            }
        }
    }
}
