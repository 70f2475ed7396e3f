package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.trap.Vectors.GP;
import static org.polyvisor.isa.x86.trap.Vectors.MEMORY;
import static org.polyvisor.isa.x86.trap.Vectors.NP;
import static org.polyvisor.isa.x86.trap.Vectors.SS;
import static org.polyvisor.isa.x86.trap.Vectors.TS;
import static org.polyvisor.isa.x86.trap.Vectors.fault;

import org.polyvisor.isa.x86.trap.Descriptor;

/**
 * Task switches with 32-bit TSSs (SDM Vol. 3, 8.3; Vol. 2, the JMP/CALL "TASK-GATE"/"TASK-STATE-SEGMENT" paths,
 * INT n through a task gate and IRET "TASK-RETURN"): JMP or CALL to a TSS descriptor or a task gate, an
 * interrupt or exception through a task gate in the IDT, and IRET with EFLAGS.NT. The new TSS is checked first
 * (GDT only, available for JMP/CALL/interrupts, busy for IRET, present, limit at least 67H) and its state read;
 * then the current state (EIP, EFLAGS, the general and segment registers) goes into the old TSS, the busy bits
 * and the back link are updated (JMP and IRET free the old task, CALL and interrupts nest: link and NT), TR,
 * CR3 (with paging), LDTR, EFLAGS, EIP and the registers are loaded, CR0.TS is set, and the segment registers
 * are checked as the new task's (a fault there is raised in the new task: {@link #inNewTask}). A new EFLAGS.VM
 * starts a virtual-8086 task. 16-bit TSSs are not supported (#GP on their selector). Nothing runs in IA-32e mode.
 */
final class TaskSwitch {
    /** Why the switch happens: JMP and IRET free the old task, CALL and interrupts nest in it. */
    static final int JUMP = 0, CALL = 1, INTERRUPT = 2, RETURN = 3;
    private static final long NT = 1 << 14, CR0_TS = 1 << 3;
    /** TSS offsets (SDM Vol. 3, Figure 8-2). */
    private static final int LINK = 0, CR3 = 0x1C, EIP = 0x20, EFLAGS = 0x24, GPRS = 0x28, SEGS = 0x48, LDT = 0x60, MIN_LIMIT = 0x67;

    /** The order in which the new task's segment registers are checked and loaded (CS first: it sets the CPL). */
    private static final int[] LOAD_ORDER = {CpuState.CS, CpuState.SS, CpuState.ES, CpuState.DS, CpuState.FS, CpuState.GS};

    private final CpuState s;
    private final Bus bus;
    private final Segments segments;
    private final long[] gprs = new long[8];
    private final int[] sels = new int[6];

    /** True when the last fault was raised while loading the new task: it belongs to the new task (at its EIP). */
    boolean inNewTask;

    /** The debug registers, whose local enables a task switch clears (set by the interpreter). */
    DebugRegisters debug;

    TaskSwitch(CpuState s, Bus bus, Segments segments) { this.s = s; this.bus = bus; this.segments = segments; }

    /** True for a descriptor JMP/CALL switch tasks through: a 32-bit TSS (available or busy) or a task gate. */
    boolean isTaskTarget(long raw) {
        int type = Descriptor.type(raw);
        return !s.ia32e() && Descriptor.system(raw)
                && (type == Descriptor.TSS_AVAILABLE || type == Descriptor.TSS_BUSY || type == Descriptor.TASK_GATE);
    }

    /** JMP ({@code call} false) or CALL to the TSS or task gate {@code raw} of selector {@code sel}. */
    long far(int sel, long at, long raw, boolean call, long returnIp) {
        inNewTask = false;
        int cpl = s.cpl(), dpl = Descriptor.dpl(raw), err = sel & 0xFFFC;
        if (dpl < cpl || dpl < (sel & 3)) return fault(GP, err);
        int kind = call ? CALL : JUMP;
        if (Descriptor.type(raw) == Descriptor.TASK_GATE) {
            if (!Descriptor.present(raw)) return fault(NP, err);
            return throughGate(Descriptor.gateSelector(raw), kind, returnIp, 0);
        }
        if (Descriptor.type(raw) != Descriptor.TSS_AVAILABLE) return fault(GP, err);  // busy: a task cannot nest in itself
        if (!Descriptor.present(raw)) return fault(NP, err);
        return switchTo(sel, at, raw, kind, returnIp, 0);
    }

    /**
     * The TSS selector of a task gate (JMP/CALL, or an IDT gate with {@code ext} 1 for an exception or external
     * interrupt): in the GDT, an available 32-bit TSS, present.
     */
    long throughGate(int tssSel, int kind, long returnIp, int ext) {
        inNewTask = false;
        int err = (tssSel & 0xFFFC) | ext;
        if ((tssSel & 4) != 0) return fault(GP, err);
        long at = segments.address(tssSel);
        if (at < 0 || (tssSel & 0xFFFC) == 0) return fault(GP, err);
        long raw = segments.read(at);
        if (bus.abort != null) return MEMORY;
        if (!Descriptor.system(raw) || Descriptor.type(raw) != Descriptor.TSS_AVAILABLE) return fault(GP, err);
        if (!Descriptor.present(raw)) return fault(NP, err);
        return switchTo(tssSel, at, raw, kind, returnIp, ext);
    }

