package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.trap.Vectors.DF;
import static org.polyvisor.isa.x86.trap.Vectors.GP;
import static org.polyvisor.isa.x86.trap.Vectors.MEMORY;
import static org.polyvisor.isa.x86.trap.Vectors.NP;
import static org.polyvisor.isa.x86.trap.Vectors.PF;
import static org.polyvisor.isa.x86.trap.Vectors.SS;
import static org.polyvisor.isa.x86.trap.Vectors.TS;
import static org.polyvisor.isa.x86.trap.Vectors.contributory;
import static org.polyvisor.isa.x86.trap.Vectors.errorOf;
import static org.polyvisor.isa.x86.trap.Vectors.fault;
import static org.polyvisor.isa.x86.trap.Vectors.vectorOf;

import org.polyvisor.isa.x86.trap.Descriptor;

/**
 * Exception and interrupt entry through the IDT (SDM Vol. 3, 6.12 and 6.14): the gate walk (32-bit interrupt and
 * trap gates, their 16-bit forms, and the 16-byte gates of IA-32e mode), the gate DPL check of INT n / INT3 /
 * INTO, the target code segment checks, the stack switch through the TSS on a privilege change (ESPn/SSn of a
 * 32-bit TSS; RSPn or an IST slot of a 64-bit TSS), the saved frame and error code, IF/TF/NT/RF clearing, and
 * the double-fault rules (Table 6-5). A fault during the delivery of a double fault is a triple fault.
 * From virtual-8086 mode (SDM Vol. 3, 20.3.1.1) the handler must be DPL 0 non-conforming code: the frame adds GS,
 * FS, DS and ES below SS:ESP and those four become null; IRET at CPL 0 with VM in the popped EFLAGS returns there.
 * A task gate (outside IA-32e mode) switches tasks ({@link TaskSwitch}); the error code goes on the new task's stack.
 */
public final class ExceptionEntry {
    /** Where the event comes from: it decides the gate DPL check and the EXT bit of error codes. */
    public static final int EXCEPTION = 0, SOFTWARE = 1, EXTERNAL = 2;
    /** Results of {@link #raise}. */
    public static final int ENTERED = 0, TRIPLE_FAULT = 1, OUT_OF_MEMORY = 2, UNHANDLED = 3;
    /** What {@link GuestTraps#enter} answers for an exception the PV guest registered no handler for. */
    public static final long NO_HANDLER = Long.MIN_VALUE;

    /**
     * A PV guest's trap table (Xen's {@code set_trap_table}): delivers an exception or INT n to the guest's handler with
     * Xen's bounce frame. Returns 0 when the handler was entered, an exception as a value ({@code Vectors.fault}: a
     * #GP for an INT n the handler's DPL forbids), {@code Vectors.MEMORY} when the frame could not be written, or
     * {@link #NO_HANDLER} (Xen crashes the domain).
     */
    public interface GuestTraps {
        long enter(int vector, int errorCode, boolean hasError, int source, long returnIp);

        /**
         * After an {@link #enter} that emulated the instruction instead of entering a handler (Xen's privileged-op
         * emulation), the exit the vCPU leaves with once it retired (a HLT that blocks), else null. Reading clears it.
         */
        default org.polyvisor.spi.VcpuExit takeExit() { return null; }
    }

    /** Why a delivery that did not enter a handler ended the guest, for the crash message. */
    public static String failure(int result, int vector) {
        return switch (result) {
            case TRIPLE_FAULT -> "triple fault";
            case UNHANDLED -> org.polyvisor.isa.x86.trap.Vectors.name(vector) + " with no handler in the PV trap table";
            default -> "exception delivery outside guest memory (" + org.polyvisor.isa.x86.trap.Vectors.name(vector) + ")";
        };
    }

    private static final long TF = 1 << 8, IF = 1 << 9, NT = 1 << 14, RF = 1 << 16, VM = 1 << 17, AC = 1 << 18,
            VIF = 1 << 19, VIP = 1 << 20;

    private final CpuState s;
    private final Bus bus;
    private final Segments segments;
    /** Task switches, through IDT task gates here and through JMP/CALL/IRET in the interpreter. */
    final TaskSwitch tasks;

    public ExceptionEntry(CpuState s, Bus bus, Segments segments) {
        this.s = s; this.bus = bus; this.segments = segments;
        this.tasks = new TaskSwitch(s, bus, segments);
    }

