package org.polyvisor.isa.x86.decode;

import static org.polyvisor.isa.x86.decode.Entry.*;

/**
 * Reads one instruction: legacy prefixes, (in long mode) REX, the opcode through the byte-indexed maps, ModRM/SIB
 * and displacement, and the immediate. Never throws: unknown encodings become {@link Op#UNDEFINED}, bytes that
 * cannot be fetched set {@link Insn#truncated}. The x86_64 backend subclasses it with {@code longMode = true}
 * and its patched maps.
 */
public class Decoder {
    /** The longest x86 instruction, in bytes. */
    public static final int MAX_LENGTH = 15;
    public static final Entry NOP = Entry.of(Op.NOP, "nop", Operand.NONE, Operand.NONE, V, IMM_NONE, 0);
    /** RTM (SDM Vol. 2: XABORT is C6 F8 ib, XBEGIN C7 F8 rel16/32): decoded, not executed (#UD, no RTM in CPUID). */
    private static final Entry XABORT = Entry.of(Op.XABORT, "xabort", Operand.NONE, Operand.I, B, IMM_BU, 0),
            XBEGIN = Entry.of(Op.XBEGIN, "xbegin", Operand.J, Operand.NONE, V, IMM_Z, D64);

    /** The maps of the current mode: {@link #maps64} in 64-bit mode, the IA-32 maps otherwise. */
    protected OpcodeMaps maps;
    private final OpcodeMaps maps64;
    /** The decoder of a vCPU with IA-32e mode (x86_64), which may switch to 64-bit code. */
    private final boolean capable64;
    /** The current code: 64-bit mode, and 16-bit default operand/address size (real mode, CS.D = 0). */
    protected boolean longMode;
    private boolean default16;

    private final int[] prefixBuffer = new int[MAX_LENGTH];
    private CodeSource src;
    private long start;
    private int pos;
    private Insn out;

    private static final OpcodeMaps IA32 = OpcodeMaps.ia32();

    /** An IA-32 decoder. Decoders keep per-call state: one per vCPU (or per disassembly). */
    public Decoder() { this(IA32, false); }

    protected Decoder(OpcodeMaps maps, boolean longMode) {
        this.maps64 = maps;
        this.capable64 = longMode;
        setCodeSize(longMode ? 8 : 4);
    }

    /** True for the decoder of a vCPU model with 64-bit mode (it starts there). */
    public boolean longMode() { return capable64; }

    /**
     * Selects the mode of the code that follows: {@code codeSize} 2 (real mode, 16-bit code segments), 4 (32-bit
     * code segments and compatibility mode) or 8 (64-bit mode; only for a 64-bit capable decoder).
     */
    public final void setCodeSize(int codeSize) {
        longMode = capable64 && codeSize == 8;
        default16 = codeSize == 2;
        maps = longMode ? maps64 : IA32;
    }

    /** Decodes the instruction at {@code address} into {@code insn} (which the caller has reset or freshly made). */
    public final void decode(CodeSource source, long address, Insn insn) {
        this.src = source;
        this.start = address;
        this.pos = 0;
        this.out = insn;
        decodeInto(insn);
        insn.length = Math.max(1, pos);
        this.src = null;
        this.out = null;
    }

    /** The next byte, or -1 after setting {@link Insn#truncated}. */
    private int next() {
        if (out.truncated) return -1;
        if (pos >= MAX_LENGTH) { out.truncated = true; out.faultAddress = start + pos; return -1; }
        int b = src.byteAt(start + pos);
        if (b < 0) { out.truncated = true; out.faultAddress = start + pos; return -1; }
        pos++;
        return b;
    }

