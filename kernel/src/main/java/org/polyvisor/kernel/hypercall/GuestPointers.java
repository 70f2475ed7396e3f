package org.polyvisor.kernel.hypercall;

import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.GuestMemoryFault;
import org.polyvisor.spi.Vcpu;
import java.nio.ByteBuffer;

/**
 * copy_from_guest / copy_to_guest: guest-virtual buffers translated page by page with the guest's own MMU, then
 * checked against the domain's RAM. A bad pointer gives {@link BadGuestPointer}, which becomes -EFAULT.
 */
public final class GuestPointers {
    private final Vcpu vcpu;
    private final GuestMemory memory;

    public GuestPointers(Vcpu vcpu, GuestMemory memory) {
        this.vcpu = vcpu;
        this.memory = memory;
    }

    public byte[] read(long va, int length) {
        if (length < 0) throw new BadGuestPointer(va);
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            long gpa = physical(va + done, false);
            int n = (int) Math.min(length - done, GuestMemory.PAGE_SIZE - (gpa & GuestMemory.PAGE_MASK));
            try {
                memory.readBytes(gpa, out, done, n);
            } catch (GuestMemoryFault e) {
                throw new BadGuestPointer(va + done);
            }
            done += n;
        }
        return out;
    }

    public void write(long va, byte[] bytes) {
        int done = 0;
        while (done < bytes.length) {
            long gpa = physical(va + done, true);
            int n = (int) Math.min(bytes.length - done, GuestMemory.PAGE_SIZE - (gpa & GuestMemory.PAGE_MASK));
            try {
                memory.writeBytes(gpa, bytes, done, n);
            } catch (GuestMemoryFault e) {
                throw new BadGuestPointer(va + done);
            }
            done += n;
        }
    }

    /** Reads an unsigned 32-bit value in the guest's byte order. */
    public long readU32(long va) {
        byte[] b = read(va, 4);
        return ByteBuffer.wrap(b).order(memory.byteOrder()).getInt() & 0xFFFF_FFFFL;
    }

    /** Reads an unsigned 16-bit value in the guest's byte order. */
    public int readU16(long va) {
        return ByteBuffer.wrap(read(va, 2)).order(memory.byteOrder()).getShort() & 0xFFFF;
    }

    /** Reads a 64-bit value in the guest's byte order. */
    public long readU64(long va) {
        return ByteBuffer.wrap(read(va, 8)).order(memory.byteOrder()).getLong();
    }

    /** Reads a guest word (xen_ulong_t, a pointer, a handle): 4 or 8 bytes. */
    public long readWord(long va, int wordBytes) { return wordBytes == 8 ? readU64(va) : readU32(va); }

    /** Writes a 16-bit value (a domid_t, a status) in the guest's byte order. */
    public void writeU16(long va, long value) {
        write(va, ByteBuffer.allocate(2).order(memory.byteOrder()).putShort((short) value).array());
    }

    /** Writes a 64-bit value in the guest's byte order. */
    public void writeU64(long va, long value) {
        write(va, ByteBuffer.allocate(8).order(memory.byteOrder()).putLong(value).array());
    }

    /** Writes a 32-bit value in the guest's byte order. */
    public void writeU32(long va, long value) {
        write(va, ByteBuffer.allocate(4).order(memory.byteOrder()).putInt((int) value).array());
    }

    private long physical(long va, boolean write) {
        long gpa = vcpu.translate(va, write);
        if (gpa < 0 || memory.page(gpa >>> GuestMemory.PAGE_SHIFT) == null) throw new BadGuestPointer(va);
        if (write && !memory.isWritable(gpa >>> GuestMemory.PAGE_SHIFT)) throw new BadGuestPointer(va);
        return gpa;
    }

    /** A hypercall argument that points where the guest has no memory. */
    public static final class BadGuestPointer extends RuntimeException {
        public BadGuestPointer(long va) { super("bad guest pointer 0x" + Long.toHexString(va), null, false, false); }
    }
}
