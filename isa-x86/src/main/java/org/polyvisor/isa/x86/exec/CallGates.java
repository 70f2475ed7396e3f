package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.trap.Vectors.GP;
import static org.polyvisor.isa.x86.trap.Vectors.MEMORY;
import static org.polyvisor.isa.x86.trap.Vectors.NP;
import static org.polyvisor.isa.x86.trap.Vectors.SS;
import static org.polyvisor.isa.x86.trap.Vectors.TS;
import static org.polyvisor.isa.x86.trap.Vectors.fault;

import org.polyvisor.isa.x86.trap.Descriptor;

/**
 * Far CALL and JMP through a call gate (SDM Vol. 3, 5.8; Vol. 2, CALL and JMP "CALL-GATE"): 16- and 32-bit gates
 * in protected mode, 16-byte gates in IA-32e mode. The gate must satisfy DPL &ge; CPL and DPL &ge; RPL; its target
 * must be code with DPL &le; CPL (in IA-32e mode 64-bit code). JMP never changes privilege (a non-conforming target
 * must have DPL = CPL). CALL to a non-conforming segment of a more privileged level switches to the stack the
 * TSS holds for that level (SSn:ESPn of a 32- or 16-bit TSS, RSPn of a 64-bit TSS with a null SS) and pushes the
 * caller's SS and rSP, the gate's parameter count of words or doublewords copied from the caller's stack (none
 * in IA-32e mode), then CS and the return address, each at the gate's width. The new stack's limit is not checked
 * (instructions' own accesses are, {@link CpuState#outsideLimit}), so the limit faults of the pseudo-code never occur. Each method returns 0 or the
 * exception as a value and leaves the registers as they were when it faults.
 */
final class CallGates {
    private final CpuState s;
    private final Bus bus;
    private final Segments segments;

    /** The gate's target, set by {@link #check}: selector, descriptor, entry offset and the gate's width in bytes. */
    private int targetSel;
    private long target, entry;
    private int width;

    CallGates(CpuState s, Bus bus, Segments segments) { this.s = s; this.bus = bus; this.segments = segments; }

    /** True for the descriptor types this class handles in the current mode (16-bit gates do not exist in IA-32e mode). */
    boolean isCallGate(long raw) {
        int type = Descriptor.type(raw);
        return Descriptor.system(raw) && (type == Descriptor.CALL_GATE || (type == Descriptor.CALL_GATE16 && !s.ia32e()));
    }

    /** JMP through the call gate {@code gateSel} (descriptor {@code gate} at linear {@code gateAt}). */
    long jump(int gateSel, long gateAt, long gate) {
        long f = check(gateSel, gateAt, gate);
        if (f != 0) return f;
        int cpl = s.cpl();
        if (!Descriptor.conforming(target) && Descriptor.dpl(target) != cpl) return fault(GP, Segments.selectorError(targetSel, 0));
        if (!Descriptor.present(target)) return fault(NP, Segments.selectorError(targetSel, 0));
        segments.loadCode(targetSel, target, cpl);
        s.rip = entry;
        return 0;
    }

    /** CALL through the call gate {@code gateSel}, returning to {@code returnIp}. */
    long call(int gateSel, long gateAt, long gate, long returnIp) {
        long f = check(gateSel, gateAt, gate);
        if (f != 0) return f;
        if (!Descriptor.present(target)) return fault(NP, Segments.selectorError(targetSel, 0));
        int cpl = s.cpl(), dpl = Descriptor.dpl(target);
        if (Descriptor.conforming(target) || dpl == cpl) return callSameLevel(cpl, returnIp);
        return s.ia32e() ? callInner64(dpl, returnIp) : callInner(dpl, Descriptor.parameterCount(gate), returnIp);
    }

    /**
     * The checks common to CALL and JMP, up to the target's presence: gate DPL against CPL and RPL, gate present,
     * the upper half of a 16-byte gate (type field 0), the target selector and descriptor. Sets the target fields.
     */
    private long check(int gateSel, long gateAt, long gate) {
        int cpl = s.cpl(), dpl = Descriptor.dpl(gate);
        int gateError = Segments.selectorError(gateSel, 0);
        if (dpl < cpl || dpl < (gateSel & 3)) return fault(GP, gateError);
        if (!Descriptor.present(gate)) return fault(NP, gateError);
        boolean lm = s.ia32e();
        long high = 0;
        if (lm) {  // a 16-byte gate: both halves inside the table, and the upper half's type field 0
            if (segments.address(gateSel, 16) < 0) return fault(GP, gateError);
            high = segments.read(gateAt + 8);
            if (bus.abort != null) return MEMORY;
            if (((high >>> 40) & 0x1F) != 0) return fault(GP, gateError);
        }
        int sel = Descriptor.gateSelector(gate);
        if ((sel & 0xFFFC) == 0) return fault(GP, 0);
        long at = segments.address(sel);
        if (at < 0) return fault(GP, Segments.selectorError(sel, 0));
        long cs = segments.read(at);
        if (bus.abort != null) return MEMORY;
        if (!Descriptor.code(cs) || Descriptor.dpl(cs) > cpl) return fault(GP, Segments.selectorError(sel, 0));
        if (lm && (!Descriptor.longCode(cs) || Descriptor.big(cs))) return fault(GP, Segments.selectorError(sel, 0));
        targetSel = sel;
        target = cs;
        boolean wide = Descriptor.type(gate) == Descriptor.CALL_GATE;
        width = lm ? 8 : wide ? 4 : 2;
        long offset = Descriptor.gateOffset(gate);
        entry = lm ? offset | (high << 32) : wide ? offset : offset & 0xFFFF;
        return 0;
    }