    private void decodeInto(Insn in) {
        int b, count = 0;
        int[] seen = prefixBuffer;
        while (true) {
            b = next();
            if (b < 0) return;
            int p = legacyPrefix(b);
            boolean rex = longMode && (b & 0xF0) == 0x40;
            if (p == 0 && !rex) break;
            seen[count++] = b;
            if (rex) { in.rex = b; continue; }
            if (p > 0) in.prefixes |= p;
            else in.segment = -p - 1;
            in.rex = 0;  // a REX prefix counts only right before the opcode
        }
        if (in.rex != 0) in.prefixes |= Insn.P_REX;
        if (count > 0) {
            in.prefixBytes = new byte[count];
            for (int i = 0; i < count; i++) in.prefixBytes[i] = (byte) seen[i];
        }
        Entry e;
        if (b == 0x0F) {
            int b2 = next();
            if (b2 < 0) return;
            e = maps.twoByte[b2];
            int peek = b2 == 0x01 ? src.byteAt(start + pos) : -1;
            // SMSW (/4) and LMSW (/6) take a general register in their register forms; the others go by ModRM.
            if (peek >= 0xC0 && ((peek >> 3) & 7) != 4 && ((peek >> 3) & 7) != 6) {
                int modrm = next();
                if (modrm < 0) return;
                in.modrm = modrm;
                e = registerForm01(modrm);
                in.opcodeLength = pos - 1;
                in.entry = e;
                in.op = e.op();
                in.opSize = 4;
                return;
            }
            boolean map38 = b2 == 0x38;
            if (map38) {  // the 0F 38 map: MOVBE and CRC32 (OpcodeMaps.threeByte38)
                int b3 = next();
                if (b3 < 0) return;
                e = OpcodeMaps.threeByte38(b3, mandatoryPrefix(seen, count));
                b2 = b3;
            }
            if ((e.flags() & COND) != 0) in.cond = b2 & 0xF;
            in.opcode = (map38 ? 0x0F_3800 : 0x0F00) | b2;
            Entry f3 = map38 ? null : OpcodeMaps.withF3(b2);
            if (f3 != null && mandatoryPrefix(seen, count) == SseMaps.PF3) e = f3;
            Entry[] simd = map38 ? null : SseMaps.ROWS[b2];
            if (simd != null) {
                in.mandatory = mandatoryPrefix(seen, count);
                e = simd[in.mandatory];
            }
            b = b2;  // the low opcode bits of 0F C8+r name the register
        } else {
            e = maps.oneByte[b];
            in.opcode = b;
            if ((e.flags() & COND) != 0) in.cond = b & 0xF;
            // 90 is NOP (F3 90: PAUSE) unless REX.B names R8 or 66 makes it XCHG rAX at another size.
            if (b == 0x90 && (in.rex & 1) == 0 && (!in.has(Insn.P_OPSIZE) || mandatoryPrefix(seen, count) == SseMaps.PF3)) e = NOP;
        }
        int reg = b & 7;
        in.opcodeLength = pos;
        if (e.isGroup() || e.hasModrm()) {
            int modrm = next();
            if (modrm < 0) return;
            in.modrm = modrm;
            Entry register = modrm >= 0xC0 && (in.opcode & 0xFF00) == 0x0F00 && SseMaps.ROWS[in.opcode & 0xFF] != null
                    ? SseMaps.registerForm(in.opcode & 0xFF, in.mandatory, modrm) : null;
            if (register != null) e = register;
            else if ((in.opcode == 0xC6 || in.opcode == 0xC7) && modrm == 0xF8) e = in.opcode == 0xC6 ? XABORT : XBEGIN;
            else if (e.isGroup()) e = e.group()[(modrm >> 3) & 7];
        }
        in.entry = e;
        in.op = e.op();
        if (e.op() == Op.UNDEFINED) return;
        int size = (e.flags() & MODE_SIZE) != 0 ? (longMode ? 8 : 4)
                : (e.flags() & (SIMD | MMX)) != 0 ? (longMode && (in.rex & 8) != 0 ? 8 : 4) : operandSize(e, in);
        int f = e.flags();
        in.srcSize = (f & SRC_B) != 0 ? 1 : (f & SRC_W) != 0 ? 2 : (f & SRC_D) != 0 ? 4 : size;
        if ((f & CRC) != 0) size = longMode && (in.rex & 8) != 0 ? 8 : 4;
        in.opSize = size;
        if (in.modrm >= 0 && !modrmOperand(in)) return;
        boolean moffs = e.dst() == Operand.O || e.src() == Operand.O;
        if (isString(e.op()) || moffs || isCounted(e.op()) || e.op() == Op.XLAT) {
            // These address (or count) at the address size without ModRM: 67 switches between 16 and 32 bits
            // outside 64-bit mode (SI/DI/CX or ESI/EDI/ECX), between 32 and 64 in it.
            in.addrSize = longMode ? (in.has(Insn.P_ADDRSIZE) ? 4 : 8) : default16 != in.has(Insn.P_ADDRSIZE) ? 2 : 4;
        }
        if (moffs) {
            long offset = readLE(in.addrSize);
            if (in.truncated) return;
            in.disp = offset;
            in.hasDisp = true;
        }
        in.dstKind = resolve(e.dst(), in, size, reg, true);
        in.srcKind = resolve(e.src(), in, in.srcSize, reg, false);
        boolean memoryOnly = (e.src() == Operand.M && in.srcKind != Operand.MEM) || (e.dst() == Operand.M && in.dstKind != Operand.MEM);
        boolean registerOnly = (e.src() == Operand.U_XMM || e.dst() == Operand.U_XMM || e.src() == Operand.N_MMX
                || e.dst() == Operand.N_MMX) && in.modrm < 0xC0;
        if (memoryOnly || registerOnly) { in.op = Op.UNDEFINED; in.entry = UNDEFINED; return; }
        if (e.imm() != IMM_NONE) readImmediate(e.imm(), size, in);
    }