    /** IRET with NT = 1: back to the task named by the current TSS's link, which must be a busy TSS in the GDT. */
    long taskReturn(long returnIp) {
        inNewTask = false;
        int link = (int) read(s.trBase + LINK, 2);
        if (bus.abort != null) return MEMORY;
        int err = link & 0xFFFC;
        if ((link & 4) != 0 || err == 0) return fault(TS, err);
        long at = segments.address(link);
        if (at < 0) return fault(TS, err);
        long raw = segments.read(at);
        if (bus.abort != null) return MEMORY;
        if (!Descriptor.system(raw) || Descriptor.type(raw) != Descriptor.TSS_BUSY) return fault(TS, err);
        if (!Descriptor.present(raw)) return fault(NP, err);
        return switchTo(link, at, raw, RETURN, returnIp, 0);
    }

    private long read(long address, int size) {
        boolean outer = bus.implicitSupervisor;
        bus.implicitSupervisor = true;
        long v = bus.read(address, size);
        bus.implicitSupervisor = outer;
        return v;
    }

    private void write(long address, int size, long v) {
        boolean outer = bus.implicitSupervisor;
        bus.implicitSupervisor = true;
        if (bus.abort == null) bus.write(address, size, v);
        bus.implicitSupervisor = outer;
    }

    private long switchTo(int sel, long at, long raw, int kind, long returnIp, int ext) {
        long base = Descriptor.base(raw), limit = Descriptor.limit(raw);
        if (limit < MIN_LIMIT) return fault(TS, (sel & 0xFFFC) | ext);
        // The new task's state, read before anything changes (a page fault here leaves the old task as it was).
        long newCr3 = read(base + CR3, 4), newEip = read(base + EIP, 4), newFlags = read(base + EFLAGS, 4);
        for (int i = 0; i < 8; i++) gprs[i] = read(base + GPRS + 4L * i, 4);
        for (int i = 0; i < 6; i++) sels[i] = (int) read(base + SEGS + 4L * i, 2);
        int newLdt = (int) read(base + LDT, 2);
        if (bus.abort != null) return MEMORY;

        // The current state into the old TSS (the IRET that leaves a task clears NT in its saved EFLAGS).
        long old = s.trBase;
        long flags = s.flags.value();
        if (kind == RETURN) flags &= ~NT;
        write(old + EIP, 4, returnIp);
        write(old + EFLAGS, 4, flags);
        for (int i = 0; i < 8; i++) write(old + GPRS + 4L * i, 4, s.r[i]);
        for (int i = 0; i < 6; i++) write(old + SEGS + 4L * i, 2, s.seg[i]);
        if (kind == JUMP || kind == RETURN) {  // the old task is no longer busy
            long oldAt = segments.address(s.tr);
            if (oldAt >= 0) write(oldAt + 5, 1, read(oldAt + 5, 1) & ~2L);
        }
        if (kind == CALL || kind == INTERRUPT) {  // nesting: the back link and NT
            write(base + LINK, 2, s.tr);
            newFlags |= NT;
        }
        if (kind != RETURN) write(at + 5, 1, (raw >>> 40) | 2);
        if (bus.abort != null) return MEMORY;

        // The new task: TR, CR3, the registers; then the segments are checked in its context.
        s.tr = sel;
        if (debug != null) debug.taskSwitched();
        s.trBase = base;
        s.trLimit = limit;
        s.tss16 = false;
        s.cr0 |= CR0_TS;
        if ((s.cr0 & CpuState.CR0_PG) != 0) s.cr3 = newCr3;
        bus.flushTlb();
        s.flags.load(newFlags & 0x3F_7FD7L);
        s.rip = newEip;
        for (int i = 0; i < 8; i++) s.r[i] = gprs[i];
        inNewTask = true;
        for (int i = 0; i < 6; i++) s.seg[i] = sels[i];  // selectors first (SDM 8.3, step 13): CPL = the new CS's RPL
        s.updateMode();
        long f = segments.loadLdt(newLdt);
        if (f == MEMORY) return f;
        if (f != 0) return fault(TS, newLdt & 0xFFFC);
        if (s.v86) {  // a virtual-8086 task: paragraphs, no descriptors
            for (int i = 0; i < 6; i++) segments.loadV86(i, sels[i]);
            s.updateMode();
            inNewTask = false;
            return 0;
        }
        int cpl = sels[CpuState.CS] & 3;
        for (int sreg : LOAD_ORDER) {
            f = loadSegment(sreg, sels[sreg], cpl);
            if (f != 0) return f;
        }
        s.updateMode();
        inNewTask = false;
        return 0;
    }

    /** One segment register of the new task with the checks of a task switch (#TS, and #NP/#SS for absent ones). */
    private long loadSegment(int sreg, int sel, int cpl) {
        int err = sel & 0xFFFC;
        if (err == 0) {
            if (sreg == CpuState.CS || sreg == CpuState.SS) return fault(TS, 0);
            segments.loadNull(sreg, sel);
            return 0;
        }
        long at = segments.address(sel);
        if (at < 0) return fault(TS, err);
        long raw = segments.read(at);
        if (bus.abort != null) return MEMORY;
        if (Descriptor.system(raw)) return fault(TS, err);
        int dpl = Descriptor.dpl(raw), rpl = sel & 3;
        boolean ok = switch (sreg) {
            case CpuState.CS -> Descriptor.code(raw) && (Descriptor.conforming(raw) ? dpl <= rpl : dpl == rpl);
            case CpuState.SS -> Descriptor.writableData(raw) && dpl == cpl && rpl == cpl;
            default -> Descriptor.readable(raw) && (Descriptor.conforming(raw) || (dpl >= cpl && dpl >= rpl));
        };
        if (!ok) return fault(TS, err);
        if (!Descriptor.present(raw)) return fault(sreg == CpuState.SS ? SS : NP, err);
        if (sreg == CpuState.CS) segments.loadCode(sel, raw, rpl);
        else if (sreg == CpuState.SS) segments.loadStack(sel, raw);
        else segments.loadChecked(sreg, sel, raw);
        return 0;
    }
}
