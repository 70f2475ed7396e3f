package org.polyvisor.spi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

/**
 * Guest memory as one contiguous block of RAM at {@code base}, with optional MMIO window: what ISA tests and
 * benchmarks use without a kernel. The kernel's own memory is framed and P2M-mapped instead.
 */
public final class FlatGuestMemory implements GuestMemory, AutoCloseable {
    private final ByteOrder order;
    private final long base;
    private final long size;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment ram;
    private final MemorySegment[] pages;
    private long mmioBase = -1, mmioSize;

    public FlatGuestMemory(ByteOrder order, long base, long size) {
        if ((base & PAGE_MASK) != 0 || (size & PAGE_MASK) != 0 || size <= 0)
            throw new IllegalArgumentException("base and size must be positive multiples of 4 KiB");
        this.order = order;
        this.base = base;
        this.size = size;
        this.ram = arena.allocate(size, PAGE_SIZE);
        this.pages = new MemorySegment[(int) (size >>> PAGE_SHIFT)];
        for (int i = 0; i < pages.length; i++) pages[i] = ram.asSlice((long) i << PAGE_SHIFT, PAGE_SIZE);
    }

    /** Makes {@code [mmioBase, mmioBase + mmioSize)} an MMIO hole. */
    public FlatGuestMemory withMmio(long mmioBase, long mmioSize) {
        this.mmioBase = mmioBase;
        this.mmioSize = mmioSize;
        return this;
    }

    @Override public ByteOrder byteOrder() { return order; }

    @Override
    public MemorySegment page(long gfn) {
        long i = gfn - (base >>> PAGE_SHIFT);
        return i >= 0 && i < pages.length ? pages[(int) i] : null;
    }

    @Override public boolean isMmio(long gpa) { return mmioBase >= 0 && gpa >= mmioBase && gpa - mmioBase < mmioSize; }

    public long base() { return base; }

    public long size() { return size; }

    /** Copies {@code bytes} into RAM at {@code gpa}. */
    public FlatGuestMemory load(long gpa, byte[] bytes) {
        writeBytes(gpa, bytes, 0, bytes.length);
        return this;
    }

    @Override public void close() { arena.close(); }
}
