package org.polyvisor.isa.ppc;

import java.util.ArrayList;
import java.util.List;

import org.polyvisor.spi.Register;
import org.polyvisor.spi.RegisterSet;

/**
 * Register numbering of the PowerPC backend: r0-r31 are 0-31, then pc (the next instruction address), lr, ctr,
 * cr, xer, msr, srr0, srr1. All are 32 bits wide as a 32-bit implementation shows them.
 */
public final class PpcRegisters {
    public static final int PC = 32, LR = 33, CTR = 34, CR = 35, XER = 36, MSR = 37, SRR0 = 38, SRR1 = 39;
    public static final int COUNT = 40;
    private static final String[] SPECIAL = {"pc", "lr", "ctr", "cr", "xer", "msr", "srr0", "srr1"};
    public static final RegisterSet SET = build();

    private PpcRegisters() { }

    public static String name(int number) { return number < 32 ? "r" + number : SPECIAL[number - 32]; }

    private static RegisterSet build() {
        List<Register> regs = new ArrayList<>();
        for (int n = 0; n < COUNT; n++) regs.add(new Register(name(n), n, 32));
        return new RegisterSet(regs, "pc");
    }
}
