package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * IA-32 instruction semantics, one row per case: code bytes at 0x1000, the state before, the number of
 * instructions to run, the state after (registers, EFLAGS bits, memory). Flags were worked out from the SDM's
 * definitions for each operation.
 */
class InterpreterTest {
    static Stream<Arguments> rows() {
        return Stream.of(
            // ALU, register forms
            row("add r32,r32", "01d8", "eax=5 ebx=7", 1, "eax=12 ebx=7 cf=0 pf=1 af=0 zf=0 sf=0 of=0 eip=0x1002"),
            row("add signed overflow", "83c001", "eax=0x7fffffff", 1, "eax=0x80000000 cf=0 pf=1 af=1 zf=0 sf=1 of=1"),
            row("add carry to zero", "83c001", "eax=0xffffffff", 1, "eax=0 cf=1 pf=1 af=1 zf=1 sf=0 of=0"),
            row("add imm32", "0578563412", "eax=0x11111111", 1, "eax=0x23456789 cf=0 zf=0"),
            row("add r8 (AH)", "00e0", "eax=0x0180", 1, "eax=0x0181"),
            row("add r16 carry keeps upper half", "6601d8", "eax=0x1234ffff ebx=1", 1, "eax=0x12340000 cf=1 zf=1"),
            row("sub borrow", "29d8", "eax=3 ebx=5", 1, "eax=0xfffffffe cf=1 pf=0 af=1 zf=0 sf=1 of=0"),
            row("sub signed overflow", "29d8", "eax=0x80000000 ebx=1", 1, "eax=0x7fffffff cf=0 of=1 sf=0"),
            row("cmp equal", "39d8", "eax=5 ebx=5", 1, "eax=5 zf=1 cf=0 sf=0 of=0"),
            row("cmp imm8 sign-extended", "83f8ff", "eax=0xffffffff", 1, "zf=1 cf=0"),
            row("adc adds the carry", "83c0ff 11d8", "eax=1 ebx=5", 2, "eax=6 cf=0"),
            row("adc carry out", "83c0ff 11d8", "eax=1 ebx=0xffffffff", 2, "eax=0 cf=1 zf=1"),
            row("sbb subtracts the borrow", "83e801 19d8", "eax=0 ebx=1", 2, "eax=0xfffffffd cf=0 sf=1"),
            row("sbb borrow with equal operands", "83e801 19d8", "eax=0 ebx=0xffffffff", 2, "eax=0xffffffff cf=1"),
            row("and", "21d8", "eax=0xff00ff00 ebx=0x0ff00ff0", 1, "eax=0x0f000f00 cf=0 of=0 zf=0 sf=0 pf=1"),
            row("or sets SF", "09d8", "eax=0x80000000 ebx=1 cf=1", 1, "eax=0x80000001 cf=0 sf=1 of=0"),
            row("xor self", "31c0", "eax=0x1234", 1, "eax=0 zf=1 pf=1 cf=0 of=0 sf=0"),
            row("test al,imm8", "a880", "eax=0x80", 1, "eax=0x80 sf=1 zf=0 cf=0"),
            row("test r/m,r parity odd", "85c3", "eax=7 ebx=1", 1, "zf=0 pf=0"),
            row("group1 r/m8 imm8 to memory", "8006 05", "esi=0x2000 m8[0x2000]=0xfe", 1, "m8[0x2000]=0x03 cf=1"),
            row("group1 r/m32 imm32 to memory", "81 05 00200000 01000000", "m32[0x2000]=0xffffffff", 1, "m32[0x2000]=0 zf=1 cf=1"),
            row("alias 82 (add r/m8,imm8)", "82c001", "eax=0x7f", 1, "eax=0x80 of=1 sf=1"),
            // INC, DEC, NEG, NOT
            row("inc keeps CF", "83c0ff 40", "eax=1", 2, "eax=1 cf=1 zf=0"),
            row("inc overflow", "40", "eax=0x7fffffff", 1, "eax=0x80000000 of=1 sf=1 af=1"),
            row("dec to zero", "48", "eax=1", 1, "eax=0 zf=1"),
            row("dec r/m8", "fe0e", "esi=0x2000 m8[0x2000]=0", 1, "m8[0x2000]=0xff sf=1"),
            row("inc r/m32", "ff06", "esi=0x2000 m32[0x2000]=0xffff", 1, "m32[0x2000]=0x10000"),
            row("neg", "f7d8", "eax=1", 1, "eax=0xffffffff cf=1 sf=1 zf=0"),
            row("neg zero", "f7d8", "eax=0", 1, "eax=0 cf=0 zf=1"),
            row("neg min overflow", "f7d8", "eax=0x80000000", 1, "eax=0x80000000 of=1 cf=1"),
            row("not leaves flags", "f7d0", "eax=0x0f0f0f0f zf=1 cf=1", 1, "eax=0xf0f0f0f0 zf=1 cf=1"),
            // shifts and rotates
            row("shl imm", "c1e004", "eax=0x1000000f", 1, "eax=0xf0 cf=1 zf=0 sf=0"),
            row("shl 1 overflow", "d1e0", "eax=0x40000000", 1, "eax=0x80000000 cf=0 of=1 sf=1"),
            row("shl cl masked to 5 bits", "d3e0", "eax=1 ecx=0x21", 1, "eax=2"),
            row("shl by 0 leaves flags", "c1e000", "eax=1 zf=1 cf=1", 1, "eax=1 zf=1 cf=1"),
            row("shr 1", "d1e8", "eax=3", 1, "eax=1 cf=1 of=0"),
            row("shr 1 of = old msb", "d1e8", "eax=0x80000000", 1, "eax=0x40000000 cf=0 of=1"),
            row("sar keeps sign", "c1f804", "eax=0x80000000", 1, "eax=0xf8000000 cf=0 sf=1"),
            row("sar r8", "d0f8", "eax=0x81", 1, "eax=0xc0 cf=1 sf=1"),
            row("rol", "c1c004", "eax=0x12345678 zf=1", 1, "eax=0x23456781 cf=1 zf=1"),
            row("ror 1", "d1c8", "eax=1", 1, "eax=0x80000000 cf=1 of=1"),
            row("rol r8 by cl", "d2c0", "eax=0x81 ecx=1", 1, "eax=0x03 cf=1 of=1"),
            row("shl memory", "c126 02", "esi=0x2000 m32[0x2000]=3", 1, "m32[0x2000]=12"),
            // IMUL
            row("imul r,r/m", "0fafc3", "eax=-2 ebx=3", 1, "eax=0xfffffffa cf=0 of=0"),
            row("imul overflow", "0fafc3", "eax=0x10000 ebx=0x10000", 1, "eax=0 cf=1 of=1"),
            row("imul imm8", "6bc305", "ebx=7", 1, "eax=35"),
            row("imul imm32", "69c3 00000100", "ebx=3", 1, "eax=0x30000"),
            row("imul r16 imm8", "666bc3ff", "eax=0xabcd0000 ebx=2", 1, "eax=0xabcdfffe cf=0"),
            // moves
            row("mov r/m32,r32 store", "8918", "eax=0x2000 ebx=0x11223344", 1, "m32[0x2000]=0x11223344"),
            row("mov r32,r/m32 load", "8b18", "eax=0x2000 m32[0x2000]=0xcafef00d", 1, "ebx=0xcafef00d"),
            row("mov r8 load to AH", "8a20", "eax=0x2000 m8[0x2000]=0x5a", 1, "eax=0x5a00"),
            row("mov r16 store", "66891d 0020 0000", "ebx=0x1234abcd", 1, "m32[0x2000]=0xabcd"),
            row("mov disp32 absolute", "8b1d 00200000", "m32[0x2000]=99", 1, "ebx=99"),
            row("mov SIB base+index*4+disp8", "8b449810", "eax=0x1f00 ebx=0x40 m32[0x2010]=0x77", 1, "eax=0x77"),
            row("mov imm32 to r", "bf78563412", "", 1, "edi=0x12345678"),
            row("mov imm8 to BH", "b7ff", "ebx=0x12345678", 1, "ebx=0x1234ff78"),
            row("mov imm32 to r/m", "c705 00200000 efbeadde", "", 1, "m32[0x2000]=0xdeadbeef"),
            row("mov imm8 to r/m8", "c606 80", "esi=0x2000 m32[0x2000]=0x11111111", 1, "m32[0x2000]=0x11111180"),
            row("mov AH to AL", "88e0", "eax=0x1234", 1, "eax=0x1212"),
            row("mov across a page end", "8b00", "eax=0x2ffe m32[0x2ffc]=0x22110000 m16[0x3000]=0x4433", 1, "eax=0x44332211"),
            row("movzbl", "0fb6c3", "ebx=0x180", 1, "eax=0x80"),
            row("movsbl", "0fbec3", "ebx=0x80", 1, "eax=0xffffff80"),
            row("movzwl", "0fb7c3", "ebx=0x18000", 1, "eax=0x8000"),
            row("movswl", "0fbfc3", "ebx=0x8000", 1, "eax=0xffff8000"),
            row("movsbw keeps upper half", "660fbec3", "eax=0x12345678 ebx=0xff", 1, "eax=0x1234ffff"),
            row("movzbl from memory", "0fb606", "esi=0x2000 m8[0x2000]=0xf0", 1, "eax=0xf0"),
            row("lea", "8d449810", "eax=0x100 ebx=3", 1, "eax=0x11c"),
            row("lea no base", "8d0c45 00000000", "eax=0x80000001", 1, "ecx=2"),
            row("xchg r/m,r", "87d8", "eax=1 ebx=2", 1, "eax=2 ebx=1"),
            row("xchg eax,r", "91", "eax=1 ecx=2", 1, "eax=2 ecx=1"),
            row("xchg memory", "8706", "esi=0x2000 eax=5 m32[0x2000]=9", 1, "eax=9 m32[0x2000]=5"),
            row("cwtl", "98", "eax=0x8000", 1, "eax=0xffff8000"),
            row("cltd", "99", "eax=0x80000000", 1, "edx=0xffffffff"),
            row("cltd positive", "99", "eax=1 edx=5", 1, "edx=0"),
            // stack
            row("push r32", "53", "ebx=0xabcdef01", 1, "esp=0x8ffc m32[0x8ffc]=0xabcdef01"),
            row("pop r32", "5b", "esp=0x8ffc m32[0x8ffc]=7", 1, "ebx=7 esp=0x9000"),
            row("push esp pushes the old value", "54", "", 1, "esp=0x8ffc m32[0x8ffc]=0x9000"),
            row("push imm8 sign-extended", "6aff", "", 1, "m32[0x8ffc]=0xffffffff"),
            row("push imm32", "6878563412", "", 1, "m32[0x8ffc]=0x12345678"),
            row("push r/m32", "ff30", "eax=0x2000 m32[0x2000]=0x55", 1, "m32[0x8ffc]=0x55 esp=0x8ffc"),
            row("pop r/m32", "8f00", "eax=0x2000 esp=0x8ffc m32[0x8ffc]=0x66", 1, "m32[0x2000]=0x66 esp=0x9000"),
            row("push r16", "6653", "ebx=0x1234", 1, "esp=0x8ffe m16[0x8ffe]=0x1234"),
            row("leave", "c9", "ebp=0x8ff0 m32[0x8ff0]=0x1234", 1, "esp=0x8ff4 ebp=0x1234"),
            // control flow
            row("call rel32", "e8 10000000", "", 1, "eip=0x1015 esp=0x8ffc m32[0x8ffc]=0x1005"),
            row("call then ret", "e8 01000000 f4 c3", "", 2, "eip=0x1005 esp=0x9000"),
            row("ret imm16", "c2 0800", "esp=0x8ffc m32[0x8ffc]=0x3000", 1, "eip=0x3000 esp=0x9008"),
            row("call r/m32", "ffd0", "eax=0x4000", 1, "eip=0x4000 m32[0x8ffc]=0x1002"),
            row("call m32", "ff10", "eax=0x2000 m32[0x2000]=0x5000", 1, "eip=0x5000 m32[0x8ffc]=0x1002"),
            row("jmp rel8", "eb05", "", 1, "eip=0x1007"),
            row("jmp rel8 backwards", "ebfe", "", 3, "eip=0x1000"),
            row("jmp rel32", "e9 00100000", "", 1, "eip=0x2005"),
            row("jmp r/m32", "ffe0", "eax=0x3000", 1, "eip=0x3000"),
            row("jmp m32", "ff20", "eax=0x2000 m32[0x2000]=0x3456", 1, "eip=0x3456"),
            row("je taken", "31c0 7402", "", 2, "eip=0x1006"),
            row("je not taken", "85e4 7402", "esp=4", 2, "eip=0x1004"),
            row("jne rel32 taken", "0f85 00010000", "zf=0", 1, "eip=0x1106"),
            row("jl taken (SF != OF)", "39d8 7c10", "eax=1 ebx=2", 2, "eip=0x1014"),
            row("jl taken on overflow (min < 1)", "39d8 7c10", "eax=0x80000000 ebx=1", 2, "eip=0x1014"),
            row("jb/jae on carry", "39d8 7210", "eax=1 ebx=2", 2, "eip=0x1014"),
            row("jbe on zero", "39d8 7610", "eax=2 ebx=2", 2, "eip=0x1014"),
            row("ja not taken on zero", "39d8 7710", "eax=2 ebx=2", 2, "eip=0x1004"),
            row("jg", "39d8 7f10", "eax=3 ebx=2", 2, "eip=0x1014"),
            row("jle", "39d8 7e10", "eax=3 ebx=2", 2, "eip=0x1004"),
            row("js", "85c0 7810", "eax=0x80000000", 2, "eip=0x1014"),
            row("jp (parity even)", "85c0 7a10", "eax=3", 2, "eip=0x1014"),
            row("jo", "83c001 7010", "eax=0x7fffffff", 2, "eip=0x1015"),
            row("sete", "39d8 0f94c1", "eax=2 ebx=2 ecx=0xffffff00", 2, "ecx=0xffffff01"),
            row("setne to memory", "39d8 0f9506", "eax=2 ebx=2 esi=0x2000 m8[0x2000]=7", 2, "m8[0x2000]=0"),
            row("setg to AH", "39d8 0f9fc4", "eax=5 ebx=2", 2, "eax=0x105"),
            row("cmove taken", "31d2 0f44c3", "eax=1 ebx=2", 2, "eax=2"),
            row("cmovne not taken", "31d2 0f45c3", "eax=1 ebx=2", 2, "eax=1"),
            row("cmovb from memory", "39d8 0f4206", "eax=1 ebx=2 esi=0x2000 m32[0x2000]=0x99", 2, "eax=0x99"),
            // misc
            row("nop", "90", "", 1, "eip=0x1001"),
            row("nopl (0F 1F)", "0f1f440000", "", 1, "eip=0x1005"),
            row("xchg ax,ax (66 90)", "6690", "eax=0x12345678", 1, "eax=0x12345678 eip=0x1002"),
            row("cli/sti", "fb", "", 1, "if=1"),
            row("cld/std", "fd", "", 1, "df=1"),
            row("prefixes: lock and segment override", "f0 3e ff06", "esi=0x2000 m32[0x2000]=1", 1, "m32[0x2000]=2 eip=0x1004"),
            // flags instructions
            row("stc", "f9", "cf=0", 1, "cf=1"),
            row("clc", "f8", "cf=1 zf=1", 1, "cf=0 zf=1"),
            row("cmc", "f5", "cf=0", 1, "cf=1"),
            row("lahf", "9f", "sf=1 zf=0 cf=1 eax=0", 1, "eax=0x8300"),
            row("sahf", "9e", "eax=0xd500", 1, "sf=1 zf=1 af=1 pf=1 cf=1 of=0"),
            row("pushf", "9c", "cf=1", 1, "esp=0x8ffc m32[0x8ffc]=3"),
            row("popf", "9d", "esp=0x8ffc m32[0x8ffc]=0xcd7", 1, "cf=1 pf=1 af=1 zf=1 sf=1 of=1 df=1 esp=0x9000"),
            // MUL, IMUL (one operand), DIV, IDIV
            row("mul r32", "f7e3", "eax=0x80000000 ebx=4", 1, "eax=0 edx=2 cf=1 of=1"),
            row("mul r32 fits", "f7e3", "eax=3 ebx=4 edx=9", 1, "eax=12 edx=0 cf=0 of=0"),
            row("mul r8", "f6e3", "eax=0x10 ebx=0x10", 1, "eax=0x100 cf=1"),
            row("mul m16", "66f726", "esi=0x2000 m16[0x2000]=0x100 eax=0x100", 1, "eax=0 edx=1 cf=1"),
            row("imul r32 one operand", "f7eb", "eax=-2 ebx=3", 1, "eax=0xfffffffa edx=0xffffffff cf=0 of=0"),
            row("imul r8 one operand overflow", "f6eb", "eax=0x40 ebx=2", 1, "eax=0x80 cf=1 of=1"),
            row("div r32", "f7f3", "edx=0 eax=100 ebx=7", 1, "eax=14 edx=2"),
            row("div r32 wide dividend", "f7f3", "edx=1 eax=0 ebx=2", 1, "eax=0x80000000 edx=0"),
            row("div r8", "f6f3", "eax=0x0107 ebx=2", 1, "eax=0x0183"),
            row("idiv r32", "f7fb", "edx=0xffffffff eax=-7 ebx=2", 1, "eax=0xfffffffd edx=0xffffffff"),
            row("idiv r8", "f6fb", "eax=0xfff9 ebx=2", 1, "eax=0xfffd"),
            // string instructions: with REP every iteration retires on its own
            row("stosb", "aa", "eax=0x41 edi=0x2000", 1, "m8[0x2000]=0x41 edi=0x2001 eip=0x1001"),
            row("rep stosb", "f3aa", "eax=0x41 edi=0x2000 ecx=3", 3, "m32[0x2000]=0x414141 edi=0x2003 ecx=0 eip=0x1002"),
            row("rep stosb stays until done", "f3aa", "eax=0x41 edi=0x2000 ecx=3", 2, "ecx=1 eip=0x1000"),
            row("rep with ecx = 0", "f3aa", "eax=0x41 edi=0x2000 ecx=0", 1, "m8[0x2000]=0 eip=0x1002"),
            row("rep movsl", "f3a5", "esi=0x2000 edi=0x3000 ecx=2 m32[0x2000]=1 m32[0x2004]=2", 2,
                    "m32[0x3000]=1 m32[0x3004]=2 esi=0x2008 edi=0x3008 ecx=0"),
            row("std; lodsb goes down", "fd ac", "esi=0x2001 m8[0x2001]=0x77", 2, "eax=0x77 esi=0x2000"),
            row("lodsw", "66ad", "esi=0x2000 m16[0x2000]=0xbeef eax=0x12340000", 1, "eax=0x1234beef esi=0x2002"),
            row("repne scasb finds the NUL", "f2ae", "edi=0x2000 eax=0 ecx=10 m32[0x2000]=0x00414141", 4,
                    "edi=0x2004 ecx=6 zf=1 eip=0x1002"),
            row("repe cmpsb stops at a difference", "f3a6", "esi=0x2000 edi=0x3000 ecx=4 m32[0x2000]=0x44334241 m32[0x3000]=0x44335241", 2,
                    "ecx=2 zf=0 cf=1 esi=0x2002 edi=0x3002 eip=0x1002"),
            row("cmpxchg equal", "0fb10e", "esi=0x2000 m32[0x2000]=5 eax=5 ecx=9", 1, "m32[0x2000]=9 eax=5 zf=1"),
            row("cmpxchg differs", "0fb10e", "esi=0x2000 m32[0x2000]=6 eax=5 ecx=9", 1, "m32[0x2000]=6 eax=6 zf=0 cf=1"),
            row("cmpxchg r8", "0fb0cb", "eax=0x12 ebx=0x12 ecx=0x34", 1, "ebx=0x34 zf=1"),
            row("xadd", "0fc1c3", "eax=2 ebx=5", 1, "eax=5 ebx=7 cf=0"),
            row("lock xadd memory", "f00fc106", "esi=0x2000 m32[0x2000]=0xffffffff eax=1", 1, "m32[0x2000]=0 eax=0xffffffff cf=1 zf=1"),
            row("mov moffs load", "a1 00200000", "m32[0x2000]=0xabcd", 1, "eax=0xabcd eip=0x1005"),
            row("mov moffs store AL", "a2 00200000", "eax=0x1234", 1, "m8[0x2000]=0x34"),
            row("loop taken", "e2fe", "ecx=3", 1, "ecx=2 eip=0x1000"),
            row("loop falls through at zero", "e2fe", "ecx=3", 3, "ecx=0 eip=0x1002"),
            row("loope stops on ZF = 0", "e1fe", "ecx=5 zf=0", 1, "ecx=4 eip=0x1002"),
            row("loopne runs while ZF = 0", "e0fe", "ecx=5 zf=0", 1, "ecx=4 eip=0x1000"),
            row("jecxz", "e310", "ecx=0", 1, "eip=0x1012"),
            row("rcl through carry", "d1d0", "eax=0x80000000 cf=1", 1, "eax=1 cf=1 of=1"),
            row("rcr by 9 on a byte", "c0d809", "eax=0x01 cf=0", 1, "eax=0x01 cf=0"),
            row("bt register", "0fa3c3", "ebx=4 eax=2", 1, "cf=1 ebx=4"),
            row("bts register offset wraps", "0fabc3", "ebx=0 eax=33", 1, "ebx=2 cf=0"),
            row("bt memory with a far register offset", "0fa306", "esi=0x2000 eax=40 m32[0x2004]=0x100", 1, "cf=1"),
            row("btr memory negative offset", "0fb306", "esi=0x2004 eax=-32 m32[0x2000]=0xff", 1, "m32[0x2000]=0xfe cf=1"),
            row("btc imm8 wraps to the operand", "0fbaf8 21", "eax=0", 1, "eax=2 cf=0"),
            row("bsf", "0fbcc3", "ebx=0x80 eax=0", 1, "eax=7 zf=0"),
            row("bsr", "0fbdc3", "ebx=0x80000001", 1, "eax=31 zf=0"),
            row("bsf of zero keeps the destination", "0fbcc3", "ebx=0 eax=0x55", 1, "eax=0x55 zf=1"),
            row("cpuid vendor", "0fa2", "eax=0", 1, "eax=1 ebx=0x796c6f50 edx=0x6f736976 ecx=0x214d5672"),
            row("cpuid features", "0fa2", "eax=1", 1, "eax=0x600 edx=0x782a979 ecx=0xc00000"),
            row("cpuid extended features", "0fa2", "eax=0x80000001", 1, "edx=0x100000"),
            row("cpuid address sizes", "0fa2", "eax=0x80000008", 1, "eax=0x3028"),
            row("bswap", "0fc8", "eax=0x11223344", 1, "eax=0x44332211"),
            row("hello's checksum step", "89c5 c1e005 29e8", "eax=0x12345678", 3, "eax=0x34567888")
        );
    }

    private static Arguments row(String name, String code, String before, int steps, String after) {
        return Arguments.of(name, code, before, steps, after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void executes(String name, String code, String before, int steps, String after) {
        try (Machine m = new Machine(new X86IsaProvider(), code)) {
            m.set(before);
            VcpuExit exit = m.cpu.run(steps);
            assertSame(VcpuExit.BUDGET_SPENT, exit, "x86 " + name + ": exit " + exit);
            assertEquals(steps, m.cpu.retired(), "x86 " + name + ": retired");
            m.expect(name, after);
        }
    }
}