    /** The register forms of 0F 01, chosen by the whole ModRM byte; the x86_64 decoder adds its own. */
    protected Entry registerForm01(int modrm) {
        return modrm == 0xC1 ? OpcodeMaps.VMCALL : UNDEFINED;
    }

    /**
     * The mandatory prefix of an SSE cell ({@link SseMaps#NONE}, P66, PF3, PF2): the last F2 or F3, else 66
     * (SDM Vol. 2, 2.1.2: F2/F3 take precedence over 66).
     */
    private static int mandatoryPrefix(int[] seen, int count) {
        boolean p66 = false;
        for (int i = count - 1; i >= 0; i--) {
            if (seen[i] == 0xF3) return SseMaps.PF3;
            if (seen[i] == 0xF2) return SseMaps.PF2;
            if (seen[i] == 0x66) p66 = true;
        }
        return p66 ? SseMaps.P66 : SseMaps.NONE;
    }

    /** LOOP, LOOPE, LOOPNE and JECXZ/JRCXZ count in rCX at the address size. */
    public static boolean isCounted(Op op) {
        return op == Op.LOOP || op == Op.LOOPE || op == Op.LOOPNE || op == Op.JCXZ;
    }

    public static boolean isString(Op op) {
        return op == Op.MOVS || op == Op.STOS || op == Op.LODS || op == Op.CMPS || op == Op.SCAS || op == Op.INS || op == Op.OUTS;
    }

    /** Bits of {@link Insn} for a legacy prefix, a negative segment (-1 - sreg), or 0 for a non-prefix. */
    private static int legacyPrefix(int b) {
        return switch (b) {
            case 0xF0 -> Insn.P_LOCK;
            case 0xF2 -> Insn.P_REPNE;
            case 0xF3 -> Insn.P_REP;
            case 0x66 -> Insn.P_OPSIZE;
            case 0x67 -> Insn.P_ADDRSIZE;
            case 0x26 -> -1;
            case 0x2E -> -2;
            case 0x36 -> -3;
            case 0x3E -> -4;
            case 0x64 -> -5;
            case 0x65 -> -6;
            default -> 0;
        };
    }