    /**
     * Delivers {@code vector} (with {@code errorCode} when {@code hasError}); the saved instruction pointer is
     * {@code returnIp}, and {@code faultIp} for an exception raised while delivering. Serial delivery, double
     * fault and triple fault follow Table 6-5. The loop ends after at most four attempts.
     */
    public int raise(int vector, int errorCode, boolean hasError, int source, long returnIp, long faultIp) {
        for (int attempt = 0; attempt < 4; attempt++) {
            bus.implicitSupervisor = true;
            GuestTraps pv = s.guestTraps;
            long f = pv != null && !s.realMode() ? pv.enter(vector, errorCode, hasError, source, returnIp)
                    : enter(vector, errorCode, hasError, source, returnIp);
            bus.implicitSupervisor = false;
            if (f == 0) return ENTERED;
            if (f == NO_HANDLER) return UNHANDLED;
            if (f == MEMORY) {
                if (bus.abort == Bus.PAGE_FAULT) {
                    s.cr2 = bus.faultAddress;
                    f = fault(PF, bus.faultCode);
                } else if (bus.abort == Bus.GENERAL_PROTECTION) {
                    f = fault(GP, 0);
                } else {
                    bus.abort = null;
                    return OUT_OF_MEMORY;
                }
            }
            bus.abort = null;
            long nextIp = faultIp;
            if (tasks.inNewTask) {  // the fault came from loading the new task: it is that task's, at its EIP
                tasks.inNewTask = false;
                nextIp = s.rip;
            }
            if (vector == DF) return TRIPLE_FAULT;
            int second = vectorOf(f);
            boolean dbl = (contributory(vector) && contributory(second)) || (vector == PF && (second == PF || contributory(second)));
            if (source != EXCEPTION) dbl = false;  // a fault while delivering INT n or an interrupt is delivered serially
            vector = dbl ? DF : second;
            errorCode = dbl ? 0 : errorOf(f);
            hasError = true;
            source = EXCEPTION;
            returnIp = nextIp;
        }
        return TRIPLE_FAULT;
    }

