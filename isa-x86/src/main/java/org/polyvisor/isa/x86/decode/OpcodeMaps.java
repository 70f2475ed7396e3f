package org.polyvisor.isa.x86.decode;

import static org.polyvisor.isa.x86.decode.Entry.*;
import static org.polyvisor.isa.x86.decode.Operand.*;

/**
 * The one-byte and 0F opcode maps of the SDM's Appendix A, as arrays indexed by opcode byte. Built once; the
 * x86_64 backend copies them and patches the cells that long mode changes (REX, MOVSXD, SYSCALL).
 */
public final class OpcodeMaps {
    public final Entry[] oneByte = new Entry[256];
    public final Entry[] twoByte = new Entry[256];

    private static final Op[] ALU = {Op.ADD, Op.OR, Op.ADC, Op.SBB, Op.AND, Op.SUB, Op.XOR, Op.CMP};
    private static final String[] ALU_NAMES = {"add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"};

    private OpcodeMaps() {
        java.util.Arrays.fill(oneByte, UNDEFINED);
        java.util.Arrays.fill(twoByte, UNDEFINED);
    }

    /** A copy, for a backend that patches cells. */
    public OpcodeMaps copy() {
        OpcodeMaps m = new OpcodeMaps();
        System.arraycopy(oneByte, 0, m.oneByte, 0, 256);
        System.arraycopy(twoByte, 0, m.twoByte, 0, 256);
        return m;
    }