    /** CALL to the same level (or a conforming segment): CS and the return address on the current stack. */
    private long callSameLevel(int cpl, long returnIp) {
        long mask = width == 8 ? -1L : s.stackMask();
        long sp = s.r[CpuState.RSP] & mask;
        long base = width == 8 || s.longMode ? 0 : s.segBase[CpuState.SS];
        long a1 = (sp - width) & mask, a2 = (sp - 2L * width) & mask;
        if (s.ia32e() && !s.canonical(a2)) return fault(SS, 0);
        bus.write(linear(base, a1), width, s.seg[CpuState.CS]);
        if (bus.abort == null) bus.write(linear(base, a2), width, returnIp);
        if (bus.abort != null) return MEMORY;
        if (width == 8) s.r[CpuState.RSP] = a2;
        else s.set(CpuState.RSP, s.stackSize, a2);
        segments.loadCode(targetSel, target, cpl);
        s.rip = entry;
        return 0;
    }

    private long linear(long base, long offset) {
        return width == 8 ? offset : (base + offset) & 0xFFFF_FFFFL;
    }

    /** CALL to an inner level in protected mode: the new SS:ESP from the TSS, then the frame and the parameters. */
    private long callInner(int dpl, int count, long returnIp) {
        int trError = Segments.selectorError(s.tr, 0);
        long slot = s.tss16 ? 2 + 4L * dpl : 4 + 8L * dpl;
        if (slot + (s.tss16 ? 4 : 7) > s.trLimit) return fault(TS, trError);
        boolean outer = bus.implicitSupervisor;
        bus.implicitSupervisor = true;  // the TSS, the copied parameters and the new stack are the processor's accesses
        try {
            long newSp = bus.read(s.trBase + slot, s.tss16 ? 2 : 4);
            int newSs = (int) bus.read(s.trBase + slot + (s.tss16 ? 2 : 4), 2);
            if (bus.abort != null) return MEMORY;
            if ((newSs & 0xFFFC) == 0) return fault(TS, 0);
            long ssAt = segments.address(newSs);
            if (ssAt < 0) return fault(TS, Segments.selectorError(newSs, 0));
            long ssRaw = segments.read(ssAt);
            if (bus.abort != null) return MEMORY;
            if ((newSs & 3) != dpl || Descriptor.dpl(ssRaw) != dpl || !Descriptor.writableData(ssRaw))
                return fault(TS, Segments.selectorError(newSs, 0));
            if (!Descriptor.present(ssRaw)) return fault(SS, Segments.selectorError(newSs, 0));

            long oldMask = s.stackMask(), oldSp = s.r[CpuState.RSP] & oldMask, oldBase = s.segBase[CpuState.SS];
            long mask = Descriptor.big(ssRaw) ? 0xFFFF_FFFFL : 0xFFFF, base = Descriptor.base(ssRaw);
            long sp = newSp & mask;
            sp = push(base, sp, mask, s.seg[CpuState.SS]);
            sp = push(base, sp, mask, oldSp);
            for (int i = count - 1; i >= 0 && bus.abort == null; i--) {  // the caller's order is kept
                long p = bus.read((oldBase + ((oldSp + (long) i * width) & oldMask)) & 0xFFFF_FFFFL, width);
                sp = push(base, sp, mask, p);
            }
            sp = push(base, sp, mask, s.seg[CpuState.CS]);
            sp = push(base, sp, mask, returnIp);
            if (bus.abort != null) return MEMORY;
            long oldRsp = s.r[CpuState.RSP];
            segments.loadStack(newSs, ssRaw);
            s.r[CpuState.RSP] = (oldRsp & ~mask & 0xFFFF_FFFFL) | sp;
            segments.loadCode(targetSel, target, dpl);
            s.rip = entry;
            return 0;
        } finally {
            bus.implicitSupervisor = outer;
        }
    }

    /** CALL to an inner level in IA-32e mode: RSPn from the 64-bit TSS, SS null with RPL = the new CPL, no parameters. */
    private long callInner64(int dpl, long returnIp) {
        long slot = 4 + 8L * dpl;
        if (slot + 8 > s.trLimit) return fault(TS, Segments.selectorError(s.tr, 0));
        boolean outer = bus.implicitSupervisor;
        bus.implicitSupervisor = true;
        try {
            long newSp = bus.read(s.trBase + slot, 8);
            if (bus.abort != null) return MEMORY;
            if ((newSp << 16 >> 16) != newSp) return fault(SS, 0);
            long sp = newSp;
            sp = push(0, sp, -1L, s.seg[CpuState.SS]);
            sp = push(0, sp, -1L, s.r[CpuState.RSP]);
            sp = push(0, sp, -1L, s.seg[CpuState.CS]);
            sp = push(0, sp, -1L, returnIp);
            if (bus.abort != null) return MEMORY;
            segments.loadStack(dpl, 0);
            s.r[CpuState.RSP] = sp;
            segments.loadCode(targetSel, target, dpl);
            s.rip = entry;
            return 0;
        } finally {
            bus.implicitSupervisor = outer;
        }
    }

    /** Pushes {@code value} at the gate's width; after a failed access it writes nothing more. */
    private long push(long base, long sp, long mask, long value) {
        sp = (sp - width) & mask;
        if (bus.abort == null) bus.write(linear(base, sp), width, value);
        return sp;
    }
}