    /** One delivery attempt: 0 when the handler is entered, else the exception it raised (state unchanged). */
    private long enter(int vector, int errorCode, boolean hasError, int source, long returnIp) {
        if (s.realMode()) return enterReal(vector, returnIp);
        int ext = source == SOFTWARE ? 0 : 1;
        int idtError = (vector << 3) | 2 | ext;
        int cpl = s.cpl();
        boolean lm = s.ia32e();  // 16-byte gates and 64-bit frames from 64-bit and compatibility mode alike
        int gateBytes = lm ? 16 : 8;
        if ((long) vector * gateBytes + gateBytes - 1 > s.idtLimit) return fault(GP, idtError);
        long gateAt = s.idtBase + (long) vector * gateBytes;
        long gate = bus.read(gateAt, 8);
        long gateHigh = lm ? bus.read(gateAt + 8, 8) : 0;
        if (bus.abort != null) return MEMORY;
        int type = Descriptor.type(gate);
        boolean validType = lm ? type == Descriptor.INTERRUPT_GATE || type == Descriptor.TRAP_GATE
                : type == Descriptor.INTERRUPT_GATE || type == Descriptor.TRAP_GATE
                  || type == Descriptor.INTERRUPT_GATE16 || type == Descriptor.TRAP_GATE16 || type == Descriptor.TASK_GATE;
        if (!Descriptor.system(gate) || !validType) return fault(GP, idtError);
        if (source == SOFTWARE && Descriptor.dpl(gate) < cpl) return fault(GP, (vector << 3) | 2);
        if (!Descriptor.present(gate)) return fault(NP, idtError);
        if (type == Descriptor.TASK_GATE) return enterTask(gate, errorCode, hasError, ext, returnIp);

        int sel = Descriptor.gateSelector(gate);
        if ((sel & 0xFFFC) == 0) return fault(GP, ext);
        long csAt = segments.address(sel);
        if (csAt < 0) return fault(GP, Segments.selectorError(sel, ext));
        long cs = segments.read(csAt);
        if (bus.abort != null) return MEMORY;
        if (!Descriptor.code(cs) || Descriptor.dpl(cs) > cpl || (lm && !Descriptor.longCode(cs)))
            return fault(GP, Segments.selectorError(sel, ext));
        if (!Descriptor.present(cs)) return fault(NP, Segments.selectorError(sel, ext));
        int newCpl = Descriptor.conforming(cs) ? cpl : Descriptor.dpl(cs);
        boolean fromV86 = s.v86;
        if (fromV86 && newCpl != 0) return fault(GP, Segments.selectorError(sel, ext));  // only ring 0 takes it
        long offset = Descriptor.gateOffset(gate);
        if (lm) offset |= gateHigh << 32;
        else if ((type & 8) == 0) offset &= 0xFFFF;

        long flags = s.flags.value();
        long oldSp = s.r[CpuState.RSP];
        int oldSs = s.seg[CpuState.SS];
        long sp;
        int newSs = oldSs;
        long ssRaw = 0;
        boolean switchStack = newCpl < cpl;
        int width;
        if (lm) {
            width = 8;
            int ist = Descriptor.ist(gate);
            if (ist != 0) sp = bus.read(s.trBase + 0x24 + 8L * (ist - 1), 8);
            else if (switchStack) sp = bus.read(s.trBase + 4 + 8L * newCpl, 8);
            else sp = oldSp;
            if (bus.abort != null) return MEMORY;
            if (switchStack) newSs = newCpl;  // a null selector with RPL = the new CPL
            sp &= ~0xFL;
        } else {
            width = (type & 8) != 0 ? 4 : 2;
            if (switchStack) {
                long slot = 4 + 8L * newCpl;
                if (slot + 5 > s.trLimit) return fault(TS, Segments.selectorError(s.tr, ext));
                sp = bus.read(s.trBase + slot, 4);
                newSs = (int) bus.read(s.trBase + slot + 4, 2);
                if (bus.abort != null) return MEMORY;
                if ((newSs & 0xFFFC) == 0) return fault(TS, ext);
                long ssAt = segments.address(newSs);
                if (ssAt < 0) return fault(TS, Segments.selectorError(newSs, ext));
                ssRaw = segments.read(ssAt);
                if (bus.abort != null) return MEMORY;
                if ((newSs & 3) != newCpl || Descriptor.dpl(ssRaw) != newCpl || !Descriptor.writableData(ssRaw))
                    return fault(TS, Segments.selectorError(newSs, ext));
                if (!Descriptor.present(ssRaw)) return fault(SS, Segments.selectorError(newSs, ext));
            } else {
                sp = oldSp;
            }
        }
        long mask = lm ? -1L : 0xFFFF_FFFFL;
        if (fromV86) {
            sp = push(sp, width, s.seg[CpuState.GS], mask);
            sp = push(sp, width, s.seg[CpuState.FS], mask);
            sp = push(sp, width, s.seg[CpuState.DS], mask);
            sp = push(sp, width, s.seg[CpuState.ES], mask);
        }
        if (lm || switchStack) {
            sp = push(sp, width, oldSs, mask);
            sp = push(sp, width, oldSp, mask);
        }
        sp = push(sp, width, flags, mask);
        sp = push(sp, width, s.seg[CpuState.CS], mask);
        sp = push(sp, width, returnIp, mask);
        if (hasError) sp = push(sp, width, errorCode, mask);
        if (bus.abort != null) return MEMORY;

        if (switchStack) segments.loadStack(newSs, ssRaw);
        s.r[CpuState.RSP] = lm ? sp : (oldSp & ~mask) | sp;
        segments.loadCode(sel, cs, newCpl);
        s.rip = offset & mask;
        long cleared = TF | NT | RF | VM | ((type & 1) == 0 ? IF : 0);
        s.flags.load(flags & ~cleared);
        if (fromV86) {
            segments.nullDataSegments();
            s.updateMode();  // VM is clear now: 32-bit (or 16-bit) protected-mode code from the gate's segment
        }
        return 0;
    }

    /**
     * Delivery through a task gate (SDM Vol. 3, 6.12.2): a nesting task switch to the gate's TSS, the return address
     * saved in the old TSS, then the error code (if any) pushed as a doubleword on the new task's stack.
     */
    private long enterTask(long gate, int errorCode, boolean hasError, int ext, long returnIp) {
        long f = tasks.throughGate(Descriptor.gateSelector(gate), TaskSwitch.INTERRUPT, returnIp, ext);
        if (f != 0) return f;
        if (hasError) {
            long mask = s.stackMask(), sp = (s.r[CpuState.RSP] - 4) & mask;
            bus.write((s.segBase[CpuState.SS] + sp) & 0xFFFF_FFFFL, 4, errorCode);
            if (bus.abort != null) {
                tasks.inNewTask = true;  // the new task's own stack fault
                return MEMORY;
            }
            s.set(CpuState.RSP, s.stackSize, sp);
        }
        return 0;
    }

