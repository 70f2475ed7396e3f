package org.polyvisor.isa.x86.exec;

import org.polyvisor.isa.x86.fpu.X87;
import org.polyvisor.isa.x86.trap.Vectors;

/**
 * The 512-byte FXSAVE image (SDM Vol. 1, Table 10-2): FCW, FSW, the abridged tag byte, FOP, the last instruction
 * and data pointers (32-bit offsets with selectors, or 64-bit offsets for FXSAVE64), MXCSR and MXCSR_MASK, ST0-ST7
 * in stack order in 16-byte slots, XMM0-XMM7 (XMM0-XMM15 in 64-bit mode). FXSAVE and FXRSTOR move it to and from
 * guest memory; the vCPU's save and restore use it as the opaque part of the saved state.
 */
public final class FxImage {
    private final CpuState s;
    private final byte[] image = new byte[512];

    public FxImage(CpuState s) { this.s = s; }

    /** Fills {@code b} (512 bytes) from the state; {@code wide}: 64-bit pointers; {@code xmmCount}: 8 or 16. */
    public void write(byte[] b, boolean wide, int xmmCount) {
        java.util.Arrays.fill(b, 0, 416, (byte) 0);
        X87 x = s.fpu;
        put(b, 0, 2, x.cw);
        put(b, 2, 2, x.statusWord());
        put(b, 4, 1, x.abridgedTag());
        put(b, 6, 2, x.fop);
        if (wide) {
            put(b, 8, 8, x.fip);
            put(b, 16, 8, x.fdp);
        } else {
            put(b, 8, 4, x.fip);
            put(b, 12, 2, x.fcs);
            put(b, 16, 4, x.fdp);
            put(b, 20, 2, x.fds);
        }
        put(b, 24, 4, s.mxcsr);
        put(b, 28, 4, SseInstructions.MXCSR_MASK);
        for (int i = 0; i < 8; i++) {
            int p = x.physical(i);
            put(b, 32 + 16 * i, 8, x.mant[p]);
            put(b, 40 + 16 * i, 2, x.se[p]);
        }
        for (int i = 0; i < xmmCount; i++) {
            put(b, 160 + 16 * i, 8, s.xmm[2 * i]);
            put(b, 168 + 16 * i, 8, s.xmm[2 * i + 1]);
        }
    }

    /** Loads the state from {@code b}; false (nothing changed) when MXCSR has a reserved bit set. */
    public boolean read(byte[] b, boolean wide, int xmmCount) {
        long mxcsr = get(b, 24, 4);
        if ((mxcsr & ~SseInstructions.MXCSR_MASK) != 0) return false;
        X87 x = s.fpu;
        x.cw = ((int) get(b, 0, 2) & 0x1F3F) | 0x40;
        x.loadStatusWord((int) get(b, 2, 2));
        x.loadAbridgedTag((int) get(b, 4, 1));
        x.fop = (int) get(b, 6, 2) & 0x7FF;
        if (wide) {
            x.fip = get(b, 8, 8);
            x.fdp = get(b, 16, 8);
        } else {
            x.fip = get(b, 8, 4);
            x.fcs = (int) get(b, 12, 2);
            x.fdp = get(b, 16, 4);
            x.fds = (int) get(b, 20, 2);
        }
        s.mxcsr = (int) mxcsr;
        for (int i = 0; i < 8; i++) {
            int p = x.physical(i);
            x.mant[p] = get(b, 32 + 16 * i, 8);
            x.se[p] = (int) get(b, 40 + 16 * i, 2);
        }
        for (int i = 0; i < xmmCount; i++) {
            s.xmm[2 * i] = get(b, 160 + 16 * i, 8);
            s.xmm[2 * i + 1] = get(b, 168 + 16 * i, 8);
        }
        x.updateSummary();
        return true;
    }

    /** FXSAVE to guest memory at {@code ea} (16-byte aligned; the caller checked). Bytes 416-511 are left alone. */
    long save(Bus bus, long ea, boolean wide) {
        write(image, wide, s.longMode ? 16 : 8);
        for (int i = 0; i < 416; i += 8) bus.write(ea + i, 8, get(image, i, 8));
        return bus.abort != null ? Vectors.MEMORY : 0;
    }

    /** FXRSTOR from guest memory at {@code ea}; #GP(0) for a reserved MXCSR bit. */
    long restore(Bus bus, long ea, boolean wide) {
        for (int i = 0; i < 416; i += 8) {
            put(image, i, 8, bus.read(ea + i, 8));
            if (bus.abort != null) return Vectors.MEMORY;
        }
        return read(image, wide, s.longMode ? 16 : 8) ? 0 : Vectors.fault(Vectors.GP, 0);
    }

    static void put(byte[] b, int at, int n, long v) {
        for (int i = 0; i < n; i++) b[at + i] = (byte) (v >>> (8 * i));
    }

    static long get(byte[] b, int at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) v |= (b[at + i] & 0xFFL) << (8 * i);
        return v;
    }
}