    private int operandSize(Entry e, Insn in) {
        if (e.size() == B) return 1;
        if (e.size() == W) return 2;
        if (longMode && (in.rex & 8) != 0 && (e.flags() & NO_REXW) == 0) return 8;
        // REX.W overrides 66 (SDM Vol. 1, 3.6.1); port I/O then stays at 32 bits.
        if (longMode && (in.rex & 8) != 0 && (e.op() == Op.IN || e.op() == Op.OUT || e.op() == Op.INS || e.op() == Op.OUTS)) return 4;
        if (default16) return in.has(Insn.P_OPSIZE) ? 4 : 2;
        if (in.has(Insn.P_OPSIZE)) return 2;
        return longMode && (e.flags() & D64) != 0 ? 8 : 4;
    }

    /** Decodes the memory form of ModRM (SIB, displacement, RIP-relative). False when it cannot be decoded. */
    private boolean modrmOperand(Insn in) {
        int mod = in.modrm >> 6, rm = in.modrm & 7;
        if (mod == 3 || in.entry.dst() == Operand.R || in.entry.src() == Operand.R) return true;
        if (!longMode && default16 != in.has(Insn.P_ADDRSIZE)) return modrm16(in, mod, rm);
        in.addrSize = longMode && !in.has(Insn.P_ADDRSIZE) ? 8 : 4;
        int rexB = (in.rex & 1) << 3, rexX = (in.rex & 2) << 2;
        if (rm == 4) {
            int sib = next();
            if (sib < 0) return false;
            int idx = ((sib >> 3) & 7) | rexX;
            in.scaleShift = sib >> 6;
            in.hasSib = true;
            in.sibBase = sib & 7;
            in.index = idx == 4 ? -1 : idx;
            int b = sib & 7;
            if (b == 5 && mod == 0) {
                in.base = -1;
                return displacement(in, 4);
            }
            in.base = b | rexB;
        } else if (rm == 5 && mod == 0) {
            in.base = -1;
            in.ripRelative = longMode;
            return displacement(in, 4);
        } else {
            in.base = rm | rexB;
        }
        return mod == 1 ? displacement(in, 1) : mod != 2 || displacement(in, 4);
    }

    /** Base and index registers of the 16-bit ModRM forms rm = 0..7 (SDM Vol. 2, Table 2-1); -1 for none. */
    private static final int[] BASE16 = {3, 3, 5, 5, 6, 7, 5, 3}, INDEX16 = {6, 7, 6, 7, -1, -1, -1, -1};

    /** 16-bit addressing (16-bit code without 67, or 32-bit code with it): [BX+SI] ... [BX], disp16 alone for mod 0 rm 6. */
    private boolean modrm16(Insn in, int mod, int rm) {
        in.addrSize = 2;
        if (mod == 0 && rm == 6) {
            in.base = -1;
            in.index = -1;
            long v = readLE(2);
            if (in.truncated) return false;
            in.disp = (short) v;
            in.hasDisp = true;
            return true;
        }
        in.base = BASE16[rm];
        in.index = INDEX16[rm];
        if (mod == 0) return true;
        long v = readLE(mod == 1 ? 1 : 2);
        if (in.truncated) return false;
        in.disp = mod == 1 ? (byte) v : (short) v;
        in.hasDisp = true;
        return true;
    }

    private boolean displacement(Insn in, int bytes) {
        long v = readLE(bytes);
        if (in.truncated) return false;
        in.disp = bytes == 1 ? (byte) v : (int) v;
        in.hasDisp = true;
        return true;
    }

