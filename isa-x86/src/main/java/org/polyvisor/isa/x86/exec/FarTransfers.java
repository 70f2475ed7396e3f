package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.trap.Vectors.GP;
import static org.polyvisor.isa.x86.trap.Vectors.MEMORY;
import static org.polyvisor.isa.x86.trap.Vectors.NP;
import static org.polyvisor.isa.x86.trap.Vectors.SS;
import static org.polyvisor.isa.x86.trap.Vectors.fault;

import static org.polyvisor.isa.x86.exec.CpuState.mask;

import org.polyvisor.isa.x86.trap.Descriptor;

/**
 * Far JMP, far CALL and far RET in protected and IA-32e mode (SDM Vol. 2, JMP/CALL/RET "far" paths): to code
 * segments with the target descriptor checks (conforming: DPL <= CPL; non-conforming: RPL <= CPL and DPL = CPL),
 * through call gates ({@link CallGates}, which may switch to an inner level), and for RET to an outer level the
 * stack segment checks; a TSS or task gate target switches tasks ({@link TaskSwitch}). In IA-32e mode the
 * target may be 64-bit (L = 1) or compatibility-mode (L = 0) code; in real and virtual-8086 mode CS is loaded as a paragraph.
 * Each returns 0 or an exception as a value and leaves the registers as they were when it faults.
 */
final class FarTransfers {
    private final CpuState s;
    private final Bus bus;
    private final Segments segments;
    private final CallGates gates;
    private final TaskSwitch tasks;

    FarTransfers(CpuState s, Bus bus, Segments segments, TaskSwitch tasks) {
        this.s = s; this.bus = bus; this.segments = segments; this.tasks = tasks;
        this.gates = new CallGates(s, bus, segments);
    }

    /** The linear address of the last {@link #target} read and its descriptor. */
    private long targetAt, targetRaw;

    /** Reads the descriptor of a JMP/CALL target: 0 with {@link #targetAt}/{@link #targetRaw} set, else the fault. */
    private long target(int sel) {
        if ((sel & 0xFFFC) == 0) return fault(GP, 0);
        long at = segments.address(sel);
        if (at < 0) return fault(GP, Segments.selectorError(sel, 0));
        long raw = segments.read(at);
        if (bus.abort != null) return MEMORY;
        targetAt = at;
        targetRaw = raw;
        return 0;
    }

    /** The checks of a direct code segment target: 0 when {@code cs} may be entered at {@code cpl} without a gate. */
    private long checkCode(int sel, long cs, int cpl) {
        boolean ok = Descriptor.code(cs) && (Descriptor.conforming(cs) ? Descriptor.dpl(cs) <= cpl
                : (sel & 3) <= cpl && Descriptor.dpl(cs) == cpl);
        if (!ok || (s.ia32e() && Descriptor.invalidIa32eCode(cs))) return fault(GP, Segments.selectorError(sel, 0));
        if (!Descriptor.present(cs)) return fault(NP, Segments.selectorError(sel, 0));
        return 0;
    }

    /**
     * JMP far: checks the target; on success loads CS (RPL = CPL) and the instruction pointer, or switches tasks
     * ({@code returnIp}, the next instruction, is saved in the old TSS).
     */
    long jump(int sel, long offset, long returnIp) {
        if (s.paragraphSegments()) {  // real and virtual-8086 mode: CS = sel with base sel * 16, no descriptor
            s.loadReal(CpuState.CS, sel);
            s.rip = offset & 0xFFFF_FFFFL;
            return 0;
        }
        int cpl = s.cpl();
        long f = target(sel);
        if (f != 0) return f;
        long cs = targetRaw;
        if (tasks.isTaskTarget(cs)) return tasks.far(sel, targetAt, cs, false, returnIp);
        if (gates.isCallGate(cs)) return gates.jump(sel, targetAt, cs);
        f = checkCode(sel, cs, cpl);
        if (f != 0) return f;
        segments.loadCode(sel, cs, cpl);
        s.rip = offset & s.addressMask;
        return 0;
    }

