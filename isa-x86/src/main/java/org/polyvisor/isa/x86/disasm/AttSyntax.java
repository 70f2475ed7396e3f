package org.polyvisor.isa.x86.disasm;

import static org.polyvisor.isa.x86.decode.Entry.*;

import org.polyvisor.isa.x86.decode.Decoder;
import org.polyvisor.isa.x86.decode.Insn;
import org.polyvisor.isa.x86.decode.Op;
import org.polyvisor.isa.x86.decode.Operand;

/**
 * AT&T text of a decoded instruction, as GNU objdump (i386-dis.c) prints it: mnemonic (with a size suffix where
 * no register operand gives the size) padded to six characters and a space, then the operands source first.
 */
public final class AttSyntax {
    private AttSyntax() { }

    private static final String[] CONDITIONS = {"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"};
    private static final String[] R64 = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi"};
    private static final String[] R32 = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
    private static final String[] R16 = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di"};
    private static final String[] R8 = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil"};
    private static final String[] R8_HIGH = {"ah", "ch", "dh", "bh"};
    private static final String[] SEGMENTS = {"es", "cs", "ss", "ds", "fs", "gs"};

    public static String register(int n, int size) {
        if (n >= Insn.AH) return R8_HIGH[n - Insn.AH];
        if (n < 8) return switch (size) {
            case 1 -> R8[n];
            case 2 -> R16[n];
            case 4 -> R32[n];
            default -> R64[n];
        };
        return switch (size) {
            case 1 -> "r" + n + "b";
            case 2 -> "r" + n + "w";
            case 4 -> "r" + n + "d";
            default -> "r" + n;
        };
    }

    /** A segment register by its ModRM.reg number; objdump prints "?" for the undefined numbers 6 and 7. */
    private static String segment(int n) { return n < SEGMENTS.length ? SEGMENTS[n] : "?"; }

    private static char suffix(int size) {
        return switch (size) {
            case 1 -> 'b';
            case 2 -> 'w';
            case 4 -> 'l';
            default -> 'q';
        };
    }

    private static long mask(int size) { return size == 8 ? -1L : (1L << (size * 8)) - 1; }

    /** The text of {@code in} at {@code address} in code of {@code codeSize} (2: objdump -m i8086, 4: i386, 8: x86-64). */
    public static String format(Insn in, long address, int codeSize) {
        if (in.op == Op.UNDEFINED) return "(bad)";
        boolean longMode = codeSize == 8;
        long next = address + in.length;
        long ipMask = longMode ? -1L : 0xFFFF_FFFFL;
        String m = mnemonic(in, codeSize);
        // The segment override shows in the operand only where it takes effect: in 64-bit mode objdump takes the
        // last FS or GS prefix, whatever segment prefixes follow it.
        int active = longMode ? Prefixes.lastFsGs(in) : in.segment;
        int segment = active >= 0 && in.hasMemory() ? active : -1;
        if (Prefixes.notrack(in, codeSize)) segment = -1;
        int hint = Prefixes.branchHint(in);
        if (hint != 0) m += hint == 1 ? ",pn" : ",pt";
        // A string instruction's override applies to its DS:rSI source (MOVS, CMPS, LODS, OUTS), XLAT's to DS:rBX.
        if (Decoder.isString(in.op) || in.op == Op.XLAT) segment = stringSource(in.op) ? active : -1;
        if (in.op == Op.X87) {
            String unused = in.prefixBytes != null ? Prefixes.unused(in, segment, codeSize) : "";
            String text = X87Syntax.format(in, unused, in.hasMemory() ? memory(in, segment, codeSize) : "", codeSize);
            return in.ripRelative ? text + "        # 0x" + Long.toHexString(next + in.disp) : text;
        }
        if (in.op == Op.XCHG && in.opcode == 0x90 && lastRepeat(in) == 0xF3) {
            // F3 90 is PAUSE to objdump even with REX.B (the CPU's XCHG r8): every other prefix named
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < in.prefixBytes.length; i++) {
                int v = in.prefixBytes[i] & 0xFF;
                boolean lastF3 = v == 0xF3 && lastRepeatIndex(in) == i;
                if (!lastF3) b.append(Prefixes.names(new byte[] {in.prefixBytes[i]}, 1, codeSize)).append(' ');
            }
            return b + "pause";
        }
        if (in.prefixBytes != null) m = Prefixes.unused(in, segment, codeSize) + m;
        if (Decoder.isString(in.op)) return pad(m) + stringOperands(in, segment);
        if (in.op == Op.XLAT) return pad(m) + "%" + (segment >= 0 ? SEGMENTS[segment] : "ds") + ":(%" + register(3, in.addrSize) + ")";
        if (in.op == Op.ENTER) return pad(m) + "$0x" + Long.toHexString(in.imm & 0xFFFF) + ",$0x" + Integer.toHexString(in.selector);
        if (in.op == Op.IN || in.op == Op.OUT) {
            String port = in.hasImm ? "$0x" + Long.toHexString(in.imm) : "(%dx)", data = "%" + register(0, in.opSize);
            return pad(m) + (in.op == Op.IN ? port + "," + data : data + "," + port);
        }

