package org.polyvisor.isa.x86.decode;

/** What an instruction does, named after the Intel SDM's instruction pages; the executor switches on it. */
public enum Op {
    UNDEFINED, ADD, OR, ADC, SBB, AND, SUB, XOR, CMP, TEST,
    MOV, MOVZX, MOVSX, MOVSXD, LEA, XCHG, CBW, CWD,
    INC, DEC, NEG, NOT, ROL, ROR, SHL, SHR, SAR, IMUL,
    PUSH, POP, CALL, CALL_INDIRECT, RET, JMP, JMP_INDIRECT, JCC, SETCC, CMOVCC, LEAVE,
    NOP, HLT, UD2, INT, INT3, CLI, STI, CLD, STD, CLC, STC, CMC, PUSHF, POPF, LAHF, SAHF, VMCALL, SYSCALL,
    MUL, IMUL1, DIV, IDIV, MOVS, STOS, LODS, CMPS, SCAS, BSWAP, IN, OUT, CMPXCHG, XADD,
    LOOP, LOOPE, LOOPNE, JCXZ, CPUID, RCL, RCR, BT, BTS, BTR, BTC, BSF, BSR,
    // System instructions (SDM Vol. 2 pages of the same names; MOV_CR/MOV_SREG are MOV to and from CRn/Sreg).
    LGDT, LIDT, SGDT, SIDT, LLDT, LTR, SLDT, STR, MOV_FROM_CR, MOV_TO_CR, MOV_TO_SREG, MOV_FROM_SREG, IRET, INTO, PUSH_SREG, POP_SREG,
    RDMSR, WRMSR, SYSENTER, SYSEXIT, SYSRET, SWAPGS, INVLPG,
    DAA, DAS, AAA, AAS, AAM, AAD, JMP_FAR, CALL_FAR, RET_FAR, RDTSC
}
