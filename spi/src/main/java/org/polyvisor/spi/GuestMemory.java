package org.polyvisor.spi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.polyvisor.spi.exec.SoftTlb;

/**
 * A domain's guest-physical address space as its ISA sees it. The one method an implementation must
 * give is {@link #page(long)}; the typed accessors are built on it and use the ISA's byte order.
 * Hot paths (an ISA's fetch and load/store) cache the segments {@code page} returns in a
 * {@link SoftTlb}; the typed accessors here are for the kernel's edge
 * (loading images, copying hypercall arguments) and throw {@link GuestMemoryFault} where there is no RAM.
 */
public interface GuestMemory {
    int PAGE_SHIFT = 12;
    int PAGE_SIZE = 1 << PAGE_SHIFT;
    long PAGE_MASK = PAGE_SIZE - 1;

    ByteOrder byteOrder();

    /** The 4 KiB host page backing guest frame {@code gfn}, or null when that frame is not RAM of this domain. */
    MemorySegment page(long gfn);

    /**
     * Whether guest frame {@code gfn} may be written: false for a read-only grant mapping of another domain's
     * frame. An ISA fills its write TLB only for writable frames and treats a store to any other as its
     * architecture's write-protection fault (or, with no handler installed, a crash of the domain).
     */
    default boolean isWritable(long gfn) { return page(gfn) != null; }

    /** True when {@code gpa} lies in an MMIO hole: the vCPU turns accesses there into {@link VcpuExit.Mmio}. */
    default boolean isMmio(long gpa) { return false; }

    /** True when the whole range is RAM of this domain. */
    default boolean isRam(long gpa, long length) {
        if (length <= 0) return length == 0;
        if (gpa < 0 || gpa + length < gpa) return false;
        for (long f = gpa >>> PAGE_SHIFT, last = (gpa + length - 1) >>> PAGE_SHIFT; f <= last; f++)
            if (page(f) == null) return false;
        return true;
    }

    private MemorySegment pageOrFault(long gpa) {
        MemorySegment p = gpa < 0 ? null : page(gpa >>> PAGE_SHIFT);
        if (p == null) throw new GuestMemoryFault(gpa);
        return p;
    }

    /** Reads {@code size} (1, 2, 4 or 8) bytes, zero-extended. */
    default long read(long gpa, int size) {
        int off = (int) (gpa & PAGE_MASK);
        if (off + size <= PAGE_SIZE) {
            MemorySegment p = pageOrFault(gpa);
            ByteOrder o = byteOrder();
            return switch (size) {
                case 1 -> p.get(ValueLayout.JAVA_BYTE, off) & 0xFFL;
                case 2 -> p.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(o), off) & 0xFFFFL;
                case 4 -> p.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(o), off) & 0xFFFF_FFFFL;
                case 8 -> p.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(o), off);
                default -> throw new IllegalArgumentException("size " + size);
            };
        }
        long v = 0;
        boolean little = byteOrder() == ByteOrder.LITTLE_ENDIAN;
        for (int i = 0; i < size; i++) {
            long b = read(gpa + i, 1);
            v |= little ? b << (8 * i) : b << (8 * (size - 1 - i));
        }
        return v;
    }

    /** Writes the low {@code size} (1, 2, 4 or 8) bytes of {@code value}. */
    default void write(long gpa, int size, long value) {
        int off = (int) (gpa & PAGE_MASK);
        if (off + size <= PAGE_SIZE) {
            MemorySegment p = pageOrFault(gpa);
            ByteOrder o = byteOrder();
            switch (size) {
                case 1 -> p.set(ValueLayout.JAVA_BYTE, off, (byte) value);
                case 2 -> p.set(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(o), off, (short) value);
                case 4 -> p.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(o), off, (int) value);
                case 8 -> p.set(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(o), off, value);
                default -> throw new IllegalArgumentException("size " + size);
            }
            return;
        }
        boolean little = byteOrder() == ByteOrder.LITTLE_ENDIAN;
        for (int i = 0; i < size; i++) {
            int shift = little ? 8 * i : 8 * (size - 1 - i);
            write(gpa + i, 1, value >>> shift);
        }
    }

    default void readBytes(long gpa, byte[] dst, int offset, int length) {
        while (length > 0) {
            int off = (int) (gpa & PAGE_MASK);
            int n = Math.min(length, PAGE_SIZE - off);
            MemorySegment.copy(pageOrFault(gpa), ValueLayout.JAVA_BYTE, off, dst, offset, n);
            gpa += n; offset += n; length -= n;
        }
    }

    default void writeBytes(long gpa, byte[] src, int offset, int length) {
        while (length > 0) {
            int off = (int) (gpa & PAGE_MASK);
            int n = Math.min(length, PAGE_SIZE - off);
            MemorySegment.copy(src, offset, pageOrFault(gpa), ValueLayout.JAVA_BYTE, off, n);
            gpa += n; offset += n; length -= n;
        }
    }

    /**
     * Atomically replaces the naturally aligned {@code size}-byte value at {@code gpa} with {@code value} if it
     * equals {@code expected} (both in guest byte order semantics), and returns the value found. Atomic across
     * vCPUs on different pCPU threads: LOCK CMPXCHG, LDXR/STXR, lwarx/stwcx., cmpxchg on ia64 build on this.
     */
    default long compareAndExchange(long gpa, int size, long expected, long value) {
        if ((gpa & (size - 1)) != 0) throw new IllegalArgumentException("unaligned atomic at 0x" + Long.toHexString(gpa));
        MemorySegment p = pageOrFault(gpa);
        long off = gpa & PAGE_MASK;
        boolean swap = byteOrder() != ByteOrder.nativeOrder();
        return switch (size) {
            case 4 -> {
                int e = swap ? Integer.reverseBytes((int) expected) : (int) expected;
                int n = swap ? Integer.reverseBytes((int) value) : (int) value;
                int w = (int) AtomicAccess.INT.compareAndExchange(p, off, e, n);
                yield (swap ? Integer.reverseBytes(w) : w) & 0xFFFF_FFFFL;
            }
            case 8 -> {
                long e = swap ? Long.reverseBytes(expected) : expected;
                long n = swap ? Long.reverseBytes(value) : value;
                long w = (long) AtomicAccess.LONG.compareAndExchange(p, off, e, n);
                yield swap ? Long.reverseBytes(w) : w;
            }
            default -> throw new IllegalArgumentException("atomic size " + size);
        };
    }

    /** VarHandles for atomic access to guest pages, in the host's order. */
    final class AtomicAccess {
        private AtomicAccess() { }
        static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
        static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    }
}