    /** The IA-32 (protected mode) maps. */
    public static OpcodeMaps ia32() {
        OpcodeMaps m = new OpcodeMaps();
        Entry[] o = m.oneByte, t = m.twoByte;
        for (int k = 0; k < 8; k++) {
            Op op = ALU[k];
            String n = ALU_NAMES[k];
            o[k * 8] = of(op, n, E, G, B, IMM_NONE, 0);
            o[k * 8 + 1] = of(op, n, E, G, V, IMM_NONE, 0);
            o[k * 8 + 2] = of(op, n, G, E, B, IMM_NONE, 0);
            o[k * 8 + 3] = of(op, n, G, E, V, IMM_NONE, 0);
            o[k * 8 + 4] = of(op, n, A, I, B, IMM_B, 0);
            o[k * 8 + 5] = of(op, n, A, I, V, IMM_Z, 0);
        }
        for (int r = 0; r < 8; r++) {
            o[0x40 + r] = of(Op.INC, "inc", Z, NONE, V, IMM_NONE, 0);
            o[0x48 + r] = of(Op.DEC, "dec", Z, NONE, V, IMM_NONE, 0);
            o[0x50 + r] = of(Op.PUSH, "push", NONE, Z, V, IMM_NONE, D64);
            o[0x58 + r] = of(Op.POP, "pop", Z, NONE, V, IMM_NONE, D64);
            o[0x90 + r] = of(Op.XCHG, "xchg", Z, A, V, IMM_NONE, 0);
            o[0xB0 + r] = of(Op.MOV, "mov", Z, I, B, IMM_B, 0);
            o[0xB8 + r] = of(Op.MOV, "mov", Z, I, V, IMM_V, 0);
        }
        o[0x68] = of(Op.PUSH, "push", NONE, I, V, IMM_Z, D64);
        o[0x69] = of(Op.IMUL, "imul", G, E, V, IMM_Z, 0);
        o[0x6A] = of(Op.PUSH, "push", NONE, I, V, IMM_B, D64);
        o[0x6B] = of(Op.IMUL, "imul", G, E, V, IMM_B, 0);
        for (int c = 0; c < 16; c++) {
            o[0x70 + c] = of(Op.JCC, "j", J, NONE, V, IMM_B, D64 | COND);
            t[0x40 + c] = of(Op.CMOVCC, "cmov", G, E, V, IMM_NONE, COND);
            t[0x80 + c] = of(Op.JCC, "j", J, NONE, V, IMM_Z, D64 | COND);
            t[0x90 + c] = of(Op.SETCC, "set", E, NONE, B, IMM_NONE, COND);
        }
        o[0x80] = group1(B, IMM_B);
        o[0x81] = group1(V, IMM_Z);
        o[0x82] = group1(B, IMM_B);  // an alias of 80 outside long mode
        o[0x83] = group1(V, IMM_B);
        o[0x84] = of(Op.TEST, "test", E, G, B, IMM_NONE, 0);
        o[0x85] = of(Op.TEST, "test", E, G, V, IMM_NONE, 0);
        o[0x86] = of(Op.XCHG, "xchg", E, G, B, IMM_NONE, 0);
        o[0x87] = of(Op.XCHG, "xchg", E, G, V, IMM_NONE, 0);
        o[0x88] = of(Op.MOV, "mov", E, G, B, IMM_NONE, 0);
        o[0x89] = of(Op.MOV, "mov", E, G, V, IMM_NONE, 0);
        o[0x8A] = of(Op.MOV, "mov", G, E, B, IMM_NONE, 0);
        o[0x8B] = of(Op.MOV, "mov", G, E, V, IMM_NONE, 0);
        o[0x8D] = of(Op.LEA, "lea", G, M, V, IMM_NONE, 0);
        o[0x8F] = group(of(Op.POP, "pop", E, NONE, V, IMM_NONE, D64), UNDEFINED, UNDEFINED, UNDEFINED,
                UNDEFINED, UNDEFINED, UNDEFINED, UNDEFINED);
        o[0x98] = of(Op.CBW, "cwtl", NONE, NONE, V, IMM_NONE, 0);
        o[0x99] = of(Op.CWD, "cltd", NONE, NONE, V, IMM_NONE, 0);
        o[0x9C] = of(Op.PUSHF, "pushf", NONE, NONE, V, IMM_NONE, D64);
        o[0x9D] = of(Op.POPF, "popf", NONE, NONE, V, IMM_NONE, D64);
        o[0x9E] = of(Op.SAHF, "sahf", NONE, NONE, V, IMM_NONE, 0);
        o[0x9F] = of(Op.LAHF, "lahf", NONE, NONE, V, IMM_NONE, 0);
        o[0xA4] = of(Op.MOVS, "movs", NONE, NONE, B, IMM_NONE, 0);
        o[0xA5] = of(Op.MOVS, "movs", NONE, NONE, V, IMM_NONE, 0);
        o[0xA6] = of(Op.CMPS, "cmps", NONE, NONE, B, IMM_NONE, 0);
        o[0xA7] = of(Op.CMPS, "cmps", NONE, NONE, V, IMM_NONE, 0);
        o[0xAA] = of(Op.STOS, "stos", NONE, NONE, B, IMM_NONE, 0);
        o[0xAB] = of(Op.STOS, "stos", NONE, NONE, V, IMM_NONE, 0);
        o[0xAC] = of(Op.LODS, "lods", NONE, NONE, B, IMM_NONE, 0);
        o[0xAD] = of(Op.LODS, "lods", NONE, NONE, V, IMM_NONE, 0);
        o[0xAE] = of(Op.SCAS, "scas", NONE, NONE, B, IMM_NONE, 0);
        o[0xAF] = of(Op.SCAS, "scas", NONE, NONE, V, IMM_NONE, 0);
        o[0xF5] = of(Op.CMC, "cmc", NONE, NONE, V, IMM_NONE, 0);
        o[0xF8] = of(Op.CLC, "clc", NONE, NONE, V, IMM_NONE, 0);
        o[0xF9] = of(Op.STC, "stc", NONE, NONE, V, IMM_NONE, 0);
        o[0xA0] = of(Op.MOV, "mov", A, O, B, IMM_NONE, 0);
        o[0xA1] = of(Op.MOV, "mov", A, O, V, IMM_NONE, 0);
        o[0xA2] = of(Op.MOV, "mov", O, A, B, IMM_NONE, 0);
        o[0xA3] = of(Op.MOV, "mov", O, A, V, IMM_NONE, 0);
        o[0xA8] = of(Op.TEST, "test", A, I, B, IMM_B, 0);
        o[0xA9] = of(Op.TEST, "test", A, I, V, IMM_Z, 0);
        o[0xC0] = group2(B, I);
        o[0xC1] = group2(V, I);
        o[0xD0] = group2(B, ONE);
        o[0xD1] = group2(V, ONE);
        o[0xD2] = group2(B, CL);
        o[0xD3] = group2(V, CL);
        o[0xC2] = of(Op.RET, "ret", NONE, I, V, IMM_W, D64);
        o[0xC3] = of(Op.RET, "ret", NONE, NONE, V, IMM_NONE, D64);
        o[0xC6] = group(of(Op.MOV, "mov", E, I, B, IMM_B, SUFFIX), UNDEFINED, UNDEFINED, UNDEFINED, UNDEFINED,
                UNDEFINED, UNDEFINED, UNDEFINED);
        o[0xC7] = group(of(Op.MOV, "mov", E, I, V, IMM_Z, SUFFIX), UNDEFINED, UNDEFINED, UNDEFINED, UNDEFINED,
                UNDEFINED, UNDEFINED, UNDEFINED);
        o[0xC9] = of(Op.LEAVE, "leave", NONE, NONE, V, IMM_NONE, D64);
        o[0xCC] = of(Op.INT3, "int3", NONE, NONE, V, IMM_NONE, 0);
        o[0xCD] = of(Op.INT, "int", NONE, I, B, IMM_BU, 0);
        // The counted branches use rCX at the address size.
        o[0xE0] = of(Op.LOOPNE, "loopne", J, NONE, V, IMM_B, D64);
        o[0xE1] = of(Op.LOOPE, "loope", J, NONE, V, IMM_B, D64);
        o[0xE2] = of(Op.LOOP, "loop", J, NONE, V, IMM_B, D64);
        o[0xE3] = of(Op.JCXZ, "jecxz", J, NONE, V, IMM_B, D64);
        // Port I/O: the port is imm8 (E4-E7) or DX (EC-EF); the data register is AL/AX/EAX.
        o[0xE4] = of(Op.IN, "in", A, I, B, IMM_BU, 0);
        o[0xE5] = of(Op.IN, "in", A, I, V, IMM_BU, NO_REXW);
        o[0xE6] = of(Op.OUT, "out", NONE, A, B, IMM_BU, 0);
        o[0xE7] = of(Op.OUT, "out", NONE, A, V, IMM_BU, NO_REXW);
        o[0xEC] = of(Op.IN, "in", A, NONE, B, IMM_NONE, 0);
        o[0xED] = of(Op.IN, "in", A, NONE, V, IMM_NONE, NO_REXW);
        o[0xEE] = of(Op.OUT, "out", NONE, A, B, IMM_NONE, 0);
        o[0xEF] = of(Op.OUT, "out", NONE, A, V, IMM_NONE, NO_REXW);
        o[0xE8] = of(Op.CALL, "call", J, NONE, V, IMM_Z, D64);
        o[0xE9] = of(Op.JMP, "jmp", J, NONE, V, IMM_Z, D64);
        o[0xEB] = of(Op.JMP, "jmp", J, NONE, V, IMM_B, D64);
        o[0xF4] = of(Op.HLT, "hlt", NONE, NONE, V, IMM_NONE, 0);
        o[0xF6] = group3(B, IMM_B);
        o[0xF7] = group3(V, IMM_Z);
        o[0xFA] = of(Op.CLI, "cli", NONE, NONE, V, IMM_NONE, 0);
        o[0xFB] = of(Op.STI, "sti", NONE, NONE, V, IMM_NONE, 0);
        o[0xFC] = of(Op.CLD, "cld", NONE, NONE, V, IMM_NONE, 0);
        o[0xFD] = of(Op.STD, "std", NONE, NONE, V, IMM_NONE, 0);
        o[0xFE] = group(of(Op.INC, "inc", E, NONE, B, IMM_NONE, SUFFIX), of(Op.DEC, "dec", E, NONE, B, IMM_NONE, SUFFIX),
                UNDEFINED, UNDEFINED, UNDEFINED, UNDEFINED, UNDEFINED, UNDEFINED);
        // FF /3 and /5 take a far pointer in memory (m16:16/32); REX.W does not widen it here (AMD's rule).
        o[0xFF] = group(of(Op.INC, "inc", E, NONE, V, IMM_NONE, SUFFIX), of(Op.DEC, "dec", E, NONE, V, IMM_NONE, SUFFIX),
                of(Op.CALL_INDIRECT, "call", E, NONE, V, IMM_NONE, D64), of(Op.CALL_FAR, "lcall", NONE, M, V, IMM_NONE, NO_REXW),
                of(Op.JMP_INDIRECT, "jmp", E, NONE, V, IMM_NONE, D64), of(Op.JMP_FAR, "ljmp", NONE, M, V, IMM_NONE, NO_REXW),
                of(Op.PUSH, "push", NONE, E, V, IMM_NONE, D64), UNDEFINED);

        // 0F 01: memory forms by ModRM.reg; the register forms (VMCALL = C1, ...) by the whole ModRM byte.
        // REX.W does not change their operand (10 bytes in 64-bit mode whatever the prefixes).
        t[0x01] = group(of(Op.SGDT, "sgdt", M, NONE, V, IMM_NONE, NO_REXW), of(Op.SIDT, "sidt", M, NONE, V, IMM_NONE, NO_REXW),
                of(Op.LGDT, "lgdt", NONE, M, V, IMM_NONE, NO_REXW), of(Op.LIDT, "lidt", NONE, M, V, IMM_NONE, NO_REXW),
                of(Op.SMSW, "smsw", E, NONE, V, IMM_NONE, 0), UNDEFINED, of(Op.LMSW, "lmsw", NONE, E, W, IMM_NONE, 0),
                of(Op.INVLPG, "invlpg", NONE, M, B, IMM_NONE, 0));
        t[0x06] = of(Op.CLTS, "clts", NONE, NONE, V, IMM_NONE, 0);
        // 60/61 and 62 are i64 (62 is EVEX there); BOUND prints its register first, as objdump does: bound %eax,(%ebx).
        o[0x60] = of(Op.PUSHA, "pusha", NONE, NONE, V, IMM_NONE, 0);
        o[0x61] = of(Op.POPA, "popa", NONE, NONE, V, IMM_NONE, 0);
        o[0x62] = of(Op.BOUND, "bound", M, G, V, IMM_NONE, 0);
        o[0xC8] = of(Op.ENTER, "enter", NONE, NONE, V, IMM_ENTER, D64);
        // 0F 00: SLDT/STR store the selector (a register takes it zero-extended), LLDT/LTR load one from Ew.
        t[0x00] = group(of(Op.SLDT, "sldt", E, NONE, V, IMM_NONE, 0), of(Op.STR, "str", E, NONE, V, IMM_NONE, 0),
                of(Op.LLDT, "lldt", NONE, E, W, IMM_NONE, 0), of(Op.LTR, "ltr", NONE, E, W, IMM_NONE, 0),
                UNDEFINED, UNDEFINED, UNDEFINED, UNDEFINED);
        t[0x21] = of(Op.MOV_FROM_DR, "mov", R, Operand.D, V, IMM_NONE, MODE_SIZE);
        t[0x23] = of(Op.MOV_TO_DR, "mov", Operand.D, R, V, IMM_NONE, MODE_SIZE);
        t[0x20] = of(Op.MOV_FROM_CR, "mov", R, C, V, IMM_NONE, MODE_SIZE);
        t[0x22] = of(Op.MOV_TO_CR, "mov", C, R, V, IMM_NONE, MODE_SIZE);
        o[0x8C] = of(Op.MOV_FROM_SREG, "mov", E, S, V, IMM_NONE, 0);
        o[0x8E] = of(Op.MOV_TO_SREG, "mov", S, E, W, IMM_NONE, 0);
        for (int sr = 0; sr < 4; sr++) {  // 06/07 ES, 0E CS, 16/17 SS, 1E/1F DS (0F is the escape, not POP CS)
            o[0x06 + 8 * sr] = of(Op.PUSH_SREG, "push", NONE, SEG_ES + sr, V, IMM_NONE, D64);
            if (sr != 1) o[0x07 + 8 * sr] = of(Op.POP_SREG, "pop", SEG_ES + sr, NONE, V, IMM_NONE, D64);
        }
        t[0xA0] = of(Op.PUSH_SREG, "push", NONE, SEG_ES + 4, V, IMM_NONE, D64);
        t[0xA1] = of(Op.POP_SREG, "pop", SEG_ES + 4, NONE, V, IMM_NONE, D64);
        t[0xA8] = of(Op.PUSH_SREG, "push", NONE, SEG_GS, V, IMM_NONE, D64);
        t[0xA9] = of(Op.POP_SREG, "pop", SEG_GS, NONE, V, IMM_NONE, D64);
        t[0x30] = of(Op.WRMSR, "wrmsr", NONE, NONE, V, IMM_NONE, 0);
        t[0x31] = of(Op.RDTSC, "rdtsc", NONE, NONE, V, IMM_NONE, 0);
        t[0x32] = of(Op.RDMSR, "rdmsr", NONE, NONE, V, IMM_NONE, 0);
        t[0x34] = of(Op.SYSENTER, "sysenter", NONE, NONE, V, IMM_NONE, 0);
        t[0x35] = of(Op.SYSEXIT, "sysexit", NONE, NONE, V, IMM_NONE, 0);
        o[0x27] = of(Op.DAA, "daa", NONE, NONE, V, IMM_NONE, 0);
        o[0x2F] = of(Op.DAS, "das", NONE, NONE, V, IMM_NONE, 0);
        o[0x37] = of(Op.AAA, "aaa", NONE, NONE, V, IMM_NONE, 0);
        o[0x3F] = of(Op.AAS, "aas", NONE, NONE, V, IMM_NONE, 0);
        o[0xD4] = of(Op.AAM, "aam", NONE, I, B, IMM_BU, 0);
        o[0xD5] = of(Op.AAD, "aad", NONE, I, B, IMM_BU, 0);
        o[0xEA] = of(Op.JMP_FAR, "ljmp", NONE, NONE, V, IMM_PTR, 0);
        o[0x9A] = of(Op.CALL_FAR, "lcall", NONE, NONE, V, IMM_PTR, 0);
        o[0xCA] = of(Op.RET_FAR, "lret", NONE, I, V, IMM_W, 0);
        o[0xCB] = of(Op.RET_FAR, "lret", NONE, NONE, V, IMM_NONE, 0);
        o[0xCE] = of(Op.INTO, "into", NONE, NONE, V, IMM_NONE, 0);
        o[0xCF] = of(Op.IRET, "iret", NONE, NONE, V, IMM_NONE, 0);
        t[0x0B] = of(Op.UD2, "ud2", NONE, NONE, V, IMM_NONE, 0);
        // x87 escapes: ModRM selects the operation (memory forms by reg, register forms by the whole byte).
        for (int esc = 0xD8; esc <= 0xDF; esc++) o[esc] = of(Op.X87, "", E, NONE, V, IMM_NONE, MODRM);
        o[0x9B] = of(Op.FWAIT, "fwait", NONE, NONE, V, IMM_NONE, 0);
        t[0x1F] = HINT_NOP;
        t[0x19] = t[0x1F];  // the reserved hint NOPs (SDM Vol. 2, NOP: 0F 19, 0F 1D and 0F 1F /r execute as NOP)
        t[0x1D] = t[0x1F];
        t[0xAF] = of(Op.IMUL, "imul", G, E, V, IMM_NONE, 0);
        t[0xA2] = of(Op.CPUID, "cpuid", NONE, NONE, V, IMM_NONE, 0);
        t[0xA3] = of(Op.BT, "bt", E, G, V, IMM_NONE, 0);
        t[0xAB] = of(Op.BTS, "bts", E, G, V, IMM_NONE, 0);
        t[0xB3] = of(Op.BTR, "btr", E, G, V, IMM_NONE, 0);
        t[0xBB] = of(Op.BTC, "btc", E, G, V, IMM_NONE, 0);
        t[0xBA] = group(UNDEFINED, UNDEFINED, UNDEFINED, UNDEFINED, of(Op.BT, "bt", E, I, V, IMM_BU, SUFFIX),
                of(Op.BTS, "bts", E, I, V, IMM_BU, SUFFIX), of(Op.BTR, "btr", E, I, V, IMM_BU, SUFFIX),
                of(Op.BTC, "btc", E, I, V, IMM_BU, SUFFIX));
        t[0xBC] = of(Op.BSF, "bsf", G, E, V, IMM_NONE, 0);
        t[0xBD] = of(Op.BSR, "bsr", G, E, V, IMM_NONE, 0);
        t[0xB0] = of(Op.CMPXCHG, "cmpxchg", E, G, B, IMM_NONE, 0);
        t[0xB1] = of(Op.CMPXCHG, "cmpxchg", E, G, V, IMM_NONE, 0);
        t[0xC0] = of(Op.XADD, "xadd", E, G, B, IMM_NONE, 0);
        t[0xC1] = of(Op.XADD, "xadd", E, G, V, IMM_NONE, 0);
        for (int r = 0; r < 8; r++) t[0xC8 + r] = of(Op.BSWAP, "bswap", Z, NONE, V, IMM_NONE, 0);
        // ARPL, INS/OUTS, LES/LDS (C4/C5 are VEX in 64-bit mode and with a register ModRM: #UD here), XLAT; INT1
        // (ICEBP) is decoded for the disassembler and #UD.
        o[0x63] = of(Op.ARPL, "arpl", E, G, W, IMM_NONE, 0);
        o[0x6C] = of(Op.INS, "ins", NONE, NONE, B, IMM_NONE, 0);
        o[0x6D] = of(Op.INS, "ins", NONE, NONE, V, IMM_NONE, NO_REXW);
        o[0x6E] = of(Op.OUTS, "outs", NONE, NONE, B, IMM_NONE, 0);
        o[0x6F] = of(Op.OUTS, "outs", NONE, NONE, V, IMM_NONE, NO_REXW);
        o[0xC4] = of(Op.LES, "les", G, M, V, IMM_NONE, 0);
        o[0xC5] = of(Op.LDS, "lds", G, M, V, IMM_NONE, 0);
        o[0xD7] = of(Op.XLAT, "xlat", NONE, NONE, B, IMM_NONE, 0);
        o[0xF1] = of(Op.INT1, "int1", NONE, NONE, V, IMM_NONE, 0);
        // 0F rows: LAR/LSL, the far pointer loads, VERR/VERW, RDPMC and the double shifts are executed; UD0/UD1,
        // INVD/WBINVD, RSM and GETSEC are decoded for the disassembler and #UD. POPCNT (F3 B8), TZCNT/LZCNT
        // (F3 BC/BD, executed) and WBNOINVD (F3 09) are chosen by their F3 prefix in the decoder.
        t[0xA4] = of(Op.SHLD, "shld", E, G, V, IMM_BU, 0);
        t[0xA5] = of(Op.SHLD, "shld", E, G, V, IMM_NONE, COUNT_CL);
        t[0xAC] = of(Op.SHRD, "shrd", E, G, V, IMM_BU, 0);
        t[0xAD] = of(Op.SHRD, "shrd", E, G, V, IMM_NONE, COUNT_CL);
        // Group 9 (0F C7): /1 is CMPXCHG8B m64, CMPXCHG16B m128 with REX.W; its register forms are undefined.
        t[0xC7] = group(UNDEFINED, of(Op.CMPXCHG8B, "cmpxchg8b", M, NONE, V, IMM_NONE, 0), UNDEFINED, UNDEFINED,
                UNDEFINED, UNDEFINED, UNDEFINED, UNDEFINED);
        t[0x02] = of(Op.LAR, "lar", G, E, V, IMM_NONE, 0);
        t[0x03] = of(Op.LSL, "lsl", G, E, V, IMM_NONE, 0);
        t[0xB2] = of(Op.LSS, "lss", G, M, V, IMM_NONE, 0);
        t[0xB4] = of(Op.LFS, "lfs", G, M, V, IMM_NONE, 0);
        t[0xB5] = of(Op.LGS, "lgs", G, M, V, IMM_NONE, 0);
        t[0xB9] = of(Op.UD1, "ud1", G, E, V, IMM_NONE, 0);
        t[0xFF] = of(Op.UD0, "ud0", G, E, V, IMM_NONE, 0);
        t[0x08] = of(Op.INVD, "invd", NONE, NONE, V, IMM_NONE, 0);
        t[0x09] = of(Op.WBINVD, "wbinvd", NONE, NONE, V, IMM_NONE, 0);
        t[0x33] = of(Op.RDPMC, "rdpmc", NONE, NONE, V, IMM_NONE, 0);
        t[0xAA] = of(Op.RSM, "rsm", NONE, NONE, V, IMM_NONE, 0);
        t[0x37] = of(Op.GETSEC, "getsec", NONE, NONE, V, IMM_NONE, 0);
        Entry[] g6 = t[0x00].group().clone();
        g6[4] = of(Op.VERR, "verr", NONE, E, W, IMM_NONE, 0);
        g6[5] = of(Op.VERW, "verw", NONE, E, W, IMM_NONE, 0);
        t[0x00] = group(g6);
        t[0xB6] = of(Op.MOVZX, "movz", G, E, V, IMM_NONE, SRC_B | ALWAYS_SUFFIX);
        t[0xB7] = of(Op.MOVZX, "movz", G, E, V, IMM_NONE, SRC_W | ALWAYS_SUFFIX);
        t[0xBE] = of(Op.MOVSX, "movs", G, E, V, IMM_NONE, SRC_B | ALWAYS_SUFFIX);
        t[0xBF] = of(Op.MOVSX, "movs", G, E, V, IMM_NONE, SRC_W | ALWAYS_SUFFIX);
        return m;
    }

