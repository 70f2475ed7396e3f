package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.trap.Vector;

/**
 * B8 rfi, bsw.0 and bsw.1 (SDM rev 2.3 vol 3), all privileged and not predicated.
 * rfi: PSR = cr.ipsr (switching the register bank if bn changes), IP = cr.iip at slot ipsr.ri, and when
 * cr.ifs.v = 1 the covered frame comes back with CFM = cr.ifs.pfm (RegisterStack.restoreCovered).
 * bsw.0 / bsw.1 select bank 0 / 1 of r16-r31 (PSR.bn).
 */
public final class SystemBranch extends Insn {
    public enum Kind { RFI, BSW0, BSW1 }

    private final Kind kind;

    public SystemBranch(long bits, Kind kind) {
        super(bits, false);
        this.kind = kind;
    }

    @Override
    public int execute(CpuState c) {
        if (c.cpl != 0)
            return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_PRIVILEGED_OPERATION, "privileged operation: " + text(0) + " at cpl " + c.cpl);
        switch (kind) {
            case BSW0 -> c.setPsr(c.psr & ~CpuState.PSR_BN);
            case BSW1 -> c.setPsr(c.psr | CpuState.PSR_BN);
            case RFI -> {
                long ifs = c.cr[CpuState.CR_IFS];
                if (ifs < 0) {
                    int flow = c.rse.restoreCovered(ifs & ((1L << 38) - 1));
                    if (flow != Flow.NEXT) return flow;
                }
                long ipsr = c.cr[CpuState.CR_IPSR];
                c.setPsr(ipsr);
                c.cpl = (int) (ipsr >>> 32 & 3);
                c.translationChanged.run();
                int slot = (int) (ipsr >>> 41 & 3);
                c.branchTarget = c.cr[CpuState.CR_IIP] & ~0xfL;
                c.branchSlot = slot == 3 ? 0 : slot;
                return Flow.RETURN_TO_SLOT;
            }
        }
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return switch (kind) { case RFI -> "rfi"; case BSW0 -> "bsw.0"; case BSW1 -> "bsw.1"; };
    }
}
