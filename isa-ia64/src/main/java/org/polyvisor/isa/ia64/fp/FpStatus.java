package org.polyvisor.isa.ia64.fp;

/**
 * ar.fpsr (SDM rev 2.3 vol 1 5.2, figure 5-5 / table 5-4 and 5-5): traps in bits 0-5 (vd, dd, zd, od, ud, id:
 * 1 disables the trap), then four 13-bit status fields sf0-sf3 from bit 6, each controls ftz (0), wre (1),
 * pc (2-3), rc (4-5), td (6) and flags v, d, z, o, u, i (7-12); bits 58-63 are reserved.
 */
public final class FpStatus {
    private FpStatus() { }

    public static final int FTZ = 1, WRE = 2, TD = 0x40;
    /** The value after reset (vol 1 5.2): all traps disabled, sf0 64-bit precision round-to-nearest, sf1 wre, sf2/sf3 td. */
    public static final long RESET = 0x0009_804c_0270_033fL;
    public static final long RESERVED = 0x3fL << 58;

    /** Status field {@code sf} (13 bits). */
    public static int field(long fpsr, int sf) {
        return (int) (fpsr >>> (6 + 13 * sf)) & 0x1fff;
    }

    /** ORs {@code flags} (FpArith.V..I) into sfN.flags. */
    public static long raise(long fpsr, int sf, int flags) {
        return fpsr | (long) (flags & 0x3f) << (6 + 13 * sf + 7);
    }

    /** fclrf: clears sfN.flags. */
    public static long clearFlags(long fpsr, int sf) {
        return fpsr & ~(0x3fL << (6 + 13 * sf + 7));
    }

    /** fsetc: sfN.controls = (sf0.controls AND amask7) OR omask7 (vol 3 fsetc). */
    public static long setControls(long fpsr, int sf, int amask, int omask) {
        long controls = (field(fpsr, 0) & 0x7f & amask | omask) & 0x7f;
        int shift = 6 + 13 * sf;
        return fpsr & ~(0x7fL << shift) | controls << shift;
    }

    /**
     * fchkf's condition (vol 3 fchkf): sfN has a flag set that sf0 lacks, or one whose trap is enabled (a
     * disabled sfN.td disables nothing here: the check looks at FPSR.traps).
     */
    public static boolean checkFails(long fpsr, int sf) {
        int flags = field(fpsr, sf) >>> 7 & 0x3f;
        int main = field(fpsr, 0) >>> 7 & 0x3f;
        int enabledTraps = (int) (~fpsr & 0x3f);
        return (flags & ~main) != 0 || (flags & enabledTraps) != 0;
    }
}