    /** The 0F cells an F3 prefix (the last F2/F3) selects: POPCNT, TZCNT, LZCNT, WBNOINVD; null for the others. */
    public static Entry withF3(int opcode) {
        return switch (opcode) {
            case 0xB8 -> POPCNT;
            case 0xBC -> TZCNT;
            case 0xBD -> LZCNT;
            case 0x09 -> WBNOINVD;
            default -> null;
        };
    }

    private static final Entry POPCNT = of(Op.POPCNT, "popcnt", G, E, V, IMM_NONE, 0),
            TZCNT = of(Op.TZCNT, "tzcnt", G, E, V, IMM_NONE, 0), LZCNT = of(Op.LZCNT, "lzcnt", G, E, V, IMM_NONE, 0),
            WBNOINVD = of(Op.WBNOINVD, "wbnoinvd", NONE, NONE, V, IMM_NONE, 0);

    /**
     * The 0F 38 map (SDM Vol. 2, Table A-4) by its third byte and the mandatory prefix ({@link SseMaps#NONE}, P66,
     * PF3, PF2): MOVBE Gv,Mv and Mv,Gv (none or 66, which sizes it), CRC32 Gd,Eb and Gd,Ev (F2; 66 sizes the Ev
     * form). Everything else in the map is {@link Entry#UNDEFINED} (#UD): SSSE3 and SSE4 are not in this CPU model.
     */
    public static Entry threeByte38(int opcode, int mandatory) {
        if (opcode != 0xF0 && opcode != 0xF1) return UNDEFINED;
        if (mandatory == SseMaps.PF2) return opcode == 0xF0 ? CRC32_B : CRC32_V;
        if (mandatory == SseMaps.PF3) return UNDEFINED;
        return opcode == 0xF0 ? MOVBE_LOAD : MOVBE_STORE;
    }