    /**
     * Real-mode delivery (SDM Vol. 3, 20.1.4): the 4-byte vector (offset, then segment) at IDTR.base + 4 * vector,
     * #GP when it lies past IDTR.limit; FLAGS, CS and IP are pushed as words on SS:SP, IF, TF, AC and RF cleared.
     * No error code is pushed in real mode.
     */
    private long enterReal(int vector, long returnIp) {
        if (4L * vector + 3 > s.idtLimit) return fault(GP, (vector << 3) | 2);
        long entry = bus.read((s.idtBase + 4L * vector) & 0xFFFF_FFFFL, 4);
        if (bus.abort != null) return MEMORY;
        long flags = s.flags.value();
        long ssBase = s.segBase[CpuState.SS];
        long mask = s.stackMask(), sp = s.r[CpuState.RSP] & mask;
        long at1 = (sp - 2) & mask, at2 = (sp - 4) & mask, at3 = (sp - 6) & mask;
        bus.write(ssBase + at1, 2, flags);
        if (bus.abort == null) bus.write(ssBase + at2, 2, s.seg[CpuState.CS]);
        if (bus.abort == null) bus.write(ssBase + at3, 2, returnIp);
        if (bus.abort != null) return MEMORY;
        s.set(CpuState.RSP, s.stackSize, at3);
        s.loadReal(CpuState.CS, (int) (entry >>> 16));
        s.rip = entry & 0xFFFF;
        s.flags.load(flags & ~(IF | TF | AC | RF));
        return 0;
    }

    /**
     * Real-mode IRET, and IRET in virtual-8086 mode at IOPL 3: pops IP, CS and FLAGS at the operand size. VM, VIF and
     * VIP are never loaded; in virtual-8086 mode IOPL is not either (SDM Vol. 2, IRET).
     */
    private long iretReal(int size) {
        long ssBase = s.segBase[CpuState.SS];
        long mask = s.stackMask(), sp = s.r[CpuState.RSP] & mask;
        long ip = bus.read(ssBase + sp, size);
        int sel = (int) bus.read(ssBase + ((sp + size) & mask), size) & 0xFFFF;
        long popped = bus.read(ssBase + ((sp + 2L * size) & mask), size);
        if (bus.abort != null) return MEMORY;
        long writable = size == 2 ? 0x7FD5L : 0x25_7FD5L;
        if (s.v86) writable &= ~0x3000L;
        s.set(CpuState.RSP, s.stackSize, sp + 3L * size);
        s.loadReal(CpuState.CS, sel);
        s.rip = ip & (size == 2 ? 0xFFFF : 0xFFFF_FFFFL);
        s.flags.load((s.flags.value() & ~writable) | (popped & writable));
        return 0;
    }

    /**
     * IRETD at CPL 0 to virtual-8086 mode (SDM Vol. 2, IRET "RETURN-TO-VIRTUAL-8086-MODE"): after EIP, CS and EFLAGS
     * it pops ESP, SS, ES, DS, FS and GS (doublewords, the selector in the low word); every EFLAGS bit is loaded,
     * the segments become paragraphs and CPL 3. An EIP beyond CS's 64 KiB limit is #GP(0).
     */
    private long iretToV86(long sp, long ip, int cs, long popped) {
        long mask = 0xFFFF_FFFFL;
        long newSp = bus.read((sp + 12) & mask, 4);
        int[] sel = v86Selectors;
        for (int i = 0; i < 5; i++) sel[i] = (int) bus.read((sp + 16 + 4L * i) & mask, 4) & 0xFFFF;  // SS ES DS FS GS
        if (bus.abort != null) return MEMORY;
        if (ip > 0xFFFF) return fault(GP, 0);
        s.flags.load(popped & 0x3F_7FD5L);
        segments.loadV86(CpuState.CS, cs);
        segments.loadV86(CpuState.SS, sel[0]);
        segments.loadV86(CpuState.ES, sel[1]);
        segments.loadV86(CpuState.DS, sel[2]);
        segments.loadV86(CpuState.FS, sel[3]);
        segments.loadV86(CpuState.GS, sel[4]);
        s.rip = ip;
        s.r[CpuState.RSP] = newSp;
        s.updateMode();
        bus.flushTlb();  // CPL 3 from here: the TLB holds supervisor-checked translations
        return 0;
    }

