package org.polyvisor.isa.ppc.exec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import org.polyvisor.isa.ppc.mmu.Faults;
import org.polyvisor.isa.ppc.mmu.Mmu;
import org.polyvisor.isa.ppc.trap.Vectors;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.exec.DecodedPages;
import org.polyvisor.spi.exec.SoftTlb;

/**
 * The vCPU's data side: big-endian loads and stores through the software TLB, filled from
 * {@link GuestMemory#page(long)} after translation. An access that cannot complete in RAM leaves its outcome in
 * {@link #exit} (an MMIO exit or a fault) and returns; the caller checks that field, so no exception is thrown
 * for guest behaviour. Stores into pages that hold decoded code never hit the TLB: they clear the decoded blocks
 * that may cover the bytes they overwrite (those starting up to {@link Block#LOOK_BEHIND} bytes before them in the
 * same page; blocks never span pages) and set {@link #codeWritten}, so the block running ends after the store.
 */
public final class DataBus {
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int PAGE = GuestMemory.PAGE_SIZE;

    private final GuestMemory memory;
    private final SoftTlb tlb;
    private final DecodedPages code;
    private final Mmu mmu;
    private final PpcCpu cpu;
    /** Why the last access did not complete, or null. */
    public VcpuExit exit;
    /** A store, dcbz, stwcx. or icbi reached a page holding decoded code since the run loop last cleared this. */
    boolean codeWritten;

    public DataBus(PpcCpu cpu, GuestMemory memory, SoftTlb tlb, DecodedPages code, Mmu mmu) {
        this.cpu = cpu;
        this.memory = memory;
        this.tlb = tlb;
        this.code = code;
        this.mmu = mmu;
    }

    /** Loads {@code size} bytes zero-extended, or sets {@link #exit} and returns 0. */
    public long load(long ea, int size) {
        int off = (int) ea & (PAGE - 1);
        MemorySegment p = tlb.lookup(SoftTlb.READ, ea);
        if (p != null && off + size <= PAGE) return get(p, off, size);
        return loadSlow(ea, size);
    }

    private long loadSlow(long ea, int size) {
        int off = (int) ea & (PAGE - 1);
        if (off + size > PAGE) {
            long v = 0;
            for (int i = 0; i < size && exit == null; i++) v = v << 8 | load((ea + i) & 0xffff_ffffL, 1);
            return v;
        }
        long gpa = mmu.translate(ea, Mmu.READ);
        if (gpa < 0) return dataStorage(ea, false);
        MemorySegment p = memory.page(gpa >>> GuestMemory.PAGE_SHIFT);
        if (p == null) {
            exit = gpa >= 0 && memory.isMmio(gpa)
                    ? new VcpuExit.Mmio(gpa, size, false, 0)
                    : new VcpuExit.Fault("load outside guest memory at 0x" + Long.toHexString(ea), 0);
            return 0;
        }
        tlb.fill(SoftTlb.READ, ea, gpa >>> GuestMemory.PAGE_SHIFT, p);
        return get(p, off, size);
    }

    /** Stores the low {@code size} bytes of {@code value}, or sets {@link #exit}. */
    public void store(long ea, int size, long value) {
        int off = (int) ea & (PAGE - 1);
        MemorySegment p = tlb.lookup(SoftTlb.WRITE, ea);
        if (p != null && off + size <= PAGE) put(p, off, size, value);
        else storeSlow(ea, size, value);
    }

