package org.polyvisor.isa.arm64;

import java.util.ArrayList;
import java.util.List;

import org.polyvisor.spi.Register;
import org.polyvisor.spi.RegisterSet;

/**
 * The registers the shell, gdb and save/restore see, numbered as gdb's AArch64 target numbers them:
 * x0-x30 = 0-30, sp = 31, pc = 32, cpsr = 33 (PSTATE in SPSR layout).
 */
public final class Arm64Registers {
    private Arm64Registers() { }

    public static final int X0 = 0, X16 = 16, X30 = 30, SP = 31, PC = 32, CPSR = 33;

    public static final RegisterSet SET = build();

    private static RegisterSet build() {
        List<Register> all = new ArrayList<>();
        for (int i = 0; i <= 30; i++) all.add(new Register("x" + i, i, 64));
        all.add(new Register("sp", SP, 64));
        all.add(new Register("pc", PC, 64));
        all.add(new Register("cpsr", CPSR, 32));
        return new RegisterSet(all, "pc");
    }
}