    private long readLE(int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            int b = next();
            if (b < 0) return 0;
            v |= (long) b << (8 * i);
        }
        return v;
    }

    /** Turns a table letter into a decoded operand kind, filling the register number. */
    private int resolve(int letter, Insn in, int size, int opcodeReg, boolean dst) {
        int r;
        switch (letter) {
            case Operand.NONE: return Operand.NONE;
            case Operand.E: case Operand.M:
                if (in.modrm >> 6 != 3) return Operand.MEM;
                r = register((in.modrm & 7) | (in.rex & 1) << 3, size, in);
                break;
            case Operand.G: r = register(((in.modrm >> 3) & 7) | (in.rex & 4) << 1, size, in); break;
            case Operand.R: r = (in.modrm & 7) | (in.rex & 1) << 3; break;
            case Operand.S:
                if (dst) in.dstReg = (in.modrm >> 3) & 7; else in.srcReg = (in.modrm >> 3) & 7;
                return Operand.SREG;
            case Operand.SEG_ES: case Operand.SEG_ES + 1: case Operand.SEG_ES + 2: case Operand.SEG_ES + 3:
            case Operand.SEG_ES + 4: case Operand.SEG_GS:
                if (dst) in.dstReg = letter - Operand.SEG_ES; else in.srcReg = letter - Operand.SEG_ES;
                return Operand.SREG;
            case Operand.C:
                if (dst) in.dstReg = ((in.modrm >> 3) & 7) | (in.rex & 4) << 1; else in.srcReg = ((in.modrm >> 3) & 7) | (in.rex & 4) << 1;
                return Operand.CREG;
            case Operand.D:
                if (dst) in.dstReg = ((in.modrm >> 3) & 7) | (in.rex & 4) << 1; else in.srcReg = ((in.modrm >> 3) & 7) | (in.rex & 4) << 1;
                return Operand.DREG;
            case Operand.Z: r = register(opcodeReg | (in.rex & 1) << 3, size, in); break;
            case Operand.A: r = 0; break;
            case Operand.CL: r = 1; break;
            case Operand.ONE: in.imm = 1; return Operand.IMM;
            case Operand.I: return Operand.IMM;
            case Operand.J: return Operand.REL;
            case Operand.O: return Operand.MEM;
            case Operand.V_XMM:
                r = ((in.modrm >> 3) & 7) | (in.rex & 4) << 1;
                if (dst) in.dstReg = r; else in.srcReg = r;
                return Operand.XMM;
            case Operand.P_MMX:
                r = (in.modrm >> 3) & 7;
                if (dst) in.dstReg = r; else in.srcReg = r;
                return Operand.MMX;
            case Operand.Q_MMX: case Operand.N_MMX:
                if (in.modrm >> 6 != 3) return Operand.MEM;
                r = in.modrm & 7;
                if (dst) in.dstReg = r; else in.srcReg = r;
                return Operand.MMX;
            case Operand.W_XMM: case Operand.U_XMM:
                if (in.modrm >> 6 != 3) return Operand.MEM;
                r = (in.modrm & 7) | (in.rex & 1) << 3;
                if (dst) in.dstReg = r; else in.srcReg = r;
                return Operand.XMM;
            default: return Operand.NONE;
        }
        if (dst) in.dstReg = r; else in.srcReg = r;
        return Operand.REG;
    }

    /** Byte registers 4-7 are AH..BH unless a REX prefix is present (then SPL..DIL). */
    private static int register(int n, int size, Insn in) {
        return size == 1 && n >= 4 && n < 8 && in.rex == 0 ? Insn.AH + n - 4 : n;
    }

    private void readImmediate(int kind, int size, Insn in) {
        in.hasImm = true;
        switch (kind) {
            case IMM_B -> in.imm = (byte) readLE(1);
            case IMM_BU -> in.imm = readLE(1);
            case IMM_W -> in.imm = readLE(2);
            case IMM_Z -> in.imm = size == 2 ? (short) readLE(2) : (int) readLE(4);
            case IMM_V -> in.imm = size == 8 ? readLE(8) : size == 2 ? readLE(2) : readLE(4);
            case IMM_ENTER -> {
                in.imm = readLE(2);
                in.selector = (int) readLE(1);
            }
            case IMM_PTR -> {
                in.imm = size == 2 ? readLE(2) : readLE(4);
                in.selector = (int) readLE(2);
            }
            default -> { }
        }
    }
}
