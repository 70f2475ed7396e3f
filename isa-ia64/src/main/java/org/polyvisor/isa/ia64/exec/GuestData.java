package org.polyvisor.isa.ia64.exec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.DataMemory;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.mmu.Translation;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.exec.DecodedPages;
import org.polyvisor.spi.exec.SoftTlb;
import java.nio.ByteOrder;
import org.polyvisor.isa.ia64.trap.Vector;

/**
 * Loads and stores through the vCPU's {@link SoftTlb}: a hit is a tag compare and a segment access; a miss
 * translates, asks {@link GuestMemory#page} and fills the TLB. Stores into pages that hold decoded bundles take
 * the slow path and clear the bundles they overwrite. Accesses that cross a page go byte by byte.
 * Unaligned accesses are performed, not faulted: PSR.ac is off and the skeleton models no alignment checks.
 */
final class GuestData implements DataMemory {
    private static final ValueLayout.OfShort S = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final CpuState cpu;
    private final GuestMemory memory;
    private final SoftTlb tlb;
    private final DecodedPages code;
    private final Translation mmu;

    /** The GR (logical number) a pending MMIO read completes into, or -1. */
    int pendingTarget = -1;
    int pendingSize;

    GuestData(CpuState cpu, GuestMemory memory, SoftTlb tlb, DecodedPages code, Translation mmu) {
        this.cpu = cpu;
        this.memory = memory;
        this.tlb = tlb;
        this.code = code;
        this.mmu = mmu;
    }

    @Override
    public int load(long va, int size, int target) {
        int off = (int) (va & GuestMemory.PAGE_MASK);
        if (off + size > GuestMemory.PAGE_SIZE) return crossingLoad(va, size, target);
        MemorySegment p = tlb.lookup(SoftTlb.READ, va);
        if (p == null) {
            long gpa = mmu.translate(va, false);
            p = gpa < 0 ? null : memory.page(gpa >>> GuestMemory.PAGE_SHIFT);
            if (p == null) {
                if (gpa >= 0 && memory.isMmio(gpa)) {
                    pendingTarget = target;
                    pendingSize = size;
                    cpu.exit = new VcpuExit.Mmio(gpa, size, false, 0);
                    return Flow.EXIT_AFTER;
                }
                return gpa < 0 ? translationFault() : fault("load", va);
            }
            tlb.fill(SoftTlb.READ, va, gpa >>> GuestMemory.PAGE_SHIFT, p);
        }
        cpu.setGr(target, read(p, off, size));
        return Flow.NEXT;
    }

    @Override
    public int loadValue(long va, int size) {
        int off = (int) (va & GuestMemory.PAGE_MASK);
        if (off + size > GuestMemory.PAGE_SIZE) {
            long v = 0;
            for (int i = 0; i < size; i++) {
                long gpa = mmu.translate(va + i, false);
                if (gpa < 0) return translationFault();
                MemorySegment p = memory.page(gpa >>> GuestMemory.PAGE_SHIFT);
                if (p == null) return fault("FP load", va + i);
                v |= (p.get(ValueLayout.JAVA_BYTE, gpa & GuestMemory.PAGE_MASK) & 0xffL) << (8 * i);
            }
            cpu.loaded = v;
            return Flow.NEXT;
        }
        MemorySegment p = tlb.lookup(SoftTlb.READ, va);
        if (p == null) {
            long gpa = mmu.translate(va, false);
            if (gpa < 0) return translationFault();
            p = memory.page(gpa >>> GuestMemory.PAGE_SHIFT);
            if (p == null) return fault("FP load", va);
            tlb.fill(SoftTlb.READ, va, gpa >>> GuestMemory.PAGE_SHIFT, p);
        }
        cpu.loaded = read(p, off, size);
        return Flow.NEXT;
    }

    @Override
    public int store(long va, int size, long value) {
        if (cpu.alat.count > 0) {
            long gpa = mmu.translate(va, true);
            if (gpa >= 0) cpu.alat.store(gpa, size);
        }
        int off = (int) (va & GuestMemory.PAGE_MASK);
        if (off + size > GuestMemory.PAGE_SIZE) return crossingStore(va, size, value);
        MemorySegment p = tlb.lookup(SoftTlb.WRITE, va);
        if (p == null) {
            long gpa = mmu.translate(va, true);
            long gfn = gpa >>> GuestMemory.PAGE_SHIFT;
            p = gpa < 0 ? null : memory.page(gfn);
            if (p == null) {
                if (gpa >= 0 && memory.isMmio(gpa)) {
                    cpu.exit = new VcpuExit.Mmio(gpa, size, true, size == 8 ? value : value & ((1L << (8 * size)) - 1));
                    return Flow.EXIT_AFTER;
                }
                return gpa < 0 ? translationFault() : fault("store", va);
            }
            if (code.mayHoldCode(gfn)) {
                // Self-modifying code: write, then drop the bundles this store touched; never cache the page for writes.
                write(p, off, size, value);
                code.written(gpa, size, 0);
                return Flow.NEXT;
            }
            tlb.fill(SoftTlb.WRITE, va, gfn, p);
        }
        write(p, off, size, value);
        return Flow.NEXT;
    }