    private void storeSlow(long ea, int size, long value) {
        int off = (int) ea & (PAGE - 1);
        if (off + size > PAGE) {
            for (int i = 0; i < size && exit == null; i++) store((ea + i) & 0xffff_ffffL, 1, value >>> (8 * (size - 1 - i)));
            return;
        }
        long gpa = mmu.translate(ea, Mmu.WRITE);
        if (gpa < 0) {
            dataStorage(ea, true);
            return;
        }
        long gfn = gpa >>> GuestMemory.PAGE_SHIFT;
        MemorySegment p = memory.page(gfn);
        if (p == null) {
            exit = gpa >= 0 && memory.isMmio(gpa)
                    ? new VcpuExit.Mmio(gpa, size, true, size == 8 ? value : value & ((1L << (8 * size)) - 1))
                    : new VcpuExit.Fault("store outside guest memory at 0x" + Long.toHexString(ea), 0);
            return;
        }
        put(p, off, size, value);
        if (code.mayHoldCode(gfn)) dropCode(gpa, size);
        else tlb.fill(SoftTlb.WRITE, ea, gfn, p);
    }

    /**
     * Stores the word {@code value} at {@code ea} if the word there still equals {@code expected}, atomically
     * against other vCPUs (stwcx.). Returns whether it stored; outside RAM it sets {@link #exit} instead.
     */
    public boolean compareAndStore(long ea, long expected, long value) {
        long gpa = mmu.translate(ea, Mmu.WRITE);
        if (gpa < 0) {
            dataStorage(ea, true);
            return false;
        }
        long gfn = gpa >>> GuestMemory.PAGE_SHIFT;
        if (memory.page(gfn) == null) {
            exit = gpa >= 0 && memory.isMmio(gpa)
                    ? new VcpuExit.Mmio(gpa, 4, true, value & 0xffff_ffffL)
                    : new VcpuExit.Fault("store outside guest memory at 0x" + Long.toHexString(ea), 0);
            return false;
        }
        long seen = memory.compareAndExchange(gpa, 4, expected & 0xffff_ffffL, value & 0xffff_ffffL);
        boolean stored = seen == (expected & 0xffff_ffffL);
        if (stored && code.mayHoldCode(gfn)) dropCode(gpa, 4);
        return stored;
    }

    /**
     * icbi: drops the decoded instructions of the 32-byte block at {@code ea}, so code written behind the vCPU's
     * back (by the hypervisor or a device) is decoded again. Translated like a load; a failure is a DSI.
     */
    public void invalidateCode(long ea) {
        long gpa = mmu.translate(ea, Mmu.READ);
        if (gpa < 0) {
            dataStorage(ea, false);
            return;
        }
        if (code.mayHoldCode(gpa >>> GuestMemory.PAGE_SHIFT)) dropCode(gpa & ~31L, 32);
    }

    /** Drops the decoded blocks that may cover the {@code length} bytes at {@code gpa} (all in one page). */
    private void dropCode(long gpa, int length) {
        code.written(gpa, length, Math.min(Block.LOOK_BEHIND, (int) gpa & (PAGE - 1)));
        codeWritten = true;
    }

    /** The translation of {@code ea} failed: a data storage interrupt with DAR = ea and DSISR = the causes. */
    private long dataStorage(long ea, boolean store) {
        cpu.dar = ea & 0xffff_ffffL;
        cpu.dsisr = (mmu.faultBits() | (store ? Faults.STORE : 0)) & 0xffff_ffffL;
        exit = cpu.raise(Vectors.DSI, cpu.dsisr, 0);
        return 0;
    }

    private static long get(MemorySegment p, int off, int size) {
        return switch (size) {
            case 1 -> p.get(ValueLayout.JAVA_BYTE, off) & 0xffL;
            case 2 -> p.get(SHORT, off) & 0xffffL;
            default -> p.get(INT, off) & 0xffff_ffffL;
        };
    }

    private static void put(MemorySegment p, int off, int size, long value) {
        switch (size) {
            case 1 -> p.set(ValueLayout.JAVA_BYTE, off, (byte) value);
            case 2 -> p.set(SHORT, off, (short) value);
            default -> p.set(INT, off, (int) value);
        }
    }

    /** Reads an instruction word from a page the fetch path already holds. */
    static int word(MemorySegment page, int off) { return page.get(INT, off); }
}
