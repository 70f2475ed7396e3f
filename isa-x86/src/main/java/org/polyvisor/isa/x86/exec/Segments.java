package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.trap.Vectors.GP;
import static org.polyvisor.isa.x86.trap.Vectors.MEMORY;
import static org.polyvisor.isa.x86.trap.Vectors.NP;
import static org.polyvisor.isa.x86.trap.Vectors.SS;
import static org.polyvisor.isa.x86.trap.Vectors.fault;

import org.polyvisor.isa.x86.trap.Descriptor;

/**
 * Segment register and system register loads with the descriptor checks of the SDM (Vol. 2, MOV, LLDT, LTR;
 * Vol. 3, 5.5-5.10): a failing check returns the exception as a value ({@link org.polyvisor.isa.x86.trap.Vectors#fault})
 * with the selector error code, and changes nothing. The caches hold base, limit and attributes; every base takes
 * part in address computation outside 64-bit mode (there only FS and GS), where data, string, stack and fetch
 * accesses are also checked against the limit ({@link CpuState#outsideLimit}; not yet the processor's own accesses:
 * exception, call-gate and task-switch frames, nor the x87/SSE state images past their first bytes). A null selector
 * leaves a cache with the present bit clear, through which those checks make every DS, ES, FS or GS access #GP(0)
 * outside 64-bit mode. A load of CS or SS recomputes the mode ({@link CpuState#updateMode}: CS.D/L, SS.B).
 */
public final class Segments {
    private final CpuState s;
    private final Bus bus;

    private static final int[] DATA_SEGMENTS = {CpuState.ES, CpuState.DS, CpuState.FS, CpuState.GS};

    /** The linear address of the descriptor read by the last {@link #read}. */
    private long lastAddress;

    public Segments(CpuState s, Bus bus) { this.s = s; this.bus = bus; }

    /** The selector error code (index, TI; RPL cleared), with EXT. */
    static int selectorError(int sel, int ext) { return (sel & 0xFFFC) | ext; }

    /** The linear address of the descriptor {@code sel} names, or -1 when it lies past its table's limit. */
    long address(int sel) { return address(sel, 8); }

    /** The linear address of the {@code bytes}-byte descriptor {@code sel} names (16: a gate of IA-32e mode), or -1. */
    long address(int sel, int bytes) {
        boolean local = (sel & 4) != 0;
        long offset = sel & 0xFFF8;
        xenAt = -1;
        guestAt = -1;
        ldtAt = -1;
        if (!local && s.xenGdt != null && (offset >= XEN_FIRST || s.pvGdt != null)) {
            // Xen PV: Xen's own entries fill the GDT from 7168 on, past any limit the guest's set_gdt gave; the
            // guest's own are read from the frames it gave set_gdt, not through a mapping of its own.
            if (offset >= XEN_FIRST) {
                int i = (int) (offset - XEN_FIRST) >>> 3;
                xenRaw = i < s.xenGdt.length ? s.xenGdt[i] : 0;
            } else {
                if (offset + 7 > s.gdtLimit) return -1;
                xenRaw = s.pvGdt.applyAsLong(offset);
                guestAt = offset;
            }
            return xenAt = s.gdtBase + offset;
        }
        long limit = local ? (s.ldtr == 0 ? -1 : s.ldtLimit) : s.gdtLimit;
        if (offset + bytes - 1 > limit) return -1;
        ldtAt = local ? s.ldtBase + offset : -1;
        return (local ? s.ldtBase : s.gdtBase) + offset;
    }

    /** Byte offset of Xen's first reserved GDT entry (FIRST_RESERVED_GDT_ENTRY 7168). */
    private static final long XEN_FIRST = 7168 * 8;
    /** The address {@link #address} gave for one of Xen's entries (-1: none) and that entry. */
    private long xenAt = -1, xenRaw;
    /** With {@link #xenAt}: the guest's own GDT entry's offset (-1: one of Xen's), and that of the last read. */
    private long guestAt = -1, lastGuestAt = -1;
    /** The address {@link #address} gave for an LDT entry (-1: none), and the LDT offset of the last read (-1: none). */
    private long ldtAt = -1, lastLdtAt = -1;

    /** Reads the eight-byte descriptor of {@code sel}; the caller has checked {@link #address} and then bus.abort. */
    long read(long address) {
        lastGuestAt = address == xenAt ? guestAt : -1;
        lastLdtAt = address == ldtAt && ldtAt >= 0 ? address - s.ldtBase : -1;
        if (address == xenAt) { lastAddress = -1; return xenRaw; }  // Xen's, not the guest's memory
        lastAddress = address;
        boolean outer = bus.implicitSupervisor;
        bus.implicitSupervisor = true;
        long raw = bus.read(address, 8);
        bus.implicitSupervisor = outer;
        return raw;
    }