    /**
     * CALL far of operand size {@code size}: CS and {@code returnIp} pushed on the current stack and the target
     * loaded, or the call gate's transfer. On a fault the stack pointer is unchanged.
     */
    long call(int sel, long offset, int size, long returnIp) {
        if (s.paragraphSegments()) {
            long f = pushReturn(size, returnIp);
            if (f != 0) return f;
            s.loadReal(CpuState.CS, sel);
            s.rip = offset & 0xFFFF_FFFFL;
            return 0;
        }
        int cpl = s.cpl();
        long f = target(sel);
        if (f != 0) return f;
        long cs = targetRaw;
        if (tasks.isTaskTarget(cs)) return tasks.far(sel, targetAt, cs, true, returnIp);
        if (gates.isCallGate(cs)) return gates.call(sel, targetAt, cs, returnIp);
        f = checkCode(sel, cs, cpl);
        if (f == 0) f = pushReturn(size, returnIp);
        if (f != 0) return f;
        segments.loadCode(sel, cs, cpl);
        s.rip = offset & s.addressMask;
        return 0;
    }

    /** Pushes CS and the return address at {@code size} bytes on SS:rSP; #SS(0) for a non-canonical stack. */
    private long pushReturn(int size, long returnIp) {
        long mask = s.stackMask();
        long sp = s.r[CpuState.RSP] & mask;
        long base = s.longMode ? 0 : s.segBase[CpuState.SS];
        long a1 = (sp - size) & mask, a2 = (sp - 2L * size) & mask;
        if (!s.canonical(a2) || !s.canonical(a1)) return fault(SS, 0);
        long linearMask = s.longMode ? -1L : 0xFFFF_FFFFL;
        bus.write((base + a1) & linearMask, size, s.seg[CpuState.CS]);
        if (bus.abort == null) bus.write((base + a2) & linearMask, size, returnIp);
        if (bus.abort != null) return MEMORY;
        s.set(CpuState.RSP, s.stackSize, a2);
        return 0;
    }

    /** RET far (with {@code release} bytes of parameters): same level, or an outer one with SS:ESP popped too. */
    long ret(int size, long release) {
        long mask = s.stackMask(), sp = s.r[CpuState.RSP] & mask;
        long ssBase = s.longMode ? 0 : s.segBase[CpuState.SS];
        long ip = bus.read(ssBase + sp, size);
        int sel = (int) bus.read(ssBase + ((sp + size) & mask), size) & 0xFFFF;
        if (bus.abort != null) return MEMORY;
        if (s.paragraphSegments()) {
            s.loadReal(CpuState.CS, sel);
            s.rip = ip & mask(size);
            s.set(CpuState.RSP, s.stackSize, sp + 2L * size + release);
            return 0;
        }
        int cpl = s.cpl(), rpl = sel & 3;
        if ((sel & 0xFFFC) == 0) return fault(GP, 0);
        if (rpl < cpl) return fault(GP, Segments.selectorError(sel, 0));
        long at = segments.address(sel);
        if (at < 0) return fault(GP, Segments.selectorError(sel, 0));
        long cs = segments.read(at);
        if (bus.abort != null) return MEMORY;
        boolean dplOk = Descriptor.conforming(cs) ? Descriptor.dpl(cs) <= rpl : Descriptor.dpl(cs) == rpl;
        if (!Descriptor.code(cs) || !dplOk || (s.ia32e() && Descriptor.invalidIa32eCode(cs))) return fault(GP, Segments.selectorError(sel, 0));
        if (!Descriptor.present(cs)) return fault(NP, Segments.selectorError(sel, 0));
        long after = (sp + 2L * size + release) & mask;
        if (rpl == cpl) {
            segments.loadCode(sel, cs, cpl);
            s.rip = ip & mask;
            s.r[CpuState.RSP] = after;
            return 0;
        }
        long newSp = bus.read(after, size);
        int ss = (int) bus.read((after + size) & mask, size) & 0xFFFF;
        if (bus.abort != null) return MEMORY;
        long ssRaw = 0;
        if ((ss & 0xFFFC) == 0) {
            if (!s.longMode || rpl == 3) return fault(GP, 0);
        } else {
            long ssAt = segments.address(ss);
            if (ssAt < 0) return fault(GP, Segments.selectorError(ss, 0));
            ssRaw = segments.read(ssAt);
            if (bus.abort != null) return MEMORY;
            if ((ss & 3) != rpl || Descriptor.dpl(ssRaw) != rpl || !Descriptor.writableData(ssRaw))
                return fault(GP, Segments.selectorError(ss, 0));
            if (!Descriptor.present(ssRaw)) return fault(SS, Segments.selectorError(ss, 0));
        }
        segments.loadCode(sel, cs, rpl);
        s.rip = ip & mask;
        segments.loadStack(ss, ssRaw);
        s.r[CpuState.RSP] = (newSp + release) & mask;
        segments.nullInaccessible(rpl);
        return 0;
    }
}
