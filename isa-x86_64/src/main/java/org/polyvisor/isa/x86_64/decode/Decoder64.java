package org.polyvisor.isa.x86_64.decode;

import static org.polyvisor.isa.x86.decode.Entry.*;
import static org.polyvisor.isa.x86.decode.Operand.*;

import org.polyvisor.isa.x86.decode.Decoder;
import org.polyvisor.isa.x86.decode.Entry;
import org.polyvisor.isa.x86.decode.Op;
import org.polyvisor.isa.x86.decode.OpcodeMaps;

/**
 * The IA-32 decoder in 64-bit mode (IA-32e, CS.L = 1): the base decoder does REX, 64-bit addressing and
 * RIP-relative operands when {@code longMode} is on; this class patches the cells of the opcode maps that long
 * mode changes (SDM Vol. 2, Appendix A: the "i64"/"o64" marks). {@code setCodeSize(2 or 4)} switches it to the
 * IA-32 maps for real, protected and compatibility-mode code of the same vCPU.
 */
public final class Decoder64 extends Decoder {
    private static final OpcodeMaps LONG_MODE = patch(OpcodeMaps.ia32().copy());

    public Decoder64() { super(LONG_MODE, true); }

    private static final Entry SWAPGS = Entry.of(Op.SWAPGS, "swapgs", NONE, NONE, V, IMM_NONE, 0);

    /** SWAPGS (0F 01 F8) exists only in 64-bit mode (not in compatibility mode). */
    @Override
    protected Entry registerForm01(int modrm) {
        return modrm == 0xF8 && longMode ? SWAPGS : super.registerForm01(modrm);
    }

    private static OpcodeMaps patch(OpcodeMaps m) {
        Entry[] o = m.oneByte, t = m.twoByte;
        for (int b = 0x40; b <= 0x4F; b++) o[b] = UNDEFINED;   // REX prefixes, taken before the map is read
        o[0x82] = UNDEFINED;                                   // i64
        o[0xCE] = UNDEFINED;                                   // INTO: i64
        for (int b : new int[] {0x06, 0x07, 0x0E, 0x16, 0x17, 0x1E, 0x1F}) o[b] = UNDEFINED;  // PUSH/POP ES CS SS DS: i64
        for (int b : new int[] {0x27, 0x2F, 0x37, 0x3F, 0xD4, 0xD5, 0x9A, 0xEA}) o[b] = UNDEFINED;        // DAA DAS AAA AAS AAM AAD, far ptr: i64
        for (int b : new int[] {0x60, 0x61, 0x62}) o[b] = UNDEFINED;                      // PUSHA POPA: i64; 62 is EVEX
        o[0xC4] = UNDEFINED;                                   // LES, LDS: i64 (C4/C5 are VEX)
        o[0xC5] = UNDEFINED;
        o[0x63] = Entry.of(Op.MOVSXD, "movs", G, E, V, IMM_NONE, SRC_D | ALWAYS_SUFFIX);
        t[0x05] = Entry.of(Op.SYSCALL, "syscall", NONE, NONE, V, IMM_NONE, 0);
        t[0x07] = Entry.of(Op.SYSRET, "sysret", NONE, NONE, V, IMM_NONE, 0);
        return m;
    }
}
