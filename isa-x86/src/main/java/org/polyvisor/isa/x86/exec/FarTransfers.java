package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.trap.Vectors.GP;
import static org.polyvisor.isa.x86.trap.Vectors.MEMORY;
import static org.polyvisor.isa.x86.trap.Vectors.NP;
import static org.polyvisor.isa.x86.trap.Vectors.SS;
import static org.polyvisor.isa.x86.trap.Vectors.fault;

import org.polyvisor.isa.x86.trap.Descriptor;

/**
 * Far JMP, far CALL and far RET in protected and IA-32e mode (SDM Vol. 2, JMP/CALL/RET "far" paths) to code
 * segments: the target descriptor checks (conforming: DPL <= CPL; non-conforming: RPL <= CPL and DPL = CPL), and
 * for RET to an outer level the stack segment checks. Call gates and task switches are not supported (#GP on the
 * selector). Each returns 0 or an exception as a value and changes nothing when it faults.
 */
final class FarTransfers {
    private final CpuState s;
    private final Bus bus;
    private final Segments segments;

    FarTransfers(CpuState s, Bus bus, Segments segments) { this.s = s; this.bus = bus; this.segments = segments; }

    /** Checks a JMP/CALL target; on success loads CS (RPL = CPL) and the instruction pointer. */
    long jump(int sel, long offset) {
        int cpl = s.cpl();
        if ((sel & 0xFFFC) == 0) return fault(GP, 0);
        long at = segments.address(sel);
        if (at < 0) return fault(GP, Segments.selectorError(sel, 0));
        long cs = segments.read(at);
        if (bus.abort != null) return MEMORY;
        boolean ok = Descriptor.code(cs) && (Descriptor.conforming(cs) ? Descriptor.dpl(cs) <= cpl
                : (sel & 3) <= cpl && Descriptor.dpl(cs) == cpl);
        if (!ok || (s.longMode && !Descriptor.longCode(cs))) return fault(GP, Segments.selectorError(sel, 0));
        if (!Descriptor.present(cs)) return fault(NP, Segments.selectorError(sel, 0));
        segments.loadCode(sel, cs, cpl);
        s.rip = offset & s.addressMask;
        return 0;
    }

    /** RET far (with {@code release} bytes of parameters): same level, or an outer one with SS:ESP popped too. */
    long ret(int size, long release) {
        long mask = s.addressMask, sp = s.r[CpuState.RSP];
        long ip = bus.read(sp, size);
        int sel = (int) bus.read((sp + size) & mask, size) & 0xFFFF;
        if (bus.abort != null) return MEMORY;
        int cpl = s.cpl(), rpl = sel & 3;
        if ((sel & 0xFFFC) == 0) return fault(GP, 0);
        if (rpl < cpl) return fault(GP, Segments.selectorError(sel, 0));
        long at = segments.address(sel);
        if (at < 0) return fault(GP, Segments.selectorError(sel, 0));
        long cs = segments.read(at);
        if (bus.abort != null) return MEMORY;
        boolean dplOk = Descriptor.conforming(cs) ? Descriptor.dpl(cs) <= rpl : Descriptor.dpl(cs) == rpl;
        if (!Descriptor.code(cs) || !dplOk || (s.longMode && !Descriptor.longCode(cs))) return fault(GP, Segments.selectorError(sel, 0));
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
