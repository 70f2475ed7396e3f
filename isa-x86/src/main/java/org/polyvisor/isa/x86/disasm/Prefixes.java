package org.polyvisor.isa.x86.disasm;

import static org.polyvisor.isa.x86.decode.Entry.D64;
import static org.polyvisor.isa.x86.decode.Entry.NO_REXW;
import static org.polyvisor.isa.x86.decode.Entry.V;

import org.polyvisor.isa.x86.decode.Decoder;
import org.polyvisor.isa.x86.decode.Insn;
import org.polyvisor.isa.x86.decode.Op;
import org.polyvisor.isa.x86.decode.Operand;

/**
 * The prefixes objdump names in front of the mnemonic because the instruction did not use them
 * ({@code data16}, {@code cs}, {@code repz}, {@code bnd}, {@code rex.W}, ...), in encoding order. As in
 * i386-dis.c, only the last prefix of each kind can be used; LOCK is always named.
 */
final class Prefixes {
    private Prefixes() { }

    private static final String[] SEGMENT_NAMES = {"es", "cs", "ss", "ds", "fs", "gs"};

    /**
     * "name name " for every unused prefix, or "". {@code segment} is the override the operand printed, or -1;
     * {@code codeSize} is 2, 4 or 8 (16-bit code names an unused 66 data32 and an unused 67 addr32).
     */
    static String unused(Insn in, int segment, int codeSize) {
        byte[] p = in.prefixBytes;
        boolean longMode = codeSize == 8;
        int lastData = -1, lastAddr = -1, lastSeg = -1, lastRep = -1, lastF3 = -1, lastF2 = -1, lastLock = -1;
        for (int i = 0; i < p.length; i++) {
            int b = p[i] & 0xFF;
            switch (b) {
                case 0x66 -> lastData = i;
                case 0x67 -> lastAddr = i;
                case 0xF0 -> lastLock = i;
                case 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65 -> lastSeg = i;
                case 0xF2 -> { lastRep = i; lastF2 = i; }
                case 0xF3 -> { lastRep = i; lastF3 = i; }
                default -> { }
            }
        }
        boolean branch = switch (in.op) {
            case CALL, CALL_INDIRECT, JMP, JMP_INDIRECT, JCC, RET -> true;
            default -> false;
        };
        // As i386-dis.c's fixups rename them, only the last F3 (F2) of the kind: REP on ins/outs/movs/lods/stos,
        // BND on near branches, XACQUIRE/XRELEASE where HLE applies.
        boolean rep = in.op == Op.MOVS || in.op == Op.STOS || in.op == Op.LODS || in.op == Op.INS || in.op == Op.OUTS;
        int hle = hle(in);
        boolean release = hle == 1 || hle == 2 || (hle == 3 && lastF3 > lastF2);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < p.length; i++) {
            int b = p[i] & 0xFF;
            String name = switch (b) {
                case 0xF0 -> i == lastLock && crLock(in, codeSize) ? null : "lock";
                case 0xF3 -> i == lastRep && (in.entry == Decoder.NOP || simd(in, 2) || selectedByF3(in)) ? null
                        : i == lastF3 && release ? "xrelease" : i == lastF3 && rep ? "rep" : "repz";
                case 0xF2 -> i == lastRep && (simd(in, 3) || in.op == Op.CRC32) ? null : i == lastF2 && branch ? "bnd"
                        : i == lastF2 && (hle == 1 || hle == 2) ? "xacquire" : "repnz";
                case 0x66 -> i == lastData && (dataUsed(in, codeSize) || simd(in, 1)) ? null : codeSize == 2 ? "data32" : "data16";
                case 0x67 -> i == lastAddr && addressUsed(in) && !(codeSize == 2 && absolute(in)) ? null : codeSize == 4 ? "addr16" : "addr32";
                case 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65 -> i == lastSeg && notrack(in, codeSize) ? "notrack"
                        : i == lastSeg && segmentUsed(in, segment, codeSize) ? null : SEGMENT_NAMES[segmentOf(b)];
                default -> (b & 0xF0) == 0x40 ? rex(in, b) : null;
            };
            if (name != null) out.append(name).append(' ');
        }
        return out.toString();
    }

    /** LOCK MOV CRn outside 64-bit mode names CR8 + n: the (last) LOCK is used. */
    private static boolean crLock(Insn in, int codeSize) {
        return codeSize != 8 && (in.op == Op.MOV_FROM_CR || in.op == Op.MOV_TO_CR);
    }

    /**
     * How HLE names F2/F3 (i386-dis.c's HLE_Fixup1-3): 1 for a lockable read-modify-write of memory with LOCK,
     * 2 for XCHG with memory (locked implicitly), 3 for a MOV store to memory (F3 only: XRELEASE), else 0.
     */
    private static int hle(Insn in) {
        if (in.modrm < 0 || in.modrm >= 0xC0) return 0;
        return switch (in.op) {
            case ADD, OR, ADC, SBB, AND, SUB, XOR, INC, DEC, NOT, NEG, BTS, BTR, BTC, CMPXCHG, XADD ->
                    in.has(Insn.P_LOCK) && in.dstKind == Operand.MEM ? 1 : 0;
            case XCHG -> 2;
            case MOV -> in.dstKind == Operand.MEM ? 3 : 0;
            default -> 0;
        };
    }

    private static boolean selectedByF3(Insn in) {
        return in.op == Op.POPCNT || in.op == Op.TZCNT || in.op == Op.LZCNT || in.op == Op.WBNOINVD;
    }

    /** True when {@code in} is an SSE cell selected by the mandatory prefix {@code which} (1: 66, 2: F3, 3: F2). */
    private static boolean simd(Insn in, int which) {
        return (in.entry.flags() & org.polyvisor.isa.x86.decode.Entry.SIMD) != 0 && in.mandatory == which
                && in.op != Op.PREFETCH;  // 0F 18 takes any prefix without a meaning
    }

    /**
     * Where objdump's prefix table for a 0F row (0F 09, B8, BC, BD) has a (bad) cell that the CPU executes the
     * plain form for or raises #UD for alike: the index of the prefix that chose that cell (the last F2, or the
     * last 66 where no F2/F3 is), else -1. F2 0F BC is BSF to the CPU and "(bad)" to objdump.
     */
    static int badCellPrefix(Insn in) {
        if (in.prefixBytes != null && in.opcode >>> 8 == 0x0F38) return lastRepeatIn0f38(in);
        if (in.prefixBytes == null || (in.opcode & 0xFF00) != 0x0F00) return -1;
        int row = in.opcode & 0xFF, lastF2 = -1, lastF3 = -1, last66 = -1;
        if (row != 0x09 && row != 0xB8 && row != 0xBC && row != 0xBD) return -1;
        for (int i = 0; i < in.prefixBytes.length; i++) {
            int b = in.prefixBytes[i] & 0xFF;
            if (b == 0xF2) lastF2 = i;
            if (b == 0xF3) lastF3 = i;
            if (b == 0x66) last66 = i;
        }
        if (lastF2 > lastF3) return lastF2;
        if (lastF3 >= 0) return -1;
        return row == 0x09 || row == 0xB8 ? last66 : -1;
    }

    /** In the 0F 38 map an F3 that comes last of F2/F3 chose a (bad) cell of MOVBE/CRC32's row: its index, else -1. */
    private static int lastRepeatIn0f38(Insn in) {
        int lastF2 = -1, lastF3 = -1;
        for (int i = 0; i < in.prefixBytes.length; i++) {
            if ((in.prefixBytes[i] & 0xFF) == 0xF2) lastF2 = i;
            if ((in.prefixBytes[i] & 0xFF) == 0xF3) lastF3 = i;
        }
        return in.op == Op.UNDEFINED && lastF3 > lastF2 ? lastF3 : -1;
    }

    /** "name name " of the prefix bytes but the one at {@code skip}. */
    static String namesBut(byte[] p, int skip, int codeSize) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < p.length; i++) if (i != skip) out.append(names(new byte[] {p[i]}, 1, codeSize)).append(' ');
        return out.toString();
    }

    /** Names of the first {@code count} prefix bytes, space-separated (a REX names its bits). */
    static String names(byte[] p, int count, int codeSize) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int b = p[i] & 0xFF;
            String name = switch (b) {
                case 0xF0 -> "lock";
                case 0xF3 -> "repz";
                case 0xF2 -> "repnz";
                case 0x66 -> codeSize == 2 ? "data32" : "data16";
                case 0x67 -> codeSize == 4 ? "addr16" : "addr32";
                case 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65 -> SEGMENT_NAMES[segmentOf(b)];
                default -> rexName(b);
            };
            if (out.length() > 0) out.append(' ');
            out.append(name);
        }
        return out.toString();
    }

    private static int segmentOf(int b) {
        return switch (b) {
            case 0x26 -> 0;
            case 0x2E -> 1;
            case 0x36 -> 2;
            case 0x3E -> 3;
            case 0x64 -> 4;
            default -> 5;
        };
    }

    /** The last FS (4) or GS (5) prefix, or -1: the only overrides 64-bit mode (and objdump in it) honours. */
    static int lastFsGs(Insn in) {
        if (in.prefixBytes == null) return -1;
        for (int i = in.prefixBytes.length - 1; i >= 0; i--) {
            if (in.prefixBytes[i] == 0x64) return 4;
            if (in.prefixBytes[i] == 0x65) return 5;
        }
        return -1;
    }

    private static boolean segmentUsed(Insn in, int printed, int codeSize) {
        if (printed >= 0) return true;
        // A string source reads DS:rSI; in 64-bit mode objdump counts a segment prefix it ignores as that DS.
        if (codeSize == 8 && AttSyntax.stringSource(in.op)) return true;
        return branchHint(in) != 0;  // branch hints: je,pn / je,pt use the last segment prefix
    }

    /** CET: a 3E among the prefixes of an indirect near branch makes NOTRACK, not a segment override. */
    static boolean notrack(Insn in, int codeSize) {
        if ((in.op != Op.CALL_INDIRECT && in.op != Op.JMP_INDIRECT) || in.prefixBytes == null) return false;
        boolean ds = false;
        for (byte b : in.prefixBytes) {
            if (b == 0x3E) ds = true;
            if (b == 0x66 && codeSize == 8) return false;  // i386-dis.c: not with a data prefix in 64-bit mode
        }
        return ds;  // objdump then names the last segment prefix, whichever it is, NOTRACK
    }

    /** 67 counts where it changes an address (ModRM memory, string, LOOP/JECXZ); objdump ignores it on moffs. */
    private static boolean addressUsed(Insn in) {
        if (in.entry.dst() == Operand.O || in.entry.src() == Operand.O) return false;
        return in.hasMemory() || Decoder.isString(in.op) || Decoder.isCounted(in.op) || in.op == Op.XLAT;
    }

    /**
     * The branch hint objdump prints on a conditional branch (Jcc, LOOPcc, LOOP, JrCXZ): 1 (",pn") for a CS
     * prefix without DS, 2 (",pt") for DS without CS, else 0.
     */
    static int branchHint(Insn in) {
        if (in.prefixBytes == null || (in.op != Op.JCC && !Decoder.isCounted(in.op))) return 0;
        boolean cs = false, ds = false;
        for (byte b : in.prefixBytes) {
            if (b == 0x2E) cs = true;
            if (b == 0x3E) ds = true;
        }
        return cs == ds ? 0 : cs ? 1 : 2;
    }

    /** A memory operand with neither base nor index (objdump names 67 on it in 16-bit code: addr32 mov 0x12345678,%ax). */
    private static boolean absolute(Insn in) {
        return in.hasMemory() && in.base < 0 && in.index < 0 && !in.ripRelative;
    }

    /** 66 selects the 16-bit operand size of an instruction whose size it can change. */
    private static boolean dataUsed(Insn in, int codeSize) {
        boolean longMode = codeSize == 8;
        if (in.op == Op.X87) {  // only the environment forms have a 16-bit format (fnstenvs, fldenvs, fnsaves, frstors)
            int esc = in.opcode & 7, reg = (in.modrm >>> 3) & 7;
            return in.modrm < 0xC0 && (esc == 1 || esc == 5) && (reg == 4 || reg == 6);
        }
        boolean table = in.op == Op.LGDT || in.op == Op.LIDT || in.op == Op.SGDT || in.op == Op.SIDT;
        if (table && longMode) return false;  // the 10-byte operand has one size in 64-bit mode
        if (in.op == Op.SMSW && in.dstKind == Operand.MEM) return false;  // the memory form stores 16 bits always
        // A selector store to memory is 16 bits; to a register 66 chooses its width (unless REX.W does).
        if (in.op == Op.MOV_FROM_SREG || in.op == Op.SLDT || in.op == Op.STR) return in.dstKind == Operand.REG && (in.rex & 8) == 0;
        if (in.op == Op.BSF || in.op == Op.BSR) return true;
        if (in.op == Op.MOVBE) return true;  // objdump's prefix table for 0F 38 F0/F1 takes 66 even under REX.W
        // CRC32's 66 sizes its Ev source (REX.W overrides it); the Eb form has no use for it.
        if (in.op == Op.CRC32) return (in.entry.flags() & org.polyvisor.isa.x86.decode.Entry.SRC_B) == 0 && (in.rex & 8) == 0;
        // A near branch's rel16/rel32 follows the operand size; rel8 does not (data16 jmp .+2).
        if (in.op == Op.JCC || in.op == Op.JMP || in.op == Op.CALL) return in.entry.imm() == org.polyvisor.isa.x86.decode.Entry.IMM_Z
                && (in.rex & 8) == 0;
        if ((in.entry.flags() & org.polyvisor.isa.x86.decode.Entry.MODE_SIZE) != 0) return false;  // MOV CRn/DRn: fixed size  // 66 picks a cell of objdump's prefix table for 0F BC/BD
        if (in.op == Op.MOV_TO_SREG) return in.srcKind == Operand.REG && (in.rex & 8) == 0;  // 66 names the 16-bit register
        if ((in.entry.flags() & (org.polyvisor.isa.x86.decode.Entry.SIMD | org.polyvisor.isa.x86.decode.Entry.MMX)) != 0)
            return false;  // 66 selects a cell or nothing
        // objdump counts 66 as used under REX.W by MOVSXD from a register and by XCHG rAX,r8 (REX.B 90).
        if ((in.rex & 8) != 0 && ((in.op == Op.MOVSXD && in.srcKind == Operand.REG) || (in.op == Op.XCHG && in.opcode == 0x90))) return true;
        return in.entry.size() == V && in.opSize == (codeSize == 2 ? 4 : 2) && sized(in);
    }

    /** The instruction has an operand of its operand size (or is CBW/CWD, whose size is implicit). */
    private static boolean sized(Insn in) {
        if (in.entry == Decoder.NOP) return false;
        if (in.op == Op.IN || in.op == Op.OUT) return true;
        if (in.op == Op.CBW || in.op == Op.CWD || in.op == Op.PUSHF || in.op == Op.POPF || in.op == Op.IRET || in.op == Op.SYSRET
                || in.op == Op.JMP_FAR || in.op == Op.CALL_FAR || in.op == Op.RET_FAR
                || in.op == Op.RET || in.op == Op.LEAVE || in.op == Op.PUSHA || in.op == Op.POPA || in.op == Op.ENTER || Decoder.isString(in.op)) return true;
        return in.dstKind != Operand.NONE && in.dstKind != Operand.REL || in.srcKind != Operand.NONE;
    }

    /** The REX prefix is named when one of its bits (or, for a bare 40, the byte-register meaning) went unused. */
    private static String rex(Insn in, int rex) {
        if (rex != in.rex) return rexName(rex);  // a REX that is not last before the opcode is ignored
        var e = in.entry;
        int used = 0;
        if (in.op == Op.X87) {  // only the memory forms' address uses REX (B, X); W and R never count
            if (in.modrm < 0xC0) used = rex & (in.hasSib ? 3 : 1);
            if (used != 0) used |= 0x40;
            return used == rex ? null : rexName(rex);
        }
        boolean simd = (e.flags() & (org.polyvisor.isa.x86.decode.Entry.SIMD | org.polyvisor.isa.x86.decode.Entry.MMX)) != 0;
        boolean gpr = e.dst() == Operand.E || e.src() == Operand.E || e.dst() == Operand.G || e.src() == Operand.G;
        if (in.op == Op.MOV_TO_SREG || in.op == Op.MOV_FROM_SREG) {  // W (and B) count only in the register form
            boolean reg = in.modrm >= 0xC0;
            used = reg ? rex & 9 : rex & (in.hasSib ? 3 : 1);
            if (used != 0) used |= 0x40;
            return used == rex ? null : rexName(rex);
        }
        if ((rex & 8) != 0 && (simd ? gpr && !e.mnemonic().equals("pinsrw") || in.op == Op.FXSAVE || in.op == Op.FXRSTOR || in.op == Op.XSAVE
                : e.size() == V && (e.flags() & (D64 | NO_REXW | org.polyvisor.isa.x86.decode.Entry.MODE_SIZE)) == 0 && sized(in)
                        && !((in.op == Op.SMSW || in.op == Op.SLDT || in.op == Op.STR) && in.dstKind == Operand.MEM)
                        || in.op == Op.SYSEXIT)) used |= 8;  // sysexitq
        if ((rex & 4) != 0 && (e.dst() == Operand.G || e.src() == Operand.G || e.dst() == Operand.C || e.src() == Operand.C
                || e.dst() == Operand.D || e.src() == Operand.D
                || e.dst() == Operand.V_XMM || e.src() == Operand.V_XMM)) used |= 4;
        if ((rex & 2) != 0 && in.hasSib) used |= 2;
        boolean rm = in.modrm >= 0 && (((e.dst() == Operand.Q_MMX || e.src() == Operand.Q_MMX) && in.modrm < 0xC0) || e.dst() == Operand.E || e.src() == Operand.E || e.src() == Operand.M || e.dst() == Operand.M
                || e.dst() == Operand.W_XMM || e.src() == Operand.W_XMM || e.dst() == Operand.U_XMM || e.src() == Operand.U_XMM
                || e.dst() == Operand.R || e.src() == Operand.R || e.isGroup());
        if ((rex & 1) != 0 && (rm || e.dst() == Operand.Z || e.src() == Operand.Z || e == Decoder.NOP)) used |= 1;
        boolean byteReg = byteRegister(in, in.dstKind, in.dstReg, in.opSize) || byteRegister(in, in.srcKind, in.srcReg, in.srcSize);
        if (used != 0 || byteReg) used |= 0x40;
        return used == rex ? null : rexName(rex);
    }

    private static boolean byteRegister(Insn in, int kind, int reg, int size) {
        return kind == Operand.REG && size == 1 && reg < Insn.AH && (reg & 4) != 0;
    }

    private static String rexName(int rex) {
        if ((rex & 0xF) == 0) return "rex";
        StringBuilder b = new StringBuilder("rex.");
        if ((rex & 8) != 0) b.append('W');
        if ((rex & 4) != 0) b.append('R');
        if ((rex & 2) != 0) b.append('X');
        if ((rex & 1) != 0) b.append('B');
        return b.toString();
    }
}
