package org.polyvisor.isa.ppc.exec;

/**
 * The special purpose registers of the modelled processor, an MPC7400: the 750's set (Book I 3.3.17, OEA table 2-1,
 * 750 user's manual 2.1) plus the AltiVec VRSAVE; their numbers, and which are privileged (every SPR number with 0x10
 * set, the first bit of the instruction's swapped field). PVR reads {@link #PVR_7400}: version 0x000C (7400),
 * revision 0x0209 (2.9), a value Linux's cputable recognises as a 7400 with AltiVec. Writing PVR is illegal. SPRs not listed here are
 * illegal instructions (program interrupt, SRR1 bit 12).
 */
final class Sprs {
    private Sprs() { }

    static final int XER = 1, LR = 8, CTR = 9, DSISR = 18, DAR = 19, DEC = 22, SDR1 = 25, SRR0 = 26, SRR1 = 27;
    /** mftb/mfspr reads of the time base (user) and mtspr writes (supervisor). */
    static final int TBL_READ = 268, TBU_READ = 269, TBL_WRITE = 284, TBU_WRITE = 285;
    static final int SPRG0 = 272, PVR = 287;
    /** VRSAVE: the 7400's user-level record of the vector registers in use (AltiVec PEM 2.3.3). */
    static final int VRSAVE = 256;
    /** IBAT0U = 528 ... IBAT3L = 535, DBAT0U = 536 ... DBAT3L = 543: upper at even numbers, lower at odd. */
    static final int IBAT0U = 528, DBAT3L = 543;
    static final int HID0 = 1008, HID1 = 1009;
    static final long PVR_7400 = 0x000c_0209L;

    static boolean privileged(int spr) { return (spr & 0x10) != 0; }

    /** The BAT pair number (0-3) of a BAT SPR, or -1. Bit 3 of the number selects DBAT, bit 0 the lower word. */
    static int bat(int spr) { return spr >= IBAT0U && spr <= DBAT3L ? (spr >>> 1) & 3 : -1; }
}
