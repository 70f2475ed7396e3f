package org.polyvisor.isa.arm64.exec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.polyvisor.isa.arm64.mmu.Translation;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.exec.DecodedPages;
import org.polyvisor.spi.exec.SoftTlb;

/**
 * Data loads and stores of the vCPU: a {@link SoftTlb} hit reads or writes the host page directly; a miss
 * translates, fills the TLB from {@link GuestMemory#page}, and turns MMIO holes and non-RAM into exits.
 * <p>An access that cannot complete here leaves its exit in {@link #exit} (no Java exception on the hot path).
 * A load from MMIO exits before the instruction retires; when the kernel answers with {@link #completeRead}, the
 * instruction runs again and that same load returns the answer. A store to MMIO completes the instruction first.
 */
final class DataBus {
    // Var handles in constants, not MemorySegment.get(layout, offset): see BlockRunner.
    private static final VarHandle U8 = ValueLayout.JAVA_BYTE.varHandle();
    private static final VarHandle U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final int PAGE = GuestMemory.PAGE_SIZE;

    private final GuestMemory memory;
    private final SoftTlb tlb;
    private final DecodedPages code;
    private final Translation mmu;

    /** Set when the last access could not complete here; the executor hands it to the kernel. */
    VcpuExit exit;
    /** True when {@link #exit} is an MMIO store: the instruction has completed. */
    boolean exitAfterRetire;
    /**
     * Set when a store or atomic overwrote decoded code (the block being run may be one of the blocks dropped); whoever
     * runs blocks clears it.
     */
    boolean codeWritten;

    /** Set with {@link #exit} when the access is a data abort the guest could take: its VA, FSC and direction. */
    boolean aborted;
    long abortVa;
    int abortFsc;
    boolean abortWrite;

    private long pendingReadAddress = -1;
    private long pendingReadValue;
    private boolean pendingReadReady;

    DataBus(GuestMemory memory, SoftTlb tlb, DecodedPages code, Translation mmu) {
        this.memory = memory;
        this.tlb = tlb;
        this.code = code;
        this.mmu = mmu;
    }

    /** Loads {@code 1 << log2Size} bytes, zero-extended. Check {@link #exit} afterwards. */
    long load(long va, int log2Size, long pc) {
        int off = (int) va & (PAGE - 1);
        MemorySegment p = tlb.lookup(SoftTlb.READ, va);
        if (p != null && off + (1 << log2Size) <= PAGE) return read(p, off, log2Size);
        return loadSlow(va, log2Size, pc);
    }

    /** Stores the low {@code 1 << log2Size} bytes of {@code value}. Check {@link #exit} afterwards. */
    void store(long va, int log2Size, long value, long pc) {
        int off = (int) va & (PAGE - 1);
        MemorySegment p = tlb.lookup(SoftTlb.WRITE, va);
        if (p != null && off + (1 << log2Size) <= PAGE) {
            write(p, off, log2Size, value);
            return;
        }
        storeSlow(va, log2Size, value, pc);
    }

    void completeRead(long value) {
        pendingReadValue = value;
        pendingReadReady = true;
    }

    void clearExit() {
        exit = null;
        exitAfterRetire = false;
        aborted = false;
    }

    /** Alignment fault status code (DFSC 0b100001). */
    static final int FSC_ALIGNMENT = 0x21;

    /**
     * The guest-physical address for an exclusive or atomic access of {@code bytes} (naturally aligned, RAM only:
     * no device can take part in a compare-and-swap), or -1 with {@link #exit} and the abort fields set. A write
     * drops decoded code it may overwrite.
     */
    long atomicAddress(long va, int bytes, boolean write, long pc) {
        if ((va & (bytes - 1)) != 0) {
            exit = new VcpuExit.Fault("misaligned exclusive or atomic access at 0x" + Long.toHexString(va), pc);
            aborted = true;
            abortVa = va;
            abortFsc = FSC_ALIGNMENT;
            abortWrite = write;
            return -1;
        }
        long gpa = mmu.translate(va, write ? Translation.WRITE : Translation.READ);
        if (gpa != Translation.FAULT && memory.page(gpa >>> GuestMemory.PAGE_SHIFT) != null) {
            if (write && code.mayHoldCode(gpa >>> GuestMemory.PAGE_SHIFT)) codeWritten(gpa, bytes);
            return gpa;
        }
        exit = new VcpuExit.Fault("exclusive or atomic access outside guest memory at 0x" + Long.toHexString(va), pc);
        abort(va, gpa, write);
        return -1;
    }

