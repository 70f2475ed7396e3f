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

    /** "name name " for every unused prefix, or "". {@code segment} is the override the operand printed, or -1. */
    static String unused(Insn in, int segment, boolean longMode) {
        byte[] p = in.prefixBytes;
        int lastData = -1, lastAddr = -1, lastSeg = -1, lastRep = -1;
        for (int i = 0; i < p.length; i++) {
            int b = p[i] & 0xFF;
            switch (b) {
                case 0x66 -> lastData = i;
                case 0x67 -> lastAddr = i;
                case 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65 -> lastSeg = i;
                case 0xF2, 0xF3 -> lastRep = i;
                default -> { }
            }
        }
        boolean branch = switch (in.op) {
            case CALL, CALL_INDIRECT, JMP, JMP_INDIRECT, JCC, RET, LOOP, LOOPE, LOOPNE, JCXZ -> true;
            default -> false;
        };
        boolean hle = in.has(Insn.P_LOCK) && in.dstKind == Operand.MEM;  // HLE: F2/F3 with LOCK
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < p.length; i++) {
            int b = p[i] & 0xFF;
            String name = switch (b) {
                case 0xF0 -> "lock";
                case 0xF3 -> i == lastRep && (in.entry == Decoder.NOP || simd(in, 2)) ? null : hle ? "xrelease"
                        : in.op == Op.MOVS || in.op == Op.STOS || in.op == Op.LODS ? "rep" : "repz";
                case 0xF2 -> i == lastRep && simd(in, 3) ? null : branch ? "bnd" : hle ? "xacquire" : "repnz";
                case 0x66 -> i == lastData && (dataUsed(in, longMode) || simd(in, 1)) ? null : "data16";
                case 0x67 -> i == lastAddr && addressUsed(in) ? null : longMode ? "addr32" : "addr16";
                case 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65 -> i == lastSeg && notrack(in) ? "notrack"
                        : i == lastSeg && segmentUsed(in, segment) ? null : SEGMENT_NAMES[segmentOf(b)];
                default -> (b & 0xF0) == 0x40 ? rex(in, b) : null;
            };
            if (name != null) out.append(name).append(' ');
        }
        return out.toString();
    }

    /** True when {@code in} is an SSE cell selected by the mandatory prefix {@code which} (1: 66, 2: F3, 3: F2). */
    private static boolean simd(Insn in, int which) {
        return (in.entry.flags() & org.polyvisor.isa.x86.decode.Entry.SIMD) != 0 && in.mandatory == which;
    }

    /** Names of the first {@code count} prefix bytes, space-separated (a REX names its bits). */
    static String names(byte[] p, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int b = p[i] & 0xFF;
            String name = switch (b) {
                case 0xF0 -> "lock";
                case 0xF3 -> "repz";
                case 0xF2 -> "repnz";
                case 0x66 -> "data16";
                case 0x67 -> "addr32";
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

    private static boolean segmentUsed(Insn in, int printed) {
        if (printed >= 0) return true;
        return in.op == Op.JCC && (in.segment == 1 || in.segment == 3);  // branch hints: je,pn / je,pt
    }

    /** CET: 3E before an indirect branch is NOTRACK, not a DS override. */
    private static boolean notrack(Insn in) {
        return (in.op == Op.CALL_INDIRECT || in.op == Op.JMP_INDIRECT) && in.segment == 3;
    }

    /** 67 counts where it changes an address (ModRM memory, string, LOOP/JECXZ); objdump ignores it on moffs. */
    private static boolean addressUsed(Insn in) {
        if (in.entry.dst() == Operand.O || in.entry.src() == Operand.O) return false;
        return in.hasMemory() || Decoder.isString(in.op) || Decoder.isCounted(in.op);
    }

    /** 66 selects the 16-bit operand size of an instruction whose size it can change. */
    private static boolean dataUsed(Insn in, boolean longMode) {
        if (in.op == Op.X87) {  // only the environment forms have a 16-bit format (fnstenvs, fldenvs, fnsaves, frstors)
            int esc = in.opcode & 7, reg = (in.modrm >>> 3) & 7;
            return in.modrm < 0xC0 && (esc == 1 || esc == 5) && (reg == 4 || reg == 6);
        }
        boolean table = in.op == Op.LGDT || in.op == Op.LIDT || in.op == Op.SGDT || in.op == Op.SIDT;
        if (table && longMode) return false;  // the 10-byte operand has one size in 64-bit mode
        if (in.op == Op.SMSW && in.dstKind == Operand.MEM) return false;  // the memory form stores 16 bits always
        return in.entry.size() == V && in.opSize == 2 && sized(in);
    }

    /** The instruction has an operand of its operand size (or is CBW/CWD, whose size is implicit). */
    private static boolean sized(Insn in) {
        if (in.entry == Decoder.NOP) return false;
        if (in.op == Op.IN || in.op == Op.OUT) return true;
        if (in.op == Op.CBW || in.op == Op.CWD || in.op == Op.PUSHF || in.op == Op.POPF || in.op == Op.IRET || in.op == Op.SYSRET
                || in.op == Op.JMP_FAR || in.op == Op.CALL_FAR || in.op == Op.RET_FAR
                || in.op == Op.SYSEXIT || in.op == Op.PUSHA || in.op == Op.POPA || in.op == Op.ENTER || Decoder.isString(in.op)) return true;
        return in.dstKind != Operand.NONE && in.dstKind != Operand.REL || in.srcKind != Operand.NONE;
    }

    /** The REX prefix is named when one of its bits (or, for a bare 40, the byte-register meaning) went unused. */
    private static String rex(Insn in, int rex) {
        if (rex != in.rex) return rexName(rex);  // a REX that is not last before the opcode is ignored
        var e = in.entry;
        int used = 0;
        boolean simd = (e.flags() & org.polyvisor.isa.x86.decode.Entry.SIMD) != 0;
        boolean gpr = e.dst() == Operand.E || e.src() == Operand.E || e.dst() == Operand.G || e.src() == Operand.G;
        if ((rex & 8) != 0 && (simd ? gpr || in.op == Op.FXSAVE || in.op == Op.FXRSTOR
                : e.size() == V && (e.flags() & (D64 | NO_REXW)) == 0 && sized(in)
                        && !(in.op == Op.SMSW && in.dstKind == Operand.MEM))) used |= 8;
        if ((rex & 4) != 0 && (e.dst() == Operand.G || e.src() == Operand.G || e.dst() == Operand.C || e.src() == Operand.C
                || e.dst() == Operand.V_XMM || e.src() == Operand.V_XMM)) used |= 4;
        if ((rex & 2) != 0 && in.hasSib) used |= 2;
        boolean rm = in.modrm >= 0 && (e.dst() == Operand.E || e.src() == Operand.E || e.src() == Operand.M || e.dst() == Operand.M
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
