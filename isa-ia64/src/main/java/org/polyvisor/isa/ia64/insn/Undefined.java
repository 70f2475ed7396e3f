package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.trap.Vector;

/**
 * A slot no table knows, or any slot of a reserved template: an Illegal Operation fault (General Exception
 * vector, ISR.code 0), which ends the domain while no IVT is installed. objdump prints it as "data8" with the 41-bit slot ({@code %#011llx}).
 */
public final class Undefined extends Insn {
    private final int slot;
    private final int width;
    private final String reason;

    public Undefined(long bits, int slot, int width) {
        super(bits);
        this.slot = slot;
        this.width = width;
        this.reason = "undefined instruction slot " + slot + " 0x" + String.format("%011x", bits);
    }

    @Override
    public int width() { return width; }

    /** Predication does not hide an undefined encoding: the decoder cannot know where its qp would be. */
    @Override
    public int predicatedOff(CpuState c) { return execute(c); }

    @Override
    public int execute(CpuState c) {
        return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_ILLEGAL_OPERATION, reason);
    }

    public int slot() { return slot; }

    @Override
    public String text(long ip) {
        return "data8 " + (bits == 0 ? "00000000000" : String.format("0x%09x", bits));
    }
}