    /**
     * Drops the decoded blocks that contain any of the {@code size} bytes written at {@code gpa} (within one page, on
     * a page that holds decoded code), and sets {@link #codeWritten} if there were any. A block is cached in the slot
     * of its first instruction ({@link InstructionFetch}), so the blocks to drop start at most
     * {@link InstructionFetch#MAX_BLOCK} - 1 slots before the first byte written. The other vCPUs of the domain drop
     * theirs at their next poll.
     */
    private void codeWritten(long gpa, int size) {
        code.writtenByThisVcpu(gpa, size, Math.min(4 * (InstructionFetch.MAX_BLOCK - 1), (int) gpa & (PAGE - 1)));
        Object[] slots = code.slots(gpa >>> GuestMemory.PAGE_SHIFT);
        int first = ((int) gpa & (PAGE - 1)) >>> 2, last = ((int) (gpa + size - 1) & (PAGE - 1)) >>> 2;
        for (int i = Math.max(0, first - (InstructionFetch.MAX_BLOCK - 1)); i <= last; i++) {
            if (slots[i] instanceof DecodedBlock block && i + block.ops.length > first) {
                slots[i] = null;
                codeWritten = true;
            }
        }
    }

    /** The crash reason for a data abort from translation with no vectors installed. */
    private VcpuExit.Fault translationFault(String access, long va, long pc) {
        return new VcpuExit.Fault(String.format("data abort (DFSC 0x%02x) on %s at 0x%x with no exception vectors installed",
                mmu.faultStatus, access, va), pc);
    }

    private void abort(long va, long gpa, boolean write) {
        aborted = true;
        abortVa = va;
        abortFsc = gpa == Translation.FAULT ? mmu.faultStatus : Translation.FSC_EXTERNAL;
        abortWrite = write;
    }

    private long loadSlow(long va, int log2Size, long pc) {
        int size = 1 << log2Size;
        if ((va & (PAGE - 1)) + size > PAGE) return loadBytes(va, size, pc);
        long gpa = mmu.translate(va, Translation.READ);
        MemorySegment p = gpa == Translation.FAULT ? null : memory.page(gpa >>> GuestMemory.PAGE_SHIFT);
        if (p != null) {
            tlb.fill(SoftTlb.READ, va, gpa >>> GuestMemory.PAGE_SHIFT, p);
            return read(p, (int) gpa & (PAGE - 1), log2Size);
        }
        if (gpa != Translation.FAULT && memory.isMmio(gpa)) {
            if (pendingReadReady && pendingReadAddress == gpa) {
                pendingReadReady = false;
                pendingReadAddress = -1;
                return size == 8 ? pendingReadValue : pendingReadValue & ((1L << (8 * size)) - 1);
            }
            pendingReadAddress = gpa;
            pendingReadReady = false;
            exit = new VcpuExit.Mmio(gpa, size, false, 0);
            return 0;
        }
        exit = gpa == Translation.FAULT ? translationFault("load", va, pc)
                : new VcpuExit.Fault("load outside guest memory at 0x" + Long.toHexString(va), pc);
        abort(va, gpa, false);
        return 0;
    }

    /** An access that straddles a page: byte by byte, each through the slow path (little-endian assembly). */
    private long loadBytes(long va, int size, long pc) {
        long value = 0;
        for (int i = 0; i < size && exit == null; i++) value |= load(va + i, 0, pc) << (8 * i);
        return value;
    }

    private void storeSlow(long va, int log2Size, long value, long pc) {
        int size = 1 << log2Size;
        if ((va & (PAGE - 1)) + size > PAGE) {
            for (int i = 0; i < size && exit == null; i++) store(va + i, 0, value >>> (8 * i), pc);
            return;
        }
        long gpa = mmu.translate(va, Translation.WRITE);
        long gfn = gpa >>> GuestMemory.PAGE_SHIFT;
        MemorySegment p = gpa == Translation.FAULT ? null : memory.page(gfn);
        if (p != null) {
            write(p, (int) gpa & (PAGE - 1), log2Size, value);
            // Pages holding decoded code never enter the write TLB, so every store to them comes here.
            if (code.mayHoldCode(gfn)) codeWritten(gpa, size);
            else tlb.fill(SoftTlb.WRITE, va, gfn, p);
            return;
        }
        if (gpa != Translation.FAULT && memory.isMmio(gpa)) {
            exit = new VcpuExit.Mmio(gpa, size, true, size == 8 ? value : value & ((1L << (8 * size)) - 1));
            exitAfterRetire = true;
            return;
        }
        exit = gpa == Translation.FAULT ? translationFault("store", va, pc)
                : new VcpuExit.Fault("store outside guest memory at 0x" + Long.toHexString(va), pc);
        abort(va, gpa, true);
    }

    private static long read(MemorySegment p, int off, int log2Size) {
        return switch (log2Size) {
            case 0 -> (byte) U8.get(p, (long) off) & 0xFFL;
            case 1 -> (short) U16.get(p, (long) off) & 0xFFFFL;
            case 2 -> (int) U32.get(p, (long) off) & 0xFFFF_FFFFL;
            default -> (long) U64.get(p, (long) off);
        };
    }

    private static void write(MemorySegment p, int off, int log2Size, long value) {
        switch (log2Size) {
            case 0 -> U8.set(p, (long) off, (byte) value);
            case 1 -> U16.set(p, (long) off, (short) value);
            case 2 -> U32.set(p, (long) off, (int) value);
            default -> U64.set(p, (long) off, value);
        }
    }
}
