package org.polyvisor.isa.x86.exec;

import org.polyvisor.isa.x86.trap.Descriptor;

/**
 * The selector and descriptor queries of protected mode (SDM Vol. 2A "ARPL", "LAR"; Vol. 2B "LSL", "VERR/VERW"):
 * they read a descriptor without loading it and answer in ZF, so a bad selector is not an exception. Real mode
 * makes them #UD (the caller checks). The descriptor is read with supervisor rights, as a segment load reads it;
 * a page fault on that read is the only exception they raise here.
 */
final class DescriptorQueries {
    /** {@link #query}: the descriptor is not visible (ZF = 0), or the read faulted (the bus holds the abort). */
    static final int INVISIBLE = 0, VISIBLE = 1, FAULT = 2;

    private final CpuState s;
    private final Segments segments;
    /** The descriptor the last VISIBLE {@link #lar} or {@link #lsl} found, and its answer. */
    long value;

    DescriptorQueries(CpuState s, Segments segments) { this.s = s; this.segments = segments; }

    /**
     * ARPL Ew, Gw: when the destination selector's RPL is below the source's, it takes the source's RPL and ZF = 1;
     * else ZF = 0 and the destination is unchanged. Returns the new destination selector.
     */
    static int arpl(int dest, int src) { return (dest & 3) < (src & 3) ? (dest & ~3) | (src & 3) : dest; }

    /**
     * LAR: the access rights of a code or data segment, or of a system descriptor of a type LAR accepts (legacy: TSS
     * of both sizes, LDT, both call gates, task gate; IA-32e mode: LDT, 64-bit TSS and call gate), which the
     * selector may see: a conforming code segment always, anything else when DPL &ge; CPL and DPL &ge; RPL. The
     * answer ({@link #value}) is the descriptor's second doubleword masked with 00F0FF00H (the flags nibble, P, DPL,
     * S and type; bits 19:16 read as zero, as on Intel parts and QEMU).
     */
    int lar(int sel) {
        int r = visible(sel, true);
        if (r == VISIBLE) value = (raw >>> 32) & 0x00F0_FF00L;
        return r;
    }

    /** LSL: the limit in bytes (scaled by G) of a segment or of an LDT or TSS descriptor the selector may see. */
    int lsl(int sel) {
        int r = visible(sel, false);
        if (r == VISIBLE) value = Descriptor.limit(raw) & 0xFFFF_FFFFL;
        return r;
    }

    /** VERR (write = false) and VERW: a readable (code or data) or writable data segment the selector may see. */
    int verify(int sel, boolean write) {
        int r = read(sel);
        if (r != VISIBLE) return r;
        if (Descriptor.system(raw)) return INVISIBLE;
        if (write ? !Descriptor.writableData(raw) : !Descriptor.readable(raw)) return INVISIBLE;
        return Descriptor.conforming(raw) || privileged(sel) ? VISIBLE : INVISIBLE;
    }

    private long raw;

    /** Reads the descriptor of {@code sel} into {@link #raw}: INVISIBLE for a null selector or one past its table. */
    private int read(int sel) {
        if ((sel & 0xFFFC) == 0) return INVISIBLE;
        long at = segments.address(sel);
        if (at < 0) return INVISIBLE;
        raw = segments.read(at);
        return segments.faulted() ? FAULT : VISIBLE;
    }

    private boolean privileged(int sel) {
        int dpl = Descriptor.dpl(raw);
        return dpl >= s.cpl() && dpl >= (sel & 3);
    }

    private int visible(int sel, boolean lar) {
        int r = read(sel);
        if (r != VISIBLE) return r;
        if (Descriptor.system(raw) && !systemTypeAccepted(Descriptor.type(raw), lar)) return INVISIBLE;
        return Descriptor.conforming(raw) || privileged(sel) ? VISIBLE : INVISIBLE;
    }

    /** The system descriptor types LAR (and, without the gates, LSL) accept, by the mode's descriptor layout. */
    private boolean systemTypeAccepted(int type, boolean lar) {
        if (s.ia32e()) return type == Descriptor.LDT || type == Descriptor.TSS_AVAILABLE || type == Descriptor.TSS_BUSY
                || (lar && type == Descriptor.CALL_GATE);
        return switch (type) {
            case Descriptor.TSS16_AVAILABLE, Descriptor.LDT, 0x3, Descriptor.TSS_AVAILABLE, Descriptor.TSS_BUSY -> true;
            case 0x4, Descriptor.TASK_GATE, Descriptor.CALL_GATE -> lar;  // 16-bit call gate, task gate, call gate
            default -> false;
        };
    }
}
