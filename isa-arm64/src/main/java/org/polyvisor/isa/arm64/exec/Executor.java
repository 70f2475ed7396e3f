package org.polyvisor.isa.arm64.exec;

import java.lang.invoke.VarHandle;

import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.trap.ExceptionModel;
import org.polyvisor.spi.VcpuExit;

/**
 * Dispatches a decoded instruction to the handler of its pattern. Returns a {@link Step}; an instruction that needs
 * the hypervisor leaves the exit in {@link #exit} (no allocation on any other path).
 */
final class Executor {
    private static final int HINT_WFI = 3;

    private final Arm64State s;
    private final DataProcessing dp;
    private final LoadStore ls;
    private final Branches br;
    private final SystemRegisters sys;
    private final DataBus bus;

    VcpuExit exit;

    Executor(Arm64State state, DataBus bus) {
        this.s = state;
        this.bus = bus;
        this.dp = new DataProcessing(state);
        this.ls = new LoadStore(state, bus);
        this.br = new Branches(state);
        this.sys = new SystemRegisters(state);
    }

    int execute(Insn i) {
        switch (i.op) {
            case ADD_imm, ADDS_imm, SUB_imm, SUBS_imm -> dp.addSubImm(i);
            case ADD_shift, ADDS_shift, SUB_shift, SUBS_shift -> dp.addSubShift(i);
            case ADD_ext, ADDS_ext, SUB_ext, SUBS_ext -> dp.addSubExt(i);
            case AND_imm, ORR_imm, EOR_imm, ANDS_imm -> dp.logicalImm(i);
            case AND_shift, BIC_shift, ORR_shift, ORN_shift, EOR_shift, EON_shift, ANDS_shift, BICS_shift -> dp.logicalShift(i);
            case MOVN, MOVZ, MOVK -> dp.moveWide(i);
            case ADR, ADRP -> dp.pcRelative(i);
            case SBFM, BFM, UBFM -> dp.bitfield(i);
            case EXTR -> dp.extract(i);
            case LSLV, LSRV, ASRV, RORV -> dp.shiftVariable(i);
            case UDIV, SDIV -> dp.divide(i);
            case RBIT, REV16, REV32, REV, CLZ, CLS -> dp.oneSource(i);
            case MADD, MSUB, SMADDL, SMSUBL, UMADDL, UMSUBL, SMULH, UMULH -> dp.multiply(i);
            case CSEL, CSINC, CSINV, CSNEG -> dp.conditionalSelect(i);
            case CCMN_reg, CCMP_reg, CCMN_imm, CCMP_imm -> dp.conditionalCompare(i);
            case LDST_unsigned_imm, LDST_unscaled_imm -> { return memory(ls.offset(i)); }
            case LDST_imm_pre -> { return memory(ls.preIndex(i)); }
            case LDST_imm_post -> { return memory(ls.postIndex(i)); }
            case LDST_reg_offset -> { return memory(ls.registerOffset(i)); }
            case LDR_literal -> { return memory(ls.literal(i)); }
            case LDP_STP_offset -> { return memory(ls.pair(i, 0)); }
            case LDP_STP_pre -> { return memory(ls.pair(i, 1)); }
            case LDP_STP_post -> { return memory(ls.pair(i, 2)); }
            case B -> { return br.b(i); }
            case BL -> { return br.bl(i); }
            case B_cond -> { return br.bCond(i); }
            case CBZ -> { return br.cbz(i, true); }
            case CBNZ -> { return br.cbz(i, false); }
            case TBZ -> { return br.tbz(i, true); }
            case TBNZ -> { return br.tbz(i, false); }
            case BR, RET -> { return br.br(i); }
            case BLR -> { return br.blr(i); }
            case HINT -> { return hint(i); }
            // Data and synchronisation barriers order this vCPU's accesses against other pCPU threads;
            // ISB, SB and CLREX have nothing to flush or clear in an interpreter without speculation or monitors.
            case DMB, DSB -> VarHandle.fullFence();
            case ISB, SB, CLREX -> { }
            case MSR_imm -> sys.msrImmediate(i);
            case MRS -> sys.mrs(i);
            case MSR_reg -> sys.msr(i);
            case HVC -> { return hvc(i); }
            case SVC -> { return fault(ExceptionModel.unhandled("svc", i.aux, s.pc)); }
            case BRK -> { return fault(ExceptionModel.unhandled("brk", i.aux, s.pc)); }
            case UNDEFINED, UDF -> { return fault(ExceptionModel.undefined(i.raw, s.pc)); }
        }
        return Step.NEXT;
    }

    private int memory(int step) {
        if (step >= Step.EXIT_RETIRED) {
            exit = bus.exit;
            bus.clearExit();
            if (step == Step.EXIT_RETIRED) s.pc += 4;
        }
        return step;
    }

    /** WFI with no interrupt model yet: nothing can be pending, so the vCPU halts. Other hints execute as NOP. */
    private int hint(Insn i) {
        if (i.aux != HINT_WFI) return Step.NEXT;
        s.pc += 4;
        exit = VcpuExit.HALT;
        return Step.EXIT_RETIRED;
    }

    /** HVC is UNDEFINED at EL0; at EL1 only the Xen tag is a hypercall, the rest would need vectors. */
    private int hvc(Insn i) {
        if (s.el() == 0) return fault(ExceptionModel.undefined(i.raw, s.pc));
        VcpuExit hypercall = ExceptionModel.hvc(i.aux, s.el());
        if (hypercall == null) return fault(ExceptionModel.unhandled("hvc", i.aux, s.pc));
        s.pc += 4;
        exit = hypercall;
        return Step.EXIT_RETIRED;
    }

    private int fault(VcpuExit.Fault f) {
        exit = f;
        return Step.EXIT;
    }
}