    private static final Entry MOVBE_LOAD = of(Op.MOVBE, "movbe", G, M, V, IMM_NONE, 0),
            MOVBE_STORE = of(Op.MOVBE, "movbe", M, G, V, IMM_NONE, 0),
            CRC32_B = of(Op.CRC32, "crc32", G, E, V, IMM_NONE, CRC | SRC_B),
            CRC32_V = of(Op.CRC32, "crc32", G, E, V, IMM_NONE, CRC);

    /** NOP Ev, the hint NOPs of 0F 18-1F (0F 18 /4-/7 and its register forms among them). */
    public static final Entry HINT_NOP = of(Op.NOP, "nop", E, NONE, V, IMM_NONE, MODRM | SUFFIX);

    /** VMCALL (0F 01 C1): the one 0F 01 form this backend knows. */
    public static final Entry VMCALL = of(Op.VMCALL, "vmcall", NONE, NONE, V, IMM_NONE, 0);

    private static Entry group1(int size, int imm) {
        Entry[] g = new Entry[8];
        for (int k = 0; k < 8; k++) g[k] = of(ALU[k], ALU_NAMES[k], E, I, size, imm, SUFFIX);
        return group(g);
    }

    private static Entry group2(int size, int count) {
        int imm = count == I ? IMM_BU : IMM_NONE;
        return group(of(Op.ROL, "rol", E, count, size, imm, SUFFIX), of(Op.ROR, "ror", E, count, size, imm, SUFFIX),
                of(Op.RCL, "rcl", E, count, size, imm, SUFFIX), of(Op.RCR, "rcr", E, count, size, imm, SUFFIX),
                of(Op.SHL, "shl", E, count, size, imm, SUFFIX), of(Op.SHR, "shr", E, count, size, imm, SUFFIX),
                of(Op.SHL, "shl", E, count, size, imm, SUFFIX), of(Op.SAR, "sar", E, count, size, imm, SUFFIX));  // /6 = SAL
    }

    private static Entry group3(int size, int imm) {
        return group(of(Op.TEST, "test", E, I, size, imm, SUFFIX), of(Op.TEST, "test", E, I, size, imm, SUFFIX),
                of(Op.NOT, "not", E, NONE, size, IMM_NONE, SUFFIX), of(Op.NEG, "neg", E, NONE, size, IMM_NONE, SUFFIX),
                of(Op.MUL, "mul", E, NONE, size, IMM_NONE, SUFFIX), of(Op.IMUL1, "imul", E, NONE, size, IMM_NONE, SUFFIX),
                of(Op.DIV, "div", E, NONE, size, IMM_NONE, SUFFIX), of(Op.IDIV, "idiv", E, NONE, size, IMM_NONE, SUFFIX));
    }
}
