package org.polyvisor.isa.ia64;

import java.util.ArrayList;
import java.util.List;
import org.polyvisor.spi.Register;
import org.polyvisor.spi.RegisterSet;

/**
 * Register numbers of the ia64 backend: r0-r127 are 0-127 (r32+ as the current frame names them), then ip,
 * psr (with ri in bits 41-42 and cpl in 32-33), cfm, pr (p0-p63 as bits), b0-b7, ar.pfs, ar.lc, ar.ec, then
 * the register stack engine's ar.rsc, ar.bsp, ar.bspstore and ar.rnat, then the control registers listed in
 * {@link #CONTROL} as cr.NAME (numbers from {@link #CR0}), then ar.fpsr and the floating-point registers.
 */
public final class Ia64Registers {
    public static final int IP = 128, PSR = 129, CFM = 130, PR = 131, B0 = 132, AR_PFS = 140, AR_LC = 141, AR_EC = 142;
    public static final int AR_RSC = 143, AR_BSP = 144, AR_BSPSTORE = 145, AR_RNAT = 146;
    public static final int CR0 = 147;
    /** The control registers the register interface shows, with their architected numbers (SDM vol 2 part I, 3.3). */
    public static final String[] CONTROL = {"dcr", "itm", "iva", "pta", "ipsr", "isr", "iip", "ifa", "itir", "iipa", "ifs",
            "iim", "iha", "lid", "tpr", "itv"};
    public static final int[] CONTROL_NUMBER = {0, 1, 2, 8, 16, 17, 19, 20, 21, 22, 23, 24, 25, 64, 66, 72};
    public static final int COUNT = CR0 + CONTROL.length;
    /**
     * ar.fpsr, then the floating-point registers as the current frame names them (f32+ through rrb.fr): "fN" is the
     * 64-bit significand and "fN.se" the sign (bit 17) and exponent (bits 16-0) of the 82-bit register format.
     */
    public static final int AR_FPSR = COUNT, FR0 = COUNT + 1, FR_SE0 = FR0 + 128, ALL = FR_SE0 + 128;

    public static final RegisterSet SET = build();

    private Ia64Registers() { }

    private static RegisterSet build() {
        List<Register> r = new ArrayList<>();
        for (int i = 0; i < 128; i++) r.add(new Register("r" + i, i, 64));
        r.add(new Register("ip", IP, 64));
        r.add(new Register("psr", PSR, 64));
        r.add(new Register("cfm", CFM, 38));
        r.add(new Register("pr", PR, 64));
        for (int i = 0; i < 8; i++) r.add(new Register("b" + i, B0 + i, 64));
        r.add(new Register("ar.pfs", AR_PFS, 64));
        r.add(new Register("ar.lc", AR_LC, 64));
        r.add(new Register("ar.ec", AR_EC, 6));
        r.add(new Register("ar.rsc", AR_RSC, 64));
        r.add(new Register("ar.bsp", AR_BSP, 64));
        r.add(new Register("ar.bspstore", AR_BSPSTORE, 64));
        r.add(new Register("ar.rnat", AR_RNAT, 64));
        for (int i = 0; i < CONTROL.length; i++) r.add(new Register("cr." + CONTROL[i], CR0 + i, 64));
        r.add(new Register("ar.fpsr", AR_FPSR, 64));
        for (int i = 0; i < 128; i++) r.add(new Register("f" + i, FR0 + i, 64));
        for (int i = 0; i < 128; i++) r.add(new Register("f" + i + ".se", FR_SE0 + i, 18));
        return new RegisterSet(r, "ip");
    }
}
