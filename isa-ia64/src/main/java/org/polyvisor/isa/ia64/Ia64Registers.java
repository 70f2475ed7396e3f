package org.polyvisor.isa.ia64;

import java.util.ArrayList;
import java.util.List;
import org.polyvisor.spi.Register;
import org.polyvisor.spi.RegisterSet;

/**
 * Register numbers of the ia64 backend: r0-r127 are 0-127 (r32+ as the current frame names them), then ip,
 * psr (with ri in bits 41-42 and cpl in 32-33), cfm, pr (p0-p63 as bits), b0-b7, ar.pfs, ar.lc, ar.ec.
 */
public final class Ia64Registers {
    public static final int IP = 128, PSR = 129, CFM = 130, PR = 131, B0 = 132, AR_PFS = 140, AR_LC = 141, AR_EC = 142;
    public static final int COUNT = 143;

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
        return new RegisterSet(r, "ip");
    }
}