        if ((in.op == Op.JMP_FAR || in.op == Op.CALL_FAR) && in.entry.imm() == IMM_PTR)
            return pad(m) + "$0x" + Integer.toHexString(in.selector) + ",$0x" + Long.toHexString(in.imm & mask(in.opSize));
        StringBuilder ops = new StringBuilder();
        String comment = "";
        boolean indirect = in.op == Op.CALL_INDIRECT || in.op == Op.JMP_INDIRECT;
        boolean predicate = isCompare(in) && (in.imm & 0xFF) < 8;  // cmpltps: the predicate is in the name
        if ((in.entry.flags() & COUNT_CL) != 0) ops.append("%cl,");
        if (in.srcKind == Operand.IMM && in.entry.src() != Operand.ONE) ops.append(immediate(in)).append(',');
        if (in.hasImm && in.srcKind != Operand.IMM && in.dstKind != Operand.REL && !predicate) ops.append(immediate(in)).append(',');
        if (in.srcKind == Operand.SREG) ops.append('%').append(segment(in.srcReg)).append(',');
        // LOCK MOV CRn outside 64-bit mode is AMD's encoding of CR8 + n (objdump names it so and the LOCK is used).
        int crLock = !longMode && in.has(Insn.P_LOCK) ? 8 : 0;
        if (in.srcKind == Operand.CREG) ops.append("%cr").append(in.srcReg + crLock).append(',');
        if (in.srcKind == Operand.DREG) ops.append("%db").append(in.srcReg).append(',');
        // MOV to Sreg names its register source at the operand size objdump uses: 32 bits unless REX.W or 66.
        int srcRegSize = in.op == Op.MOV_TO_SREG ? ((in.rex & 8) != 0 ? 8 : (codeSize == 2) != in.has(Insn.P_OPSIZE) ? 2 : 4)
                : in.entry.src() == CL_LETTER ? 1 : in.srcSize;
        if (in.srcKind == Operand.REG) ops.append('%').append(register(in.srcReg, srcRegSize)).append(',');
        if (in.srcKind == Operand.XMM) ops.append("%xmm").append(in.srcReg).append(',');
        if (in.srcKind == Operand.MMX) ops.append("%mm").append(in.srcReg).append(',');
        boolean far = in.op == Op.JMP_FAR || in.op == Op.CALL_FAR;
        if (in.srcKind == Operand.MEM) ops.append(far ? "*" : "").append(memory(in, segment, codeSize)).append(',');
        if (in.dstKind == Operand.REG) ops.append(indirect ? "*%" : "%").append(register(in.dstReg, in.opSize));
        else if (in.dstKind == Operand.MEM) ops.append(indirect ? "*" : "").append(memory(in, segment, codeSize));
        else if (in.dstKind == Operand.SREG) ops.append('%').append(segment(in.dstReg));
        else if (in.dstKind == Operand.XMM) ops.append("%xmm").append(in.dstReg);
        else if (in.dstKind == Operand.MMX) ops.append("%mm").append(in.dstReg);
        else if (in.dstKind == Operand.CREG) ops.append("%cr").append(in.dstReg + crLock);
        else if (in.dstKind == Operand.DREG) ops.append("%db").append(in.dstReg);
        else if (in.dstKind == Operand.REL) ops.append("0x").append(Long.toHexString(target(in, next, codeSize) & ipMask));
        if (ops.length() > 0 && ops.charAt(ops.length() - 1) == ',') ops.setLength(ops.length() - 1);
        if (in.ripRelative) comment = "        # 0x" + Long.toHexString(next + in.disp);
        if (ops.length() == 0) return m;
        StringBuilder b = new StringBuilder(m);
        while (b.length() < 6) b.append(' ');
        return b.append(' ').append(ops).append(comment).toString();
    }

    private static final int CL_LETTER = Operand.CL;

    static String pad(String m) {
        StringBuilder b = new StringBuilder(m);
        while (b.length() < 6) b.append(' ');
        return b.append(' ').toString();
    }

    /** The implicit operands objdump spells out for string instructions: %ds:(%esi) and %es:(%edi). */
    private static String stringOperands(Insn in, int segment) {
        String src = "%" + (segment >= 0 ? SEGMENTS[segment] : "ds") + ":(%" + register(CpuRegs.RSI, in.addrSize) + ")";
        String dst = "%es:(%" + register(CpuRegs.RDI, in.addrSize) + ")";
        String acc = "%" + register(0, in.opSize);
        return switch (in.op) {
            case MOVS -> src + "," + dst;
            case CMPS -> dst + "," + src;
            case STOS -> acc + "," + dst;
            case LODS -> src + "," + acc;
            case INS -> "(%dx)," + dst;
            case OUTS -> src + ",(%dx)";
            default -> dst + "," + acc;  // SCAS
        };
    }

    /** The string instructions (and XLAT) that read DS:rSI (DS:rBX), whose segment an override replaces. */
    static boolean stringSource(Op op) {
        return op == Op.MOVS || op == Op.CMPS || op == Op.LODS || op == Op.OUTS || op == Op.XLAT;
    }

    /** Register numbers of the string instructions' implicit operands. */
    private static final class CpuRegs {
        static final int RSI = 6, RDI = 7;
    }

    private static final String[] PREDICATES = {"eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord"};

    private static boolean isCompare(Insn in) {
        return in.op == Op.CMPPS || in.op == Op.CMPSS || in.op == Op.CMPPD || in.op == Op.CMPSD_X;
    }

    private static String mnemonic(Insn in, int codeSize) {
        boolean longMode = codeSize == 8;
        int f = in.entry.flags();
        String base = in.entry.mnemonic();
        if ((f & MMX) != 0) return base.equals("movd") && in.opSize == 8 ? "movq" : base;
        if ((f & SIMD) != 0) {
            switch (in.op) {
                case MOVD, MOVD_STORE: return in.opSize == 8 ? "movq" : base;
                case CVTSI2SS, CVTSI2SD: return in.srcKind == Operand.MEM && longMode ? base + suffix(in.opSize) : base;
                case CMPPS, CMPSS, CMPPD, CMPSD_X:
                    return (in.imm & 0xFF) < 8 ? "cmp" + PREDICATES[(int) in.imm & 7] + base.substring(3) : base;
                case FXSAVE, FXRSTOR, XSAVE: return (in.rex & 8) != 0 ? base + "64" : base;
                default: return base;
            }
        }
        if (in.entry == Decoder.NOP && lastRepeat(in) == 0xF3) return "pause";  // F3 90; with F2 last it stays nop
        if ((f & COND) != 0) return base + CONDITIONS[in.cond];
        switch (in.op) {
            case CBW: return in.opSize == 2 ? "cbtw" : in.opSize == 4 ? "cwtl" : "cltq";
            case CWD: return in.opSize == 2 ? "cwtd" : in.opSize == 4 ? "cltd" : "cqto";
            case MOVSXD: return in.opSize == 8 ? "movslq" : "movsxd";  // binutils 2.40's names
            case MOVZX: case MOVSX: return base + suffix(in.srcSize) + suffix(in.opSize);
            case MOVS: case CMPS: case INS: case OUTS: return base + suffix(in.opSize);
            // These name the operand size objdump's "P" does: a suffix where 66 changed it.
            case PUSHF: case POPF: case PUSH_SREG: case POP_SREG: return sizedBy66(in) ? base + suffix(in.opSize) : base;
            case PUSHA: case POPA: case ENTER: return sizedBy66(in) ? base + suffix(in.opSize) : base;
            // The stack operations whose size no register shows take a suffix when 66 changed it (pushw $1, retw).
            case PUSH: case POP: case RET: case LEAVE: case CALL_INDIRECT: case JMP_INDIRECT:
                if (in.has(Insn.P_OPSIZE) && (in.rex & 8) == 0 && in.dstKind != Operand.REG && in.srcKind != Operand.REG) return base + suffix(in.opSize);
                break;
            case MOV:
                if (in.entry.imm() == IMM_V && in.opSize == 8) return "movabs";
                if ((in.entry.dst() == Operand.O || in.entry.src() == Operand.O) && in.addrSize == 8) return "movabs";
                break;
            case CMPXCHG8B: return in.opSize == 8 ? "cmpxchg16b" : base;   // REX.W: the 16-byte form
            case CRC32: return in.srcKind == Operand.MEM ? base + suffix(in.srcSize) : base;  // crc32b (%eax),%ecx
            case JCXZ: return in.addrSize == 8 ? "jrcxz" : in.addrSize == 4 ? "jecxz" : "jcxz";
            case LOOP: case LOOPE: case LOOPNE:  // 67 chose the counter: loopl in 16-bit code, loopw in 32-bit code
                return in.has(Insn.P_ADDRSIZE) ? base + suffix(in.addrSize) : base;
            case CALL: case JMP:  // the rel16/rel32 forms: 66 chose the size (callw, jmpl in 16-bit code)
                return in.entry.imm() == IMM_Z && sizedBy66(in) ? base + suffix(in.opSize) : base;
            case LGDT: case LIDT: case SGDT: case SIDT: return longMode ? base : base + (in.opSize == 2 ? "w" : "l");
            case SYSEXIT: case SYSRET: return longMode ? base + (in.opSize == 8 ? "q" : "l") : base;
            case JMP_FAR: case CALL_FAR: return in.has(Insn.P_OPSIZE) ? base + suffix(in.opSize) : base;
            case RET_FAR: case IRET: return in.has(Insn.P_OPSIZE) || in.opSize == 8 ? base + suffix(in.opSize) : base;
            default: break;
        }
        // %cl of the shift forms is a count, not a sized operand: shlb %cl,(%eax)
        boolean regOperand = in.dstKind == Operand.REG || (in.srcKind == Operand.REG && in.entry.src() != Operand.CL);
        if ((f & SUFFIX) != 0 && !regOperand) return base + suffix(in.opSize);
        return base;
    }

    /** 66 chose the operand size (REX.W, which overrides it, is absent): objdump's "P" suffix then shows. */
    private static boolean sizedBy66(Insn in) {
        return in.has(Insn.P_OPSIZE) && (in.rex & 8) == 0;
    }

    private static int lastRepeatIndex(Insn in) {
        for (int i = in.prefixBytes.length - 1; i >= 0; i--) {
            int b = in.prefixBytes[i] & 0xFF;
            if (b == 0xF2 || b == 0xF3) return i;
        }
        return -1;
    }

    /**
     * A relative branch's target as objdump computes it: a 16-bit operand size wraps IP within its 64 KiB (in
     * 16-bit code the bits above stay those of the next address; in 32-bit code they are dropped).
     */
    private static long target(Insn in, long next, int codeSize) {
        long t = next + in.imm;
        if (in.opSize != 2 || (codeSize != 2 && in.entry.imm() != IMM_Z)) return t;  // 66 leaves a rel8 alone
        return codeSize == 2 ? (next & ~0xFFFFL) | (t & 0xFFFF) : t & 0xFFFF;
    }

    /** The last F2 or F3 prefix byte, or 0. */
    private static int lastRepeat(Insn in) {
        if (in.prefixBytes == null) return 0;
        for (int i = in.prefixBytes.length - 1; i >= 0; i--) {
            int b = in.prefixBytes[i] & 0xFF;
            if (b == 0xF2 || b == 0xF3) return b;
        }
        return 0;
    }

    private static String immediate(Insn in) {
        int kind = in.entry.imm();
        long v = kind == IMM_BU || kind == IMM_W ? in.imm : in.imm & mask(in.opSize);
        return "$0x" + Long.toHexString(v);
    }

    /** The memory operand as i386-dis.c's OP_E_memory prints it (including its %eiz/%riz and displacement rules). */
    private static String memory(Insn in, int segment, int codeSize) {
        boolean longMode = codeSize == 8;
        StringBuilder b = new StringBuilder();
        if (segment >= 0) b.append('%').append(SEGMENTS[segment]).append(':');
        int as = in.addrSize;
        if (as == 2) {  // 16-bit forms print their displacement signed; only a moffs16 prints unsigned
            boolean moffs = in.entry.dst() == Operand.O || in.entry.src() == Operand.O;
            if (in.hasDisp) b.append(moffs ? "0x" + Long.toHexString(in.disp & 0xFFFF) : signedHex(in.disp));
            if (in.base >= 0) b.append("(%").append(register(in.base, 2)).append(in.index >= 0 ? ",%" + register(in.index, 2) : "").append(')');
            return b.toString();
        }
        if (in.ripRelative) return b.append(signedHex(in.disp)).append(as == 4 ? "(%eip)" : "(%rip)").toString();
        boolean haveBase = in.base >= 0, haveIndex = in.index >= 0;
        // A SIB with neither base nor index shows %eiz (%riz) in 32-bit code and with 67 in 64-bit code, elsewhere
        // only when scaled.
        boolean needIndex = in.hasSib && !haveBase && !haveIndex
                && (codeSize == 4 || in.scaleShift != 0 || (codeSize == 8 && as == 4));
        boolean signedDisp = haveBase || needIndex || (in.hasSib && (haveIndex || in.scaleShift != 0));
        if (longMode && as == 4 && !haveBase && !haveIndex) signedDisp = false;  // 67 0x...(,%eiz,n): 32 bits unsigned
        if (in.hasDisp) {
            if (signedDisp) b.append(signedHex(in.disp));
            else b.append("0x").append(Long.toHexString(in.disp & (longMode && as == 8 ? -1L : 0xFFFF_FFFFL)));
        }
        if (haveBase || haveIndex || needIndex) {
            b.append('(');
            if (haveBase) b.append('%').append(register(in.base, as));
            if (in.hasSib && (in.scaleShift != 0 || needIndex || haveIndex || (haveBase && in.sibBase != 4))) {
                b.append(",%").append(haveIndex ? register(in.index, as) : as == 8 ? "riz" : "eiz");
                b.append(',').append(1 << in.scaleShift);
            }
            b.append(')');
        }
        return b.toString();
    }

    private static String signedHex(long v) {
        return v < 0 ? "-0x" + Long.toHexString(-v) : "0x" + Long.toHexString(v);
    }
}
