package org.polyvisor.isa.x86.pv;

/**
 * {@code set_debugreg} (8) {@code (reg, value)} and {@code get_debugreg} (9) {@code (reg)}, as Xen's set_debugreg and
 * x86emul_read_dr for a PV vCPU (arch/x86/pv/misc-hypercalls.c), on the vCPU's {@link PvCallbacks#debugRegisters}
 * (also vcpu_guest_context.debugreg):
 * <ul>
 * <li>DR0-DR3: a breakpoint address the guest may use (breakpoint_addr_ok: on x86_64 below 2^47 or at or above
 *     HYPERVISOR_VIRT_END 0xffff880000000000, else -EPERM; any 32-bit address on x86_32).</li>
 * <li>DR6 (and DR4, its alias while the guest's CR4.DE is clear, as it always is here): the upper 32 bits must be 0
 *     (-EINVAL); stored with the reserved bits fixed (bit 12 clear, 0xffff0ff0 set: x86_adj_dr6_rsvd without RTM).</li>
 * <li>DR7 (and DR5): the upper 32 bits 0 (-EINVAL); stored with bit 10 set and bits 11, 12, 14, 15 clear; GD (bit 13)
 *     is -EPERM; with a breakpoint enabled, an I/O breakpoint (R/W = 10b) needs CR4.DE, so it is -EPERM.</li>
 * <li>Any other register -ENODEV (Xen's #UD for the emulator).</li>
 * </ul>
 * get_debugreg answers the stored value (DR4 as DR6, DR5 as DR7), -ENODEV past DR7. The values are kept, not yet
 * armed: Polyvisor's x86 has no debug-register breakpoints (the CPU issue).
 */
final class PvDebugRegisters {
    static final int SET_DEBUGREG = 8, GET_DEBUGREG = 9;
    static final long DR6_ONES = 0xFFFF_0FF0L, DR6_ZEROS = 0x1000, DR7_ONES = 0x400, DR7_ZEROS = 0xD800;
    private static final long DR7_GD = 1 << 13, DR7_ENABLES = 0xFF, DR_IO = 2;
    private static final long HYPERVISOR_VIRT_END = 0xFFFF_8800_0000_0000L;

    private final PvCallbacks cb;
    private final boolean wide;

    PvDebugRegisters(PvCallbacks cb, boolean wide) {
        this.cb = cb;
        this.wide = wide;
    }

    long set(long reg, long value) {
        long[] dr = cb.debugRegisters;
        if (reg < 0 || reg > 7) return -Errno.ENODEV;
        switch ((int) reg) {
            case 0, 1, 2, 3 -> {
                if (!breakpointAddressOk(value)) return -Errno.EPERM;
                dr[(int) reg] = value;
            }
            case 4, 6 -> {
                if (value >>> 32 != 0) return -Errno.EINVAL;
                dr[6] = (value & ~DR6_ZEROS) | DR6_ONES;
            }
            default -> {
                if (value >>> 32 != 0) return -Errno.EINVAL;
                value = (value & ~DR7_ZEROS) | DR7_ONES;
                if ((value & DR7_GD) != 0) return -Errno.EPERM;
                if ((value & DR7_ENABLES) != 0)
                    for (int i = 16; i < 32; i += 4) if ((value >>> i & 3) == DR_IO) return -Errno.EPERM;  // CR4.DE clear
                dr[7] = value;
            }
        }
        return 0;
    }

    long get(long reg) {
        long[] dr = cb.debugRegisters;
        if (reg < 0 || reg > 7) return -Errno.ENODEV;
        int r = (int) reg;
        return r == 4 ? dr[6] : r == 5 ? dr[7] : dr[r];
    }

    private boolean breakpointAddressOk(long a) {
        return !wide || Long.compareUnsigned(a, 1L << 47) < 0 || Long.compareUnsigned(a, HYPERVISOR_VIRT_END) >= 0;
    }
}
