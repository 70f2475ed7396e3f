package org.polyvisor.isa.x86.testing;

import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.isa.x86.pv.PageTypes;

/**
 * The x86 PV memory hypercalls on a {@link Machine} through {@code Vcpu.archHypercall}, with the requests laid out in
 * the guest's word size: mmuext_op's {@code { u32 cmd; arg1; arg2 }} is 12 bytes on x86_32 (arg1 at 4, arg2 at 8)
 * and 24 on x86_64 (at 8 and 16); mmu_update's {@code { u64 ptr, val }} is the same on both. One request at
 * {@link #REQ}, *pdone at {@link #DONE}, for DOMID_SELF. Shared by the x86 and x86_64 PV MMU tests.
 */
public final class PvCalls {
    public static final long REQ = 0x30000, DONE = 0x30F00, SELF = 0x7FF0;
    public static final long P = 1, RW = 2, US = 4;

    private PvCalls() { }

    /** Hypercall {@code op} with {@code args}, as the kernel hands it to the vCPU. */
    public static long call(Machine m, int op, long... args) { return m.cpu.archHypercall(op, args); }

    /** mmuext_op (26) with one {@code {cmd, arg1, arg2}}. */
    public static long ext(Machine m, int cmd, long arg1, long arg2) {
        int w = m.isa.wordBits() / 8;
        m.memory.write(REQ, w, cmd);
        m.memory.write(REQ + w, w, arg1);
        m.memory.write(REQ + 2L * w, w, arg2);
        return call(m, 26, REQ, 1, DONE, SELF);
    }

    /** mmu_update (1) with one {@code {ptr, val}}. */
    public static long update(Machine m, long ptr, long val) {
        m.memory.write(REQ, 8, ptr);
        m.memory.write(REQ + 8, 8, val);
        return call(m, 1, REQ, 1, DONE, SELF);
    }

    /** The domain's page types. */
    public static PageTypes types(Machine m) { return ((X86Vcpu) m.cpu).pv().pageTypes(); }

    /**
     * Page tables in frames {@code levels} (the root first, one table per level) mapping the first MiB 1:1, writable
     * and user-reachable except the table pages themselves (read-only); a 32-bit PAE root's entry is P only.
     */
    public static void identityTables(Machine m, long... levels) {
        boolean pae = m.isa.wordBits() == 32;
        for (int i = 0; i + 1 < levels.length; i++)
            m.memory.write(levels[i] << 12, 8, levels[i + 1] << 12 | P | (pae && i == 0 ? 0 : RW | US));
        long first = levels[0], last = levels[levels.length - 1];
        for (long f = 0; f < 256; f++) m.memory.write((last << 12) + 8 * f, 8, f << 12 | P | US | (f >= first && f <= last ? 0 : RW));
    }
}