    /** True when the last {@link #read} could not complete (the bus holds the page fault or the exit). */
    boolean faulted() { return bus.abort != null; }

    /** Sets the accessed bit of the last descriptor read, as the processor does on a segment load. */
    private void markAccessed(long raw) {
        if ((Descriptor.type(raw) & 1) != 0) return;
        if (lastAddress == -1) {
            // Xen PV: Xen maps the guest's GDT frames writable in its own area, so the processor's write lands there.
            if (lastGuestAt >= 0 && s.pvGdtAccessed != null) s.pvGdtAccessed.accept(lastGuestAt);
            return;
        }
        if (lastLdtAt >= 0 && s.pvLdtAccessed != null) {  // Xen PV: the LDT's frames through Xen's writable mapping
            s.pvLdtAccessed.accept(lastLdtAt);
            return;
        }
        boolean outer = bus.implicitSupervisor;
        bus.implicitSupervisor = true;
        bus.write(lastAddress + 5, 1, (raw >>> 40) | 1);
        bus.implicitSupervisor = outer;
    }

    private void cache(int sreg, int sel, long raw) {
        s.seg[sreg] = sel;
        s.segBase[sreg] = Descriptor.base(raw);
        s.segLimit[sreg] = Descriptor.limit(raw);
        s.segAttr[sreg] = Descriptor.attributes(raw);
        if (sreg == CpuState.CS || sreg == CpuState.SS) s.updateMode();
    }

    /** A null selector in a segment register: unusable, base 0 (as Intel parts do for FS and GS too). */
    private void cacheNull(int sreg, int sel) {
        s.seg[sreg] = sel;
        s.segBase[sreg] = 0;
        s.segLimit[sreg] = 0;
        s.segAttr[sreg] = 0;
        if (sreg == CpuState.SS) s.updateMode();
    }

    /**
     * MOV/POP to SS, DS, ES, FS or GS in protected or long mode; in real mode the base is selector * 16.
     * Returns 0, an exception, or {@link org.polyvisor.isa.x86.trap.Vectors#MEMORY}.
     */
    public long loadData(int sreg, int sel) {
        sel &= 0xFFFF;
        if (s.paragraphSegments()) {
            s.loadReal(sreg, sel);
            return 0;
        }
        int cpl = s.cpl(), rpl = sel & 3;
        if ((sel & 0xFFFC) == 0) {
            if (sreg == CpuState.SS && (!s.longMode || cpl == 3 || rpl != cpl)) return fault(GP, 0);
            cacheNull(sreg, sel);
            return 0;
        }
        long at = address(sel);
        if (at < 0) return fault(GP, selectorError(sel, 0));
        long raw = read(at);
        if (bus.abort != null) return MEMORY;
        int dpl = Descriptor.dpl(raw);
        if (sreg == CpuState.SS) {
            if (rpl != cpl || dpl != cpl || !Descriptor.writableData(raw)) return fault(GP, selectorError(sel, 0));
            if (!Descriptor.present(raw)) return fault(SS, selectorError(sel, 0));
        } else {
            if (!Descriptor.readable(raw)) return fault(GP, selectorError(sel, 0));
            if (!Descriptor.conforming(raw) && (rpl > dpl || cpl > dpl)) return fault(GP, selectorError(sel, 0));
            if (!Descriptor.present(raw)) return fault(NP, selectorError(sel, 0));
        }
        markAccessed(raw);
        if (bus.abort != null) return MEMORY;
        cache(sreg, sel, raw);
        if (s.longMode && sreg != CpuState.FS && sreg != CpuState.GS) s.segBase[sreg] = 0;
        return 0;
    }

    /** Loads data segment register {@code sreg} from a descriptor the caller has checked (a task switch). */
    void loadChecked(int sreg, int sel, long raw) {
        markAccessed(raw);
        cache(sreg, sel, raw);
    }

    /** A null selector in data segment register {@code sreg} (a task switch). */
    void loadNull(int sreg, int sel) { cacheNull(sreg, sel); }

    /** Loads CS from a descriptor the caller has checked; the RPL becomes the new CPL. */
    void loadCode(int sel, long raw, int cpl) {
        if (cpl != s.cpl()) bus.flushTlb();  // the TLB holds translations checked for one privilege level
        cache(CpuState.CS, (sel & 0xFFFC) | cpl, raw);
    }

