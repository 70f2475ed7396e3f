package org.polyvisor.isa.x86.exec;

/**
 * The multi-slot stack instructions (SDM Vol. 2: PUSHA/PUSHAD, POPA/POPAD, ENTER). Each one writes or reads all
 * its slots first and commits the registers only when every access succeeded, so that a #PF or #GP leaves rSP,
 * rBP and the general registers as they were (the instruction restarts). False when {@link Bus#abort} is set.
 */
final class StackFrames {
    private StackFrames() { }

    /** The linear address of the {@code size}-byte stack access at {@code sp}: SS's base and limit apply outside 64-bit mode. */
    private static long linear(CpuState s, long sp, int size) {
        return s.longMode ? sp : s.linear(CpuState.SS, sp, size);
    }

    /** PUSHA/PUSHAD: rAX, rCX, rDX, rBX, the original rSP, rBP, rSI, rDI, each of {@code size} bytes. */
    static boolean pusha(CpuState s, Bus bus, int size) {
        long mask = s.stackMask();
        long sp = s.r[CpuState.RSP] & mask;
        long top = (sp - 8L * size) & mask;
        for (int r = 0; r < 8; r++) {
            long v = r == CpuState.RSP ? sp : s.r[r];
            bus.write(linear(s, (top + (7L - r) * size) & mask, size), size, v);
            if (bus.abort != null) return false;
        }
        s.set(CpuState.RSP, s.stackSize, top);
        return true;
    }

    /** POPA/POPAD: rDI, rSI, rBP, (the rSP slot is skipped), rBX, rDX, rCX, rAX. */
    static boolean popa(CpuState s, Bus bus, int size, long[] scratch) {
        long mask = s.stackMask();
        long sp = s.r[CpuState.RSP] & mask;
        for (int r = 0; r < 8; r++) {
            scratch[r] = bus.read(linear(s, (sp + (7L - r) * size) & mask, size), size);
            if (bus.abort != null) return false;
        }
        for (int r = 0; r < 8; r++) if (r != CpuState.RSP) s.set(r, size, scratch[r]);
        s.set(CpuState.RSP, s.stackSize, (sp + 8L * size) & mask);
        return true;
    }

    /**
     * ENTER size, level as the SDM's pseudo-code: push rBP; FrameTemp = rSP; for levels above 1 copy level - 1
     * frame pointers from the enclosing frame (rBP decremented at the stack size); push FrameTemp when the level is
     * not 0; rBP = FrameTemp (operand size); rSP -= size. The level is taken modulo 32.
     */
    static boolean enter(CpuState s, Bus bus, int opSize, int allocSize, int nesting) {
        int level = nesting & 31;
        long mask = s.stackMask();
        long sp = (s.r[CpuState.RSP] - opSize) & mask;
        bus.write(linear(s, sp, opSize), opSize, s.r[CpuState.RBP]);
        if (bus.abort != null) return false;
        long frameTemp = sp;
        if (level > 0) {
            long bp = s.r[CpuState.RBP] & mask;
            for (int i = 1; i < level; i++) {
                bp = (bp - opSize) & mask;
                long v = bus.read(linear(s, bp, opSize), opSize);
                if (bus.abort != null) return false;
                sp = (sp - opSize) & mask;
                bus.write(linear(s, sp, opSize), opSize, v);
                if (bus.abort != null) return false;
            }
            sp = (sp - opSize) & mask;
            bus.write(linear(s, sp, opSize), opSize, frameTemp);
            if (bus.abort != null) return false;
        }
        s.set(CpuState.RBP, opSize, frameTemp);
        s.set(CpuState.RSP, s.stackSize, (sp - allocSize) & mask);
        return true;
    }
}
