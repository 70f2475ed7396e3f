package org.polyvisor.isa.arm64.exec;

import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.SysOp;
import org.polyvisor.isa.arm64.decode.SysReg;
import org.polyvisor.isa.arm64.mmu.Translation;

/**
 * SYS operations: TLBI flushes the soft TLB (all of it for every variant: entries are cached per 4 KiB page, so
 * a by-VA or by-ASID invalidation of a block mapping must not leave pieces behind), and the inner-shareable
 * variants also ask the domain's other vCPUs to flush ({@link TlbBroadcast}); AT writes PAR_EL1, and the
 * cache maintenance operations do nothing, because guest memory is coherent and decoded code is dropped on writes.
 */
final class SystemOperations {
    /** SCTLR_EL1.UCI: EL0 may use DC CVAC/CVAU/CIVAC and IC IVAU. */
    private static final long SCTLR_UCI = 1L << 26;

    private final Arm64State s;
    private final Translation mmu;
    private final Runnable flush;
    private final Runnable broadcast;

    SystemOperations(Arm64State state, Translation mmu, Runnable flush, Runnable broadcast) {
        this.s = state;
        this.mmu = mmu;
        this.flush = flush;
        this.broadcast = broadcast;
    }

    /** Executes SYS; false when the operation is UNDEFINED at the current level. */
    boolean execute(Insn i) {
        if (s.el() == 0 && !(SysOp.el0WithUci(i.aux) && (s.sys[SysReg.SCTLR_EL1] & SCTLR_UCI) != 0)) return false;
        switch (SysOp.kind(i.aux)) {
            case SysOp.TLBI_ALL, SysOp.TLBI_VA, SysOp.TLBI_ASID -> {
                flush.run();
                if (SysOp.innerShareable(i.aux)) broadcast.run();
            }
            case SysOp.AT -> s.sys[SysReg.PAR_EL1] = mmu.addressTranslate(s.x[i.rd], SysOp.atEl(i.raw), SysOp.atIsWrite(i.raw));
            default -> { }
        }
        return true;
    }
}