    private final int[] v86Selectors = new int[5];

    private long push(long sp, int width, long value, long mask) {
        sp = (sp - width) & mask;
        if (bus.abort == null) bus.write(sp, width, value);
        return sp;
    }

    /**
     * IRET / IRETD / IRETQ in protected or long mode (SDM Vol. 2, IRET): pops the return frame, checks the return
     * code segment (and on a return to an outer level the stack segment), restores the flags the CPL may change
     * and nulls the data segments the outer level may not use. Returns 0 or the exception (state unchanged).
     */
    public long iret(int size) {
        if (s.paragraphSegments()) return iretReal(size);
        boolean lm = s.longMode;
        long mask = lm ? -1L : 0xFFFF_FFFFL;
        long sp = s.r[CpuState.RSP];
        long ip = bus.read(sp, size);
        int sel = (int) bus.read((sp + size) & mask, size) & 0xFFFF;
        long popped = bus.read((sp + 2L * size) & mask, size);
        if (bus.abort != null) return MEMORY;
        long flags = s.flags.value();
        if ((flags & NT) != 0 && !lm) return fault(GP, 0);  // a task return: not supported
        int cpl = s.cpl(), rpl = sel & 3;
        if (size == 4 && (popped & VM) != 0 && cpl == 0 && !s.ia32e()) return iretToV86(sp, ip, sel, popped);
        if ((sel & 0xFFFC) == 0) return fault(GP, 0);
        if (rpl < cpl) return fault(GP, Segments.selectorError(sel, 0));
        long csAt = segments.address(sel);
        if (csAt < 0) return fault(GP, Segments.selectorError(sel, 0));
        long cs = segments.read(csAt);
        if (bus.abort != null) return MEMORY;
        boolean dplOk = Descriptor.conforming(cs) ? Descriptor.dpl(cs) <= rpl : Descriptor.dpl(cs) == rpl;
        if (!Descriptor.code(cs) || !dplOk || (lm && !Descriptor.longCode(cs))) return fault(GP, Segments.selectorError(sel, 0));
        if (!Descriptor.present(cs)) return fault(NP, Segments.selectorError(sel, 0));
        boolean outer = rpl > cpl;
        long newSp = (sp + 3L * size) & mask;
        int ss = s.seg[CpuState.SS];
        long ssRaw = 0;
        if (outer || lm) {
            newSp = bus.read((sp + 3L * size) & mask, size);
            ss = (int) bus.read((sp + 4L * size) & mask, size) & 0xFFFF;
            if (bus.abort != null) return MEMORY;
            if ((ss & 0xFFFC) == 0) {
                if (!lm || rpl == 3) return fault(GP, 0);
            } else {
                long ssAt = segments.address(ss);
                if (ssAt < 0) return fault(GP, Segments.selectorError(ss, 0));
                ssRaw = segments.read(ssAt);
                if (bus.abort != null) return MEMORY;
                if ((ss & 3) != rpl || Descriptor.dpl(ssRaw) != rpl || !Descriptor.writableData(ssRaw))
                    return fault(GP, Segments.selectorError(ss, 0));
                if (!Descriptor.present(ssRaw)) return fault(SS, Segments.selectorError(ss, 0));
            }
        }
        // CF PF AF ZF SF TF DF OF NT RF AC ID always; IOPL, VIF and VIP at CPL 0; IF when CPL <= IOPL (else kept).
        long writable = 0x25_4DD5L;
        int iopl = (int) (flags >>> 12) & 3;
        if (cpl == 0) writable |= 0x3000 | VIF | VIP;
        if (cpl <= iopl) writable |= IF;
        if (size == 2) writable &= 0xFFFF;
        segments.loadCode(sel, cs, rpl);
        s.rip = ip & mask;
        s.flags.load((flags & ~writable) | (popped & writable));
        if (outer || lm) {
            segments.loadStack(ss, ssRaw);
            s.r[CpuState.RSP] = newSp & mask;
        } else {
            s.r[CpuState.RSP] = newSp;
        }
        if (outer) segments.nullInaccessible(rpl);
        return 0;
    }
}