    @Override
    public int atomic(long va, int size, int op, long a, long b, int target) {
        if ((va & (size - 1)) != 0)
            return cpu.raise(Vector.UNALIGNED_REFERENCE, 1L << 33 | 1L << 34,
                    "unaligned semaphore access at 0x" + Long.toHexString(va));
        long gpa = mmu.translate(va, true);
        if (gpa < 0) return translationFault();
        if (!memory.isRam(gpa, size)) return fault("semaphore", va);
        long gfn = gpa >>> GuestMemory.PAGE_SHIFT;
        long mask = size == 8 ? -1L : (1L << 8 * size) - 1;
        // 1- and 2-byte operands are updated inside their aligned 4-byte word (little-endian lanes).
        int width = size < 4 ? 4 : size;
        long word = gpa & -(long) width;
        int shift = (int) (gpa - word) * 8;
        long old;
        while (true) {
            long w = memory.read(word, width);
            old = w >>> shift & mask;
            long nv = switch (op) {
                case CMPXCHG -> old == a ? b : old;
                case XCHG -> b;
                default -> old + b;
            } & mask;
            if (op == CMPXCHG && old != a) break;
            long nw = (w & ~(mask << shift)) | nv << shift;
            if (memory.compareAndExchange(word, width, w, nw) == w) break;
        }
        if (code.mayHoldCode(gfn)) code.written(gpa, size, 0);
        if (cpu.alat.count > 0) cpu.alat.store(gpa, size);
        cpu.setGr(target, old);
        return Flow.NEXT;
    }

    @Override
    public long physical(long va) {
        return mmu.translate(va, false);
    }

    /** RSE spill: a plain 8-byte store; an MMIO backing store is a fault (the RSE does no device access here). */
    @Override
    public int rseStore(long va, long value) {
        long gpa = mmu.translate(va, true);
        if (gpa < 0 || (va & 7) != 0 || memory.page(gpa >>> GuestMemory.PAGE_SHIFT) == null) return rseFault("store", va);
        return store(va, 8, value);
    }

    @Override
    public int rseLoad(long va) {
        long gpa = mmu.translate(va, false);
        MemorySegment p = gpa < 0 || (va & 7) != 0 ? null : memory.page(gpa >>> GuestMemory.PAGE_SHIFT);
        if (p == null) return rseFault("load", va);
        cpu.loaded = p.get(L, gpa & GuestMemory.PAGE_MASK);
        return Flow.NEXT;
    }

    private int rseFault(String kind, long va) {
        cpu.exit = new VcpuExit.Fault("RSE " + kind + " outside guest memory at 0x" + Long.toHexString(va), cpu.ip);
        return Flow.FAULT;
    }

    /** Completes the MMIO read the last exit asked for. */
    void complete(long value) {
        if (pendingTarget < 0) return;
        cpu.setGr(pendingTarget, pendingSize == 8 ? value : value & ((1L << (8 * pendingSize)) - 1));
        pendingTarget = -1;
    }

    /** A translation fault from the MMU becomes the interruption it names (Data TLB, Access Rights, ...). */
    private int translationFault() {
        cpu.raise(mmu.faultVector, mmu.faultIsr, mmu.faultReason);
        cpu.trapIfa = mmu.faultIfa;
        cpu.trapWritesIfa = true;
        cpu.trapItir = mmu.faultItir;
        cpu.trapIha = mmu.faultIha;
        cpu.trapWritesTranslation = true;
        return Flow.INTERRUPT;
    }

    private int fault(String kind, long va) {
        cpu.exit = new VcpuExit.Fault(kind + " outside guest memory at 0x" + Long.toHexString(va), cpu.ip);
        return Flow.FAULT;
    }

    private int crossingLoad(long va, int size, int target) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            long gpa = mmu.translate(va + i, false);
            if (gpa < 0) return translationFault();
            MemorySegment p = memory.page(gpa >>> GuestMemory.PAGE_SHIFT);
            if (p == null) return fault("load", va + i);
            v |= (p.get(ValueLayout.JAVA_BYTE, gpa & GuestMemory.PAGE_MASK) & 0xffL) << (8 * i);
        }
        cpu.setGr(target, v);
        return Flow.NEXT;
    }

    private int crossingStore(long va, int size, long value) {
        for (int i = 0; i < size; i++) {
            long gpa = mmu.translate(va + i, true);
            if (gpa < 0) return translationFault();
            if (memory.page(gpa >>> GuestMemory.PAGE_SHIFT) == null) return fault("store", va + i);
        }
        for (int i = 0; i < size; i++) {
            long gpa = mmu.translate(va + i, true);
            memory.page(gpa >>> GuestMemory.PAGE_SHIFT).set(ValueLayout.JAVA_BYTE, gpa & GuestMemory.PAGE_MASK, (byte) (value >>> (8 * i)));
            code.written(gpa, 1, 0);
        }
        return Flow.NEXT;
    }

    private static long read(MemorySegment p, int off, int size) {
        return switch (size) {
            case 1 -> p.get(ValueLayout.JAVA_BYTE, off) & 0xffL;
            case 2 -> p.get(S, off) & 0xffffL;
            case 4 -> p.get(I, off) & 0xffff_ffffL;
            default -> p.get(L, off);
        };
    }

    private static void write(MemorySegment p, int off, int size, long v) {
        switch (size) {
            case 1 -> p.set(ValueLayout.JAVA_BYTE, off, (byte) v);
            case 2 -> p.set(S, off, (short) v);
            case 4 -> p.set(I, off, (int) v);
            default -> p.set(L, off, v);
        }
    }
}
