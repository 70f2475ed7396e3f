package org.polyvisor.isa.arm64.exec;

import java.lang.invoke.VarHandle;

import org.polyvisor.isa.arm64.decode.ExecClass;
import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.MemKind;
import org.polyvisor.isa.arm64.decode.Op;
import org.polyvisor.isa.arm64.decode.Reg;
import org.polyvisor.isa.arm64.decode.SysReg;
import org.polyvisor.isa.arm64.platform.VirtBoard;
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
    private final FloatingPoint fpu;
    private final AdvancedSimd simd;

    /** This vCPU's index and the board's PSCI (null without a board), for HVC #0. */
    private final int vcpuId;
    private final VirtBoard.Psci psci;
    private final long[] psciResult = new long[1];

    Executor(Arm64State state, DataBus bus, SystemRegisters sys, SystemOperations ops, Interrupts interrupts,
             Atomics atomics, int vcpuId, VirtBoard.Psci psci) {
        this.vcpuId = vcpuId;
        this.psci = psci;
        this.atomics = atomics;
        this.interrupts = interrupts;
        this.ops = ops;
        this.s = state;
        this.bus = bus;
        this.dp = new DataProcessing(state);
        this.ls = new LoadStore(state, bus);
        this.br = new Branches(state);
        this.sys = sys;
        this.fpu = new FloatingPoint(state);
        this.simd = new AdvancedSimd(state);
    }

    int execute(Insn i) {
        switch (i.execClass) {
            case ExecClass.ADD_SUB_IMM -> dp.addSubImm(i);
            case ExecClass.ADD_SUB_SHIFT -> dp.addSubShift(i);
            case ExecClass.ADD_SUB_EXT -> dp.addSubExt(i);
            case ExecClass.LOGICAL_IMM -> dp.logicalImm(i);
            case ExecClass.LOGICAL_SHIFT -> dp.logicalShift(i);
            case ExecClass.MOVE_WIDE -> dp.moveWide(i);
            case ExecClass.PC_RELATIVE -> dp.pcRelative(i);
            case ExecClass.BITFIELD -> dp.bitfield(i);
            case ExecClass.EXTR -> dp.extract(i);
            case ExecClass.SHIFT_VARIABLE -> dp.shiftVariable(i);
            case ExecClass.ADD_SUB_CARRY -> dp.addSubCarry(i);
            case ExecClass.DIVIDE -> dp.divide(i);
            case ExecClass.CRC32 -> dp.crc32(i);
            case ExecClass.ONE_SOURCE -> dp.oneSource(i);
            case ExecClass.MULTIPLY -> dp.multiply(i);
            case ExecClass.COND_SELECT -> dp.conditionalSelect(i);
            case ExecClass.COND_COMPARE -> dp.conditionalCompare(i);
            case ExecClass.LOAD_STORE -> { return blocked(i) ? blockedAccess(i) : memory(ls.offset(i)); }
            case ExecClass.LOAD_STORE_PRE -> { return blocked(i) ? blockedAccess(i) : memory(ls.preIndex(i)); }
            case ExecClass.LOAD_STORE_POST -> { return blocked(i) ? blockedAccess(i) : memory(ls.postIndex(i)); }
            case ExecClass.LOAD_STORE_REG -> { return blocked(i) ? blockedAccess(i) : memory(ls.registerOffset(i)); }
            case ExecClass.LOAD_LITERAL -> { return blocked(i) ? blockedAccess(i) : memory(ls.literal(i)); }
            case ExecClass.PAIR -> { return blocked(i) ? blockedAccess(i) : memory(ls.pair(i, 0)); }
            case ExecClass.PAIR_PRE -> { return blocked(i) ? blockedAccess(i) : memory(ls.pair(i, 1)); }
            case ExecClass.PAIR_POST -> { return blocked(i) ? blockedAccess(i) : memory(ls.pair(i, 2)); }
            case ExecClass.B -> { return br.b(i); }
            case ExecClass.BL -> { return br.bl(i); }
            case ExecClass.B_COND -> { return br.bCond(i); }
            case ExecClass.CBZ -> { return br.cbz(i, true); }
            case ExecClass.CBNZ -> { return br.cbz(i, false); }
            case ExecClass.TBZ -> { return br.tbz(i, true); }
            case ExecClass.TBNZ -> { return br.tbz(i, false); }
            case ExecClass.BRANCH_REG -> { return br.br(i); }
            case ExecClass.BLR -> { return br.blr(i); }
            case ExecClass.HINT -> { return hint(i); }
            // Data and synchronisation barriers order this vCPU's accesses against other pCPU threads;
            // ISB, SB and CLREX have nothing to flush or clear in an interpreter without speculation or monitors.
            case ExecClass.BARRIER -> VarHandle.fullFence();
            case ExecClass.NO_OP -> { }
            case ExecClass.CLREX -> atomics.clearMonitor();
            case ExecClass.LDXR -> { return memory(atomics.loadExclusive(i, false)); }
            case ExecClass.LDXP -> { return memory(atomics.loadExclusive(i, true)); }
            case ExecClass.STXR -> { return memory(atomics.storeExclusive(i, false)); }
            case ExecClass.STXP -> { return memory(atomics.storeExclusive(i, true)); }
            case ExecClass.LDAR -> { return memory(atomics.loadAcquire(i)); }
            case ExecClass.STLR -> { return memory(atomics.storeRelease(i)); }
            case ExecClass.CAS -> { return memory(atomics.compareAndSwap(i)); }
            case ExecClass.CASP -> { return memory(atomics.compareAndSwapPair(i)); }
            case ExecClass.ATOMIC_RMW -> { return memory(atomics.readModifyWrite(i)); }
            case ExecClass.MSR_IMM -> { if (!sys.msrImmediate(i)) return undefined(i); }
            case ExecClass.MRS -> {
                if (fpControl(i) && s.fpTrapped()) return fpTrap(i);
                if (!sys.mrs(i)) return undefined(i);
            }
            case ExecClass.MSR_REG -> {
                if (fpControl(i) && s.fpTrapped()) return fpTrap(i);
                if (!sys.msr(i)) return undefined(i);
            }
            case ExecClass.SYS -> { if (!ops.execute(i)) return undefined(i); }
            case ExecClass.ERET -> { return eret(i); }
            case ExecClass.HVC -> { return hvc(i); }
            case ExecClass.SVC -> { return svc(i); }
            case ExecClass.BRK -> { return brk(i); }
            case ExecClass.UNDEFINED -> { return undefined(i); }
            // ExecClass.SIMD_FP: every other constant is a SIMD&FP instruction (Op.simdFp()).
            default -> {
                if (s.fpTrapped()) return fpTrap(i);
                if (i.op.ordinal() < Op.MOVI.ordinal()) fpu.execute(i);
                else simd.execute(i);
            }
        }
        return Step.NEXT;
    }

    private static boolean fpControl(Insn i) { return i.amount == SysReg.FPCR || i.amount == SysReg.FPSR; }

    /** FP/AdvSIMD access trapped by CPACR_EL1.FPEN: EC 0x07 to EL1 (ELR = this instruction), or a crash with no vectors. */
    private int fpTrap(Insn i) {
        if (!s.vectorsInstalled) {
            return fault(new VcpuExit.Fault(String.format("SIMD&FP instruction 0x%08x trapped by CPACR_EL1.FPEN with no exception vectors installed", i.raw), s.pc));
        }
        ExceptionModel.takeSync(s, ExceptionModel.esr(ExceptionModel.EC_FP_ACCESS, ExceptionModel.ISS_FP_ACCESS), s.pc, 0, false);
        return Step.JUMP;
    }

    /**
     * True when a load or store cannot start: a SIMD&amp;FP transfer while CPACR_EL1.FPEN traps, or an SP-based
     * address with a misaligned SP while SCTLR_EL1.SA/SA0 checks it.
     */
    private boolean blocked(Insn i) {
        return (i.memKind >= MemKind.V_STORE && s.fpTrapped())
                || (i.rn == Reg.SP && (s.x[Reg.SP] & 15) != 0
                    && (s.sys[SysReg.SCTLR_EL1] & (s.el() == 0 ? SCTLR_SA0 : SCTLR_SA)) != 0);
    }

    /** The exception of a {@link #blocked} access: the FP trap first (it is checked at decode on hardware). */
    private int blockedAccess(Insn i) {
        return i.memKind >= MemKind.V_STORE && s.fpTrapped() ? fpTrap(i) : spAlignment(i);
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
     * <p>WFI completes at once when an interrupt is pending (masked or not, Arm ARM D1.16.2). Without a board it also
     * completes while a timer is armed (WFI may complete at any time), so the guest's wait loop spins on virtual time
     * until the deadline; on the virt board it halts and the kernel wakes it at {@link Arm64Vcpu#wakeDeadline}.
     * Otherwise the vCPU halts until the hypervisor raises a line.
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
        interrupts.syncTimers();
        // On the board the kernel wakes a halted vCPU at its timer deadline (Vcpu.wakeDeadline), so WFI may halt.
        if (interrupts.anyPending() || (interrupts.timerArmed() && !interrupts.onBoard())) return Step.NEXT;
        s.pc += 4;
        exit = VcpuExit.HALT;
        return Step.EXIT_RETIRED;
    }

    /**
     * HVC is UNDEFINED at EL0; at EL1 on the virt board HVC #0 is a PSCI call (function in x0, result in x0), and
     * the Xen tag is a hypercall. Any other immediate goes to EL2, which is the
     * hypervisor, and it knows no other call yet: the domain crashes.
     */
    private int hvc(Insn i) {
        if (s.el() == 0) return undefined(i);
        if (psci != null && i.aux == 0) {
            VirtBoard.Psci.After after = psci.call(vcpuId, s.x[0], s.x[1], s.x[2], s.x[3], psciResult);
            s.x[0] = psciResult[0];
            if (after == VirtBoard.Psci.After.CONTINUE) return Step.NEXT;
            s.pc += 4;
            exit = VcpuExit.HALT;
            return Step.EXIT_RETIRED;
        }
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
