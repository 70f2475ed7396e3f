package org.polyvisor.isa.x86.exec;

import org.polyvisor.isa.x86.decode.Insn;
import org.polyvisor.isa.x86.decode.Operand;

/** Effective and linear addresses of a decoded memory operand (SDM Vol. 1, 3.7.5 and Vol. 3, 3.4). */
final class Addressing {
    private Addressing() { }

    /** The effective address (the offset in its segment) of the memory operand, at the address size. */
    static long offset(CpuState s, Insn in, long next) {
        long a = in.disp;
        if (in.base >= 0) a += s.r[in.base];
        if (in.index >= 0) a += s.r[in.index] << in.scaleShift;
        if (in.ripRelative) a += next;
        return in.addrSize == 8 ? a : in.addrSize == 2 ? a & 0xFFFF : a & 0xFFFF_FFFFL;
    }

    /**
     * The linear address of the memory operand: the offset plus the segment base (the override, else SS for a
     * rBP/rSP base, else DS). In 64-bit mode only FS and GS add a base and nothing is checked; outside it every base
     * applies (real mode selector * 16, the descriptor's base in protected mode) and the access must lie within the
     * segment's limit, else the result is {@link CpuState#LIMIT_FAULT} (#GP(0), #SS(0) for SS).
     */
    static long linear(CpuState s, Insn in, long next) {
        long a = offset(s, in, next);
        int sreg = in.segment >= 0 ? in.segment : in.base == CpuState.RSP || in.base == CpuState.RBP ? CpuState.SS : CpuState.DS;
        if (s.longMode) return sreg >= CpuState.FS ? a + s.segBase[sreg] : a;
        return s.linear(sreg, a, size(in));
    }

    /** {@link #linear} without the limit check: INVLPG names an address, it does not access it. */
    static long unchecked(CpuState s, Insn in, long next) {
        long a = offset(s, in, next);
        int sreg = in.segment >= 0 ? in.segment : in.base == CpuState.RSP || in.base == CpuState.RBP ? CpuState.SS : CpuState.DS;
        if (s.longMode) return sreg >= CpuState.FS ? a + s.segBase[sreg] : a;
        return (a + s.segBase[sreg]) & 0xFFFF_FFFFL;
    }

    /**
     * The bytes the limit check covers: the whole operand of a far pointer (offset and selector), LGDT/LIDT/SGDT/
     * SIDT's limit and base, BOUND's pair and CMPXCHG8B's quadword, else the memory operand's size (the source's for
     * MOVZX/MOVSX). The x87 and SSE state images (FXSAVE, FSTENV ...) are checked for their first bytes only.
     */
    private static int size(Insn in) {
        return switch (in.op) {
            case LDS, LES, LFS, LGS, LSS, JMP_FAR, CALL_FAR -> in.opSize + 2;
            case LGDT, LIDT, SGDT, SIDT -> 6;
            case BOUND -> 2 * in.opSize;
            case CMPXCHG8B -> 8;
            default -> {
                int size = in.dstKind == Operand.MEM ? in.opSize : in.srcSize;
                yield size >= 1 && size <= 16 ? size : 1;
            }
        };
    }
}
