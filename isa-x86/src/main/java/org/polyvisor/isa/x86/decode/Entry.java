package org.polyvisor.isa.x86.decode;

/**
 * One cell of an opcode map: the operation, its operands as the SDM's Appendix A writes them, and how it prints.
 *
 * @param op       what it does
 * @param mnemonic AT&T base mnemonic (condition codes are appended for Jcc/SETcc/CMOVcc)
 * @param dst      destination operand letter ({@link Operand}); NONE for none
 * @param src      source operand letter
 * @param size     operand size: {@link #B} (byte), {@link #V} (16/32/64 by prefixes), {@link #W} (word)
 * @param imm      immediate kind: {@link #IMM_NONE}, {@link #IMM_B}, {@link #IMM_BU}, {@link #IMM_W}, {@link #IMM_Z}, {@link #IMM_V}
 * @param flags    {@link #D64}, {@link #SUFFIX}, {@link #SRC_B}, {@link #SRC_W}, {@link #SRC_D}
 * @param group    for a group cell (80, FF, ...), the eight entries selected by ModRM.reg; else null
 */
public record Entry(Op op, String mnemonic, int dst, int src, int size, int imm, int flags, Entry[] group) {
    public static final int B = 1, V = 0, W = 2;
    public static final int IMM_NONE = 0, IMM_B = 1, IMM_BU = 2, IMM_W = 3, IMM_Z = 4, IMM_V = 5;
    /** A far pointer: an offset of the operand size, then a 16-bit selector ({@link Insn#selector}). */
    public static final int IMM_PTR = 6;
    /** ENTER's iw ib: the frame size in {@link Insn#imm}, the nesting level in {@link Insn#selector}. */
    public static final int IMM_ENTER = 7;
    /** Defaults to 64-bit operand size in long mode (push, pop, near branches). */
    public static final int D64 = 1;
    /** AT&T prints a size suffix when no register operand tells the size (addl $1,(%eax)). */
    public static final int SUFFIX = 2;
    /** Source of MOVZX/MOVSX is a byte, a word or (MOVSXD) a doubleword. */
    public static final int SRC_B = 4, SRC_W = 8, SRC_D = 16;
    /** The ModRM byte is read even though no operand names it (0F 1F NOP Ev has one; so do groups). */
    public static final int MODRM = 32;
    /** Takes a condition code from the opcode's low nibble. */
    public static final int COND = 64;
    /** AT&T prints the suffix always (movzbl, movswl, movslq). */
    public static final int ALWAYS_SUFFIX = 128;
    /** REX.W does not widen the operand past 32 bits (IN, OUT). */
    public static final int NO_REXW = 256;
    /** The operand is 32 bits wide outside long mode and 64 bits in it, whatever the prefixes say (MOV CRn). */
    public static final int MODE_SIZE = 512;
    /** SSE/SSE2: executed by the SIMD unit; a GPR operand is 32 bits (64 with REX.W), whatever 66 says. */
    public static final int SIMD = 1024;
    /** A third operand, the shift count in CL (SHLD/SHRD Ev,Gv,CL). */
    public static final int COUNT_CL = 2048;
    /** MMX: sized like {@link #SIMD} (a GPR operand is 32 bits, 64 with REX.W), executed on the x87 register file. */
    public static final int MMX = 4096;
    /**
     * CRC32 Gd/Gq, Eb/Ev (F2 0F 38 F0/F1): the destination is 32 bits (64 with REX.W) whatever 66 says; the source
     * is a byte ({@link #SRC_B}) or of the operand size.
     */
    public static final int CRC = 8192;

    public static final Entry UNDEFINED = new Entry(Op.UNDEFINED, "(bad)", Operand.NONE, Operand.NONE, V, IMM_NONE, 0, null);

    public boolean isGroup() { return group != null; }

    public boolean hasModrm() {
        return group != null || (flags & MODRM) != 0 || dst == Operand.E || src == Operand.E || dst == Operand.G
                || src == Operand.G || src == Operand.M || dst == Operand.S || src == Operand.S || dst == Operand.C
                || src == Operand.C || dst == Operand.D || src == Operand.D || dst == Operand.V_XMM || src == Operand.V_XMM || dst == Operand.W_XMM || src == Operand.W_XMM
                || dst == Operand.U_XMM || src == Operand.U_XMM || dst == Operand.P_MMX || src == Operand.P_MMX
                || dst == Operand.Q_MMX || src == Operand.Q_MMX || dst == Operand.N_MMX || src == Operand.N_MMX;
    }

    public static Entry of(Op op, String mnemonic, int dst, int src, int size, int imm, int flags) {
        return new Entry(op, mnemonic, dst, src, size, imm, flags, null);
    }

    public static Entry group(Entry... members) {
        if (members.length != 8) throw new IllegalArgumentException("a group has eight members");
        return new Entry(Op.UNDEFINED, "", Operand.NONE, Operand.NONE, V, IMM_NONE, MODRM, members.clone());
    }
}
