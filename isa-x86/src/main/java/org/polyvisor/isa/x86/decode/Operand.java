package org.polyvisor.isa.x86.decode;

/** Operand kinds of the opcode tables (the SDM's Appendix A letters) and of decoded instructions. */
public final class Operand {
    private Operand() { }

    // Table letters.
    public static final int NONE = 0;
    /** E: ModRM.rm, register or memory. */
    public static final int E = 1;
    /** G: ModRM.reg. */
    public static final int G = 2;
    /** Z: the low three opcode bits name a register. */
    public static final int Z = 3;
    /** The accumulator (AL, eAX, rAX). */
    public static final int A = 4;
    /** I: an immediate. */
    public static final int I = 5;
    /** The constant 1 of the shift-by-one forms. */
    public static final int ONE = 6;
    /** CL, the count of the shift-by-CL forms. */
    public static final int CL = 7;
    /** M: ModRM.rm that must be memory (LEA). */
    public static final int M = 8;
    /** J: a relative branch target. */
    public static final int J = 9;
    /** O: a memory offset given as an address-size immediate, no ModRM (MOV A0-A3, "moffs"). */
    public static final int O = 14;
    /** S: ModRM.reg names a segment register (MOV Sw). */
    public static final int S = 15;
    /** C: ModRM.reg (with REX.R) names a control register (MOV Cd). */
    public static final int C = 16;
    /** R: ModRM.rm names a general register whatever the mod bits say (MOV Rd, Cd). */
    public static final int R = 17;

    /** V: ModRM.reg (with REX.R) names an XMM register. */
    public static final int V_XMM = 26;
    /** W: ModRM.rm names an XMM register (with REX.B) or memory. */
    public static final int W_XMM = 27;
    /** U: ModRM.rm names an XMM register; a memory form is undefined. */
    public static final int U_XMM = 28;

    /** P: ModRM.reg names an MMX register (REX does not extend it). */
    public static final int P_MMX = 30;
    /** Q: ModRM.rm names an MMX register or memory. */
    public static final int Q_MMX = 31;
    /** N: ModRM.rm names an MMX register; a memory form is undefined. */
    public static final int N_MMX = 32;
    /** Decoded kind of P, N and the register form of Q (register number in dstReg/srcReg). */
    public static final int MMX = 33;

    /** D: ModRM.reg (with REX.R) names a debug register (MOV Dd). */
    public static final int D = 34;
    /** Decoded kind of D (register number in dstReg/srcReg). */
    public static final int DREG = 35;

    /** A segment register fixed by the opcode (PUSH ES, POP DS, ...): SEG_ES + the register's number. */
    public static final int SEG_ES = 20, SEG_GS = 25;

    // Decoded kinds of the system operands (register number in dstReg/srcReg).
    public static final int SREG = 18;
    public static final int CREG = 19;
    /** Decoded kind of V, U and the register form of W (register number in dstReg/srcReg). */
    public static final int XMM = 29;

    // Decoded kinds (E, G, Z, A resolve to REG or MEM).
    public static final int REG = 10;
    public static final int MEM = 11;
    public static final int IMM = 12;
    public static final int REL = 13;
}
