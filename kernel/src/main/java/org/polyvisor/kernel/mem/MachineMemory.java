package org.polyvisor.kernel.mem;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's "machine" memory: a budget of 4 KiB frames, each backed off-heap only when first touched.
 * Frames carry an owner (a domain id) so that a P2M can only ever hold its own domain's frames. Freed frames
 * are zeroed and reused. Thread-safe.
 */
public final class MachineMemory implements AutoCloseable {
    public static final int FRAME_SIZE = 4096;
    /** Frames are carved from host chunks of this many, to keep host allocations few. */
    private static final int CHUNK_FRAMES = 256;
    public static final int NO_OWNER = -1;

    private final long totalFrames;
    private final Arena arena = Arena.ofShared();
    private final List<MemorySegment> frames = new ArrayList<>();
    private final List<Integer> owners = new ArrayList<>();
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private long reserved;
    private MemorySegment chunk;
    private int chunkUsed = CHUNK_FRAMES;

    public MachineMemory(long bytes) {
        if (bytes < FRAME_SIZE) throw new IllegalArgumentException("machine memory must hold at least one frame");
        this.totalFrames = bytes / FRAME_SIZE;
    }

    public long totalFrames() { return totalFrames; }

    public synchronized long reservedFrames() { return reserved; }

    /** Frames backed by host memory right now (touched at least once). */
    public synchronized long backedFrames() { return frames.size() - free.size(); }

    /** Promises {@code count} frames to a domain before any is touched; false when the host has not that many free. */
    public synchronized boolean reserve(long count) {
        if (count < 0 || reserved + count > totalFrames) return false;
        reserved += count;
        return true;
    }

    public synchronized void unreserve(long count) { reserved = Math.max(0, reserved - count); }

    /** Backs a new zeroed frame for {@code owner}; returns its machine frame number. */
    public synchronized int allocate(int owner) {
        Integer mfn = free.pollFirst();
        if (mfn != null) {
            frames.get(mfn).fill((byte) 0);
            owners.set(mfn, owner);
            return mfn;
        }
        if (chunkUsed == CHUNK_FRAMES) {
            chunk = arena.allocate((long) CHUNK_FRAMES * FRAME_SIZE, FRAME_SIZE);
            chunkUsed = 0;
        }
        MemorySegment f = chunk.asSlice((long) chunkUsed++ * FRAME_SIZE, FRAME_SIZE);
        frames.add(f);
        owners.add(owner);
        return frames.size() - 1;
    }

    /** Returns a frame to the pool; only its owner may free it. */
    public synchronized void release(int mfn, int owner) {
        if (owners.get(mfn) != owner)
            throw new IllegalStateException("frame " + mfn + " is owned by " + owners.get(mfn) + ", not " + owner);
        owners.set(mfn, NO_OWNER);
        free.addLast(mfn);
    }

    public synchronized int owner(int mfn) { return mfn >= 0 && mfn < owners.size() ? owners.get(mfn) : NO_OWNER; }

    /** The frame's host memory, checked against its owner. */
    public synchronized MemorySegment frame(int mfn, int owner) {
        if (owner(mfn) != owner) throw new IllegalStateException("domain " + owner + " does not own frame " + mfn);
        return frames.get(mfn);
    }

    @Override public void close() { arena.close(); }
}
