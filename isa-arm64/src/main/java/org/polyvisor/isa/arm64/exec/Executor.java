package org.polyvisor.isa.arm64.exec;

import java.lang.invoke.VarHandle;

import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.Reg;
import org.polyvisor.isa.arm64.decode.SysReg;
import org.polyvisor.isa.arm64.trap.ExceptionModel;
import org.polyvisor.spi.VcpuExit;

/**
 * Dispatches a decoded instruction to the handler of its pattern. Returns a {@link Step}; an instruction that needs
 * the hypervisor leaves the exit in {@link #exit} (no allocation on any other path).
 */
final class Executor {
    /** HINT numbers (CRm:op2) with an effect here; every other hint, allocated or not, executes as a NOP. */
    private static final int HINT_WFE = 2, HINT_WFI = 3, HINT_SEV = 4, HINT_SEVL = 5;

    private final Arm64State s;
    private final DataProcessing dp;
    private final LoadStore ls;
    private final Branches br;
    private final SystemRegisters sys;
    private final DataBus bus;

    VcpuExit exit;

    /** The Event Register of WFE/SEV (Arm ARM D1.16.1): set by SEV, SEVL and exception return; WFE consumes it. */
    private boolean eventRegister;

    /** SCTLR_EL1.SA (SP alignment check at EL1) and SA0 (at EL0). */
    private static final long SCTLR_SA = 1L << 3, SCTLR_SA0 = 1L << 4;

    private final Interrupts interrupts;
    private final SystemOperations ops;
    private final Atomics atomics;