    /** Loads SS from a descriptor the caller has checked (or a null selector in long mode when raw is 0). */
    void loadStack(int sel, long raw) {
        if ((sel & 0xFFFC) == 0) cacheNull(CpuState.SS, sel);
        else cache(CpuState.SS, sel, raw);
    }

    /**
     * After a return to an outer level: ES, DS, FS and GS that the new CPL may not use (data or non-conforming
     * code with DPL &lt; CPL) become null (SDM Vol. 2, IRET and RET).
     */
    void nullInaccessible(int cpl) {
        for (int sreg : DATA_SEGMENTS) {
            int attr = s.segAttr[sreg];
            boolean conformingCode = (attr & 0x1C) == 0x1C;
            if ((s.seg[sreg] & 0xFFFC) != 0 && !conformingCode && ((attr >>> 5) & 3) < cpl) cacheNull(sreg, 0);
        }
    }

    /**
     * A segment register as virtual-8086 mode has it (SDM Vol. 3, 20.1.1): base = selector * 16, limit 64 KiB,
     * a present, accessed, writable DPL 3 data segment's attributes.
     */
    void loadV86(int sreg, int sel) {
        s.seg[sreg] = sel & 0xFFFF;
        s.segBase[sreg] = (long) (sel & 0xFFFF) << 4;
        s.segLimit[sreg] = 0xFFFF;
        s.segAttr[sreg] = 0xF3;
    }

    /** Interrupt entry from virtual-8086 mode: ES, DS, FS and GS become null (their paragraphs mean nothing now). */
    void nullDataSegments() {
        cacheNull(CpuState.ES, 0);
        cacheNull(CpuState.DS, 0);
        cacheNull(CpuState.FS, 0);
        cacheNull(CpuState.GS, 0);
    }

    /** The base of a 16-byte (long mode) or 8-byte system descriptor at {@code at}. */
    private long systemBase(long at, long raw) {
        long base = Descriptor.base(raw);
        if (s.longMode) base |= (bus.read(at + 8, 4) & 0xFFFF_FFFFL) << 32;
        return base;
    }

    /** LLDT: a null selector disables the LDT; otherwise an LDT descriptor in the GDT. */
    public long loadLdt(int sel) {
        sel &= 0xFFFF;
        if ((sel & 0xFFFC) == 0) {
            s.ldtr = sel;
            s.ldtBase = 0;
            s.ldtLimit = 0;
            return 0;
        }
        if ((sel & 4) != 0) return fault(GP, selectorError(sel, 0));
        long at = address(sel);
        if (at < 0) return fault(GP, selectorError(sel, 0));
        long raw = read(at);
        if (bus.abort != null) return MEMORY;
        if (!Descriptor.system(raw) || Descriptor.type(raw) != Descriptor.LDT) return fault(GP, selectorError(sel, 0));
        if (!Descriptor.present(raw)) return fault(NP, selectorError(sel, 0));
        long base = systemBase(at, raw);
        if (bus.abort != null) return MEMORY;
        s.ldtr = sel;
        s.ldtBase = base;
        s.ldtLimit = Descriptor.limit(raw);
        return 0;
    }

    /** LTR: an available TSS descriptor in the GDT, which becomes busy. */
    public long loadTaskRegister(int sel) {
        sel &= 0xFFFF;
        if ((sel & 0xFFFC) == 0 || (sel & 4) != 0) return fault(GP, selectorError(sel, 0));
        long at = address(sel);
        if (at < 0) return fault(GP, selectorError(sel, 0));
        long raw = read(at);
        if (bus.abort != null) return MEMORY;
        int type = Descriptor.type(raw);
        boolean available = type == Descriptor.TSS_AVAILABLE || (!s.longMode && type == Descriptor.TSS16_AVAILABLE);
        if (!Descriptor.system(raw) || !available) return fault(GP, selectorError(sel, 0));
        if (!Descriptor.present(raw)) return fault(NP, selectorError(sel, 0));
        long base = systemBase(at, raw);
        if (bus.abort != null) return MEMORY;
        bus.write(at + 5, 1, (raw >>> 40) | 2);  // busy
        if (bus.abort != null) return MEMORY;
        s.tr = sel;
        s.trBase = base;
        s.trLimit = Descriptor.limit(raw);
        s.tss16 = type == Descriptor.TSS16_AVAILABLE;
        return 0;
    }
}
