package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.trap.Vectors.GP;
import static org.polyvisor.isa.x86.trap.Vectors.UD;
import static org.polyvisor.isa.x86.trap.Vectors.fault;

/**
 * DR0-DR7 and MOV to and from them (SDM Vol. 2B "MOV-Move to/from Debug Registers"; Vol. 3B, 18.2). The registers
 * hold what the guest writes, with DR6 and DR7's fixed bits; no breakpoint fires (this CPU model reports no
 * debug-register breakpoints beyond storage: DR7's enables are kept, not acted on). Privileged: #GP(0) above CPL 0.
 * DR4 and DR5 are aliases of DR6 and DR7 while CR4.DE = 0 and #UD while it is 1; DR8-DR15 (REX.R) are #UD. In
 * 64-bit mode a write of bits 63:32 of DR6 or DR7 is #GP(0).
 */
final class DebugRegisters {
    /** DR6: B0-B3, BD, BS, BT are writable; bits 4-11 and 16-31 read as 1 (no RTM), bit 12 as 0. */
    static final long DR6_WRITABLE = 0xE00F, DR6_ONES = 0xFFFF_0FF0L;
    /** DR7: L0-G3, LE, GE, GD and the R/W and LEN fields are writable; bit 10 reads as 1, 11, 12, 14 and 15 as 0. */
    static final long DR7_WRITABLE = 0xFFFF_23FFL, DR7_ONES = 0x400;
    private static final long CR4_DE = 1 << 3;

    private final CpuState s;
    /** DR0-DR3 (linear breakpoint addresses), then DR6 and DR7 at 6 and 7. */
    private final long[] dr = new long[8];
    /** The value read by the last successful {@link #read}. */
    long value;

    DebugRegisters(CpuState s) {
        this.s = s;
        dr[6] = DR6_ONES;
        dr[7] = DR7_ONES;
    }

    /** A single-step trap: DR6.BS (bit 14) set, the other status bits kept as the SDM says (Vol. 3, 17.2.3). */
    void singleStep() { dr[6] |= 1 << 14; }

    /** The register DRn names after the CR4.DE aliasing, or -1 for #UD. */
    private int resolve(int n) {
        if (n > 7) return -1;
        if (n == 4 || n == 5) return (s.cr4 & CR4_DE) != 0 ? -1 : n + 2;
        return n;
    }

    /** MOV from DRn: 0 and {@link #value}, or the exception. */
    long read(int n) {
        if (s.cpl() != 0) return fault(GP, 0);
        int r = resolve(n);
        if (r < 0) return fault(UD, 0);
        value = dr[r];
        return 0;
    }

    /** MOV to DRn of {@code v} (already cut to 32 bits outside 64-bit mode): 0 or the exception. */
    long write(int n, long v) {
        if (s.cpl() != 0) return fault(GP, 0);
        int r = resolve(n);
        if (r < 0) return fault(UD, 0);
        if (r >= 6 && (v >>> 32) != 0) return fault(GP, 0);
        dr[r] = switch (r) {
            case 6 -> (v & DR6_WRITABLE) | DR6_ONES;
            case 7 -> (v & DR7_WRITABLE) | DR7_ONES;
            default -> v;
        };
        return 0;
    }
}