    Executor(Arm64State state, DataBus bus, SystemRegisters sys, SystemOperations ops, Interrupts interrupts,
             Atomics atomics) {
        this.atomics = atomics;
        this.interrupts = interrupts;
        this.ops = ops;
        this.s = state;
        this.bus = bus;
        this.dp = new DataProcessing(state);
        this.ls = new LoadStore(state, bus);
        this.br = new Branches(state);
        this.sys = sys;
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
            case ADC, ADCS, SBC, SBCS -> dp.addSubCarry(i);
            case UDIV, SDIV -> dp.divide(i);
            case CRC32 -> dp.crc32(i);
            case RBIT, REV16, REV32, REV, CLZ, CLS -> dp.oneSource(i);
            case MADD, MSUB, SMADDL, SMSUBL, UMADDL, UMSUBL, SMULH, UMULH -> dp.multiply(i);
            case CSEL, CSINC, CSINV, CSNEG -> dp.conditionalSelect(i);
            case CCMN_reg, CCMP_reg, CCMN_imm, CCMP_imm -> dp.conditionalCompare(i);
            case LDST_unsigned_imm, LDST_unscaled_imm, LDST_imm_pre, LDST_imm_post, LDST_reg_offset, LDR_literal,
                 LDP_STP_offset, LDP_STP_pre, LDP_STP_post -> { return loadStore(i); }
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
            case ISB, SB -> { }
            case CLREX -> atomics.clearMonitor();
            case LDXR -> { return memory(atomics.loadExclusive(i, false)); }
            case LDXP -> { return memory(atomics.loadExclusive(i, true)); }
            case STXR -> { return memory(atomics.storeExclusive(i, false)); }
            case STXP -> { return memory(atomics.storeExclusive(i, true)); }
            case LDAR -> { return memory(atomics.loadAcquire(i)); }
            case STLR -> { return memory(atomics.storeRelease(i)); }
            case CAS -> { return memory(atomics.compareAndSwap(i)); }
            case CASP -> { return memory(atomics.compareAndSwapPair(i)); }
            case SWP, LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN -> { return memory(atomics.readModifyWrite(i)); }
            case MSR_imm -> { if (!sys.msrImmediate(i)) return undefined(i); }
            case MRS -> { if (!sys.mrs(i)) return undefined(i); }
            case MSR_reg -> { if (!sys.msr(i)) return undefined(i); }
            case SYS -> { if (!ops.execute(i)) return undefined(i); }
            case ERET -> { return eret(i); }
            case HVC -> { return hvc(i); }
            case SVC -> { return svc(i); }
            case BRK -> { return brk(i); }
            case UNDEFINED, UDF -> { return undefined(i); }
        }
        return Step.NEXT;
    }

    private int loadStore(Insn i) {
        if (i.rn == Reg.SP && (s.x[Reg.SP] & 15) != 0
                && (s.sys[SysReg.SCTLR_EL1] & (s.el() == 0 ? SCTLR_SA0 : SCTLR_SA)) != 0) {
            return spAlignment(i);
        }
        return switch (i.op) {
            case LDST_unsigned_imm, LDST_unscaled_imm -> memory(ls.offset(i));
            case LDST_imm_pre -> memory(ls.preIndex(i));
            case LDST_imm_post -> memory(ls.postIndex(i));
            case LDST_reg_offset -> memory(ls.registerOffset(i));
            case LDR_literal -> memory(ls.literal(i));
            case LDP_STP_offset -> memory(ls.pair(i, 0));
            case LDP_STP_pre -> memory(ls.pair(i, 1));
            default -> memory(ls.pair(i, 2));
        };
    }

    private int memory(int step) {
        if (step >= Step.EXIT_RETIRED) {
            if (step == Step.EXIT && bus.aborted && s.vectorsInstalled) {
                int ec = s.el() == 0 ? ExceptionModel.EC_DABT_LOWER : ExceptionModel.EC_DABT_CURRENT;
                int iss = bus.abortFsc | (bus.abortWrite ? ExceptionModel.ISS_WNR : 0);
                ExceptionModel.takeSync(s, ExceptionModel.esr(ec, iss), s.pc, bus.abortVa, true);
                bus.clearExit();
                return Step.JUMP;
            }
            exit = bus.exit;
            bus.clearExit();
            if (step == Step.EXIT_RETIRED) s.pc += 4;
        }
        return step;
    }

    /** SP alignment fault (EC 0x26): a load or store based on a stack pointer that is not 16-byte aligned. */
    private int spAlignment(Insn i) {
        if (!s.vectorsInstalled) {
            exit = new VcpuExit.Fault("misaligned sp 0x" + Long.toHexString(s.x[Reg.SP]) + " in a load/store", s.pc);
            return Step.EXIT;
        }
        ExceptionModel.takeSync(s, ExceptionModel.esr(ExceptionModel.EC_SP_ALIGN, 0), s.pc, 0, false);
        return Step.JUMP;
    }

    /** Undefined Instruction exception (EC 0x00, ELR = this instruction), or a crash with no vectors. */
    private int undefined(Insn i) {
        if (!s.vectorsInstalled) return fault(ExceptionModel.undefined(i.raw, s.pc));
        ExceptionModel.takeSync(s, ExceptionModel.esr(ExceptionModel.EC_UNKNOWN, 0), s.pc, 0, false);
        return Step.JUMP;
    }

    /** SVC: EC 0x15 with imm16 in the ISS; the preferred return address is the next instruction. */
    private int svc(Insn i) {
        if (!s.vectorsInstalled) return fault(ExceptionModel.unhandled("svc", i.aux, s.pc));
        ExceptionModel.takeSync(s, ExceptionModel.esr(ExceptionModel.EC_SVC64, i.aux), s.pc + 4, 0, false);
        return Step.JUMP;
    }

    /** BRK: EC 0x3C with imm16 in the ISS; the preferred return address is the BRK itself. */
    private int brk(Insn i) {
        if (!s.vectorsInstalled) return fault(ExceptionModel.unhandled("brk", i.aux, s.pc));
        ExceptionModel.takeSync(s, ExceptionModel.esr(ExceptionModel.EC_BRK64, i.aux), s.pc, 0, false);
        return Step.JUMP;
    }

    /** ERET: UNDEFINED at EL0; an exception return also clears the local exclusive monitor (Arm ARM B2.9.5). */
    private int eret(Insn i) {
        if (s.el() == 0) return undefined(i);
        ExceptionModel.eret(s);
        atomics.clearMonitor();
        eventRegister = true;
        return Step.JUMP;
    }

    /**
     * HINT space (CRm:op2, 0..127): WFI, WFE, SEV and SEVL act; YIELD, NOP and every other hint, allocated or not,
     * are NOPs (as the Arm ARM requires of unallocated hints).
     * <p>WFI completes at once when an interrupt is pending (masked or not, Arm ARM D1.16.2), and also while a timer
     * is armed (WFI may complete at any time): the hypervisor has no "halt until" exit, so the guest's wait loop
     * spins on virtual time until the deadline. Otherwise the vCPU halts until the hypervisor raises a line.
     * <p>WFE first consumes a set Event Register and completes. Otherwise it waits as WFI does, except that it also
     * completes at once while this vCPU's exclusive monitor is armed: the wake-up a spinlock waits for (another
     * vCPU's store clearing the global monitor, or its SEV) is not a line the hypervisor raises, so halting there
     * could sleep forever; completing early is always permitted (WFE is a hint). SEV sets the Event Register here
     * only: there is no cross-vCPU event in the SPI, so another vCPU halted in a WFE without an armed monitor wakes
     * on its next interrupt.
     */
    private int hint(Insn i) {
        switch (i.aux) {
            case HINT_SEV, HINT_SEVL -> { eventRegister = true; return Step.NEXT; }
            case HINT_WFE -> {
                if (eventRegister) { eventRegister = false; return Step.NEXT; }
                if (atomics.monitorArmed()) return Step.NEXT;
            }
            case HINT_WFI -> { }
            default -> { return Step.NEXT; }
        }
        if (interrupts.anyPending() || interrupts.timerArmed()) return Step.NEXT;
        s.pc += 4;
        exit = VcpuExit.HALT;
        return Step.EXIT_RETIRED;
    }

    /**
     * HVC is UNDEFINED at EL0; at EL1 the Xen tag is a hypercall. Any other immediate goes to EL2, which is the
     * hypervisor, and it knows no other call yet: the domain crashes.
     */
    private int hvc(Insn i) {
        if (s.el() == 0) return undefined(i);
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
