package org.polyvisor.isa.ia64.trap;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.spi.VcpuExit;

/**
 * What a break instruction does. {@code break 0x1000} at privilege level 0 is the Polyvisor hypercall (op r2,
 * arguments r14-r18, result r8). Any other break raises a Break Instruction fault (vector 0x2c00, cr.iim = the
 * immediate): delivered once the guest has installed its IVT (see {@link Interruptions}), else the domain ends.
 */
public final class BreakPolicy {
    public static final long HYPERCALL_IMM = 0x1000;

    private BreakPolicy() { }

    public static int onBreak(CpuState c, long imm) {
        if (imm == HYPERCALL_IMM && c.cpl == 0) {
            c.exit = VcpuExit.HYPERCALL;
            return Flow.EXIT_AFTER;
        }
        c.raise(Vector.BREAK_INSTRUCTION, 0, "break instruction 0x" + Long.toHexString(imm) + " with no interruption vector table");
        c.trapIim = imm;
        c.trapWritesIim = true;
        return Flow.INTERRUPT;
    }
}
