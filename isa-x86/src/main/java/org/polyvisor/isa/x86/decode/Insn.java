package org.polyvisor.isa.x86.decode;

/**
 * One decoded instruction: what the decoder read once and the executor (or the disassembler) uses many times.
 * Mutable only while the decoder fills it; after that it is shared by the per-page cache, so nobody writes it.
 * Registers are numbered 0-15 (rAX..r15) and, for byte operands without REX, 16-19 for AH, CH, DH, BH.
 */
public final class Insn {
    public static final int P_LOCK = 1, P_REP = 2, P_REPNE = 4, P_OPSIZE = 8, P_ADDRSIZE = 16, P_REX = 32;
    /** Register number of AH (then CH, DH, BH). */
    public static final int AH = 16;

    public Entry entry = Entry.UNDEFINED;
    public Op op = Op.UNDEFINED;
    public int length;
    /** Operand size in bytes: 1, 2, 4 or 8. */
    public int opSize;
    /** Source size of MOVZX/MOVSX/MOVSXD, else equal to opSize. */
    public int srcSize;
    public int dstKind, srcKind;
    public int dstReg = -1, srcReg = -1;
    /** The immediate (sign-extended as the SDM says for its kind), or the branch displacement for REL. */
    public long imm;
    /** True when the entry has an immediate (the third operand of IMUL Gv,Ev,Iz). */
    public boolean hasImm;
    /** The selector of a direct far JMP/CALL (ptr16:16/32), whose offset is {@link #imm}; ENTER's nesting level (ib). */
    public int selector;
    public int cond;
    /**
     * The opcode byte (one-byte map), 0x0F00 | the second byte (0F map) or 0x0F3800 | the third byte (0F 38 map): the
     * x87 and SSE executors and the disassembler read it.
     */
    public int opcode;
    /** For an SSE cell: its mandatory prefix ({@link SseMaps#NONE}, P66, PF3, PF2). */
    public int mandatory;
    public int prefixes;
    public int rex;
    /** The prefix bytes (legacy and REX) in encoding order, or null when there are none; for the disassembler. */
    public byte[] prefixBytes;
    public int modrm = -1;
    // The memory operand (there is at most one).
    public int base = -1, index = -1, scaleShift;
    public long disp;
    /** Segment override register number (ES=0 .. GS=5), or -1. */
    public int segment = -1;
    /** Address size in bytes: 2 (16-bit ModRM forms, IA-32 with 67), 4 or 8. */
    public int addrSize;
    public boolean ripRelative;
    /** True when the memory operand was encoded with a SIB byte; {@link #sibBase} holds its raw base field. */
    public boolean hasSib;
    public int sibBase;
    /** Bytes of prefixes and opcode (without ModRM): what objdump consumes for an undefined encoding. */
    public int opcodeLength;
    /** True when the memory operand has a displacement in its encoding (prints 0x0(%eax) rather than (%eax)). */
    public boolean hasDisp;
    /** Set when the bytes ran out (fetch fault) before the instruction was complete; faultAddress says where. */
    public boolean truncated;
    public long faultAddress;
    /**
     * Filled by the executor once after decoding, for its own dispatch: a handler number (0 = the general path),
     * a sub-operation and the operand-size mask.
     */
    public int fast, fastOp;
    public long opMask;

    /** Clears everything for reuse by the disassembler. */
    public void reset() {
        entry = Entry.UNDEFINED; op = Op.UNDEFINED; length = 0; opSize = 0; srcSize = 0;
        dstKind = srcKind = Operand.NONE; dstReg = srcReg = -1; imm = 0; hasImm = false; selector = 0; cond = 0;
        opcode = 0; mandatory = 0; prefixes = 0; rex = 0; prefixBytes = null; modrm = -1; base = index = -1; scaleShift = 0; disp = 0; segment = -1;
        addrSize = 0; ripRelative = false; hasSib = false; sibBase = 0; opcodeLength = 0; hasDisp = false; truncated = false; faultAddress = 0;
        fast = fastOp = 0; opMask = 0;
    }

    public boolean has(int prefix) { return (prefixes & prefix) != 0; }

    public boolean hasMemory() { return dstKind == Operand.MEM || srcKind == Operand.MEM; }
}
