package org.polyvisor.isa.x86.decode;

import static org.polyvisor.isa.x86.decode.Entry.IMM_BU;
import static org.polyvisor.isa.x86.decode.Entry.IMM_NONE;
import static org.polyvisor.isa.x86.decode.Entry.SIMD;
import static org.polyvisor.isa.x86.decode.Entry.UNDEFINED;
import static org.polyvisor.isa.x86.decode.Entry.V;

/**
 * The SSE and SSE2 cells of the 0F opcode map (SDM Vol. 2, Tables ): for each second opcode byte four
 * entries, selected by the mandatory prefix (none, 66, F3, F2). Written as one text row per opcode, in the SDM's
 * operand letters (V: XMM in ModRM.reg, W: XMM or memory in ModRM.rm, U: XMM register in ModRM.rm, E/G: general
 * registers, M: memory only) with "b" for an 8-bit immediate. The MMX forms (no prefix, 60-7F and D0-FF; "MMX" cells)
 * carry the operation of the SSE2 form of the same name and the {@link Entry#MMX} flag.
 */
public final class SseMaps {
    private SseMaps() { }

    /** Index of the mandatory prefix in a row: none, 66, F3, F2. */
    public static final int NONE = 0, P66 = 1, PF3 = 2, PF2 = 3;

    /** Rows by second opcode byte; null where the 0F map has no SSE cell. */
    static final Entry[][] ROWS = new Entry[256][];

    private static final String[] TABLE = {
            "10 MOVUPS movups V W | MOVUPS movupd V W | MOVSS movss V W | MOVSD_X movsd V W",
            "11 MOVUPS movups W V | MOVUPS movupd W V | MOVSS movss W V | MOVSD_X movsd W V",
            "12 MOVLPS movlps V M | MOVLPS movlpd V M | - | -",
            "13 MOVLPS movlps M V | MOVLPS movlpd M V | - | -",
            "14 UNPCKLPS unpcklps V W | UNPCKLPD unpcklpd V W | - | -",
            "15 UNPCKHPS unpckhps V W | UNPCKHPD unpckhpd V W | - | -",
            "16 MOVHPS movhps V M | MOVHPS movhpd V M | - | -",
            "17 MOVHPS movhps M V | MOVHPS movhpd M V | - | -",
            "28 MOVAPS movaps V W | MOVAPS movapd V W | - | -",
            "29 MOVAPS movaps W V | MOVAPS movapd W V | - | -",
            "2A - | - | CVTSI2SS cvtsi2ss V E | CVTSI2SD cvtsi2sd V E",
            "2B MOVNT movntps M V | MOVNT movntpd M V | - | -",
            "2C - | - | CVTTSS2SI cvttss2si G W | CVTTSD2SI cvttsd2si G W",
            "2D - | - | CVTSS2SI cvtss2si G W | CVTSD2SI cvtsd2si G W",
            "2E UCOMISS ucomiss V W | UCOMISD ucomisd V W | - | -",
            "2F COMISS comiss V W | COMISD comisd V W | - | -",
            "50 MOVMSKPS movmskps G U | MOVMSKPD movmskpd G U | - | -",
            "51 SQRTPS sqrtps V W | SQRTPD sqrtpd V W | SQRTSS sqrtss V W | SQRTSD sqrtsd V W",
            "54 ANDPS andps V W | ANDPS andpd V W | - | -",
            "55 ANDNPS andnps V W | ANDNPS andnpd V W | - | -",
            "56 ORPS orps V W | ORPS orpd V W | - | -",
            "57 XORPS xorps V W | XORPS xorpd V W | - | -",
            "58 ADDPS addps V W | ADDPD addpd V W | ADDSS addss V W | ADDSD addsd V W",
            "59 MULPS mulps V W | MULPD mulpd V W | MULSS mulss V W | MULSD mulsd V W",
            "5A CVTPS2PD cvtps2pd V W | CVTPD2PS cvtpd2ps V W | CVTSS2SD cvtss2sd V W | CVTSD2SS cvtsd2ss V W",
            "5B CVTDQ2PS cvtdq2ps V W | CVTPS2DQ cvtps2dq V W | CVTTPS2DQ cvttps2dq V W | -",
            "5C SUBPS subps V W | SUBPD subpd V W | SUBSS subss V W | SUBSD subsd V W",
            "5D MINPS minps V W | MINPD minpd V W | MINSS minss V W | MINSD minsd V W",
            "5E DIVPS divps V W | DIVPD divpd V W | DIVSS divss V W | DIVSD divsd V W",
            "5F MAXPS maxps V W | MAXPD maxpd V W | MAXSS maxss V W | MAXSD maxsd V W",
            "60 MMX punpcklbw P Q | PUNPCKLBW punpcklbw V W | - | -",
            "61 MMX punpcklwd P Q | PUNPCKLWD punpcklwd V W | - | -",
            "62 MMX punpckldq P Q | PUNPCKLDQ punpckldq V W | - | -",
            "63 MMX packsswb P Q | PACKSSWB packsswb V W | - | -",
            "64 MMX pcmpgtb P Q | PCMPGTB pcmpgtb V W | - | -",
            "65 MMX pcmpgtw P Q | PCMPGTW pcmpgtw V W | - | -",
            "66 MMX pcmpgtd P Q | PCMPGTD pcmpgtd V W | - | -",
            "67 MMX packuswb P Q | PACKUSWB packuswb V W | - | -",
            "68 MMX punpckhbw P Q | PUNPCKHBW punpckhbw V W | - | -",
            "69 MMX punpckhwd P Q | PUNPCKHWD punpckhwd V W | - | -",
            "6A MMX punpckhdq P Q | PUNPCKHDQ punpckhdq V W | - | -",
            "6B MMX packssdw P Q | PACKSSDW packssdw V W | - | -",
            "6C - | PUNPCKLQDQ punpcklqdq V W | - | -",
            "6D - | PUNPCKHQDQ punpckhqdq V W | - | -",
            "6E MMX movd P E | MOVD movd V E | - | -",
            "6F MMX movq P Q | MOVAPS movdqa V W | MOVDQU movdqu V W | -",
            "70 MMX pshufw P Q b | PSHUFD pshufd V W b | PSHUFHW pshufhw V W b | PSHUFLW pshuflw V W b",
            "74 MMX pcmpeqb P Q | PCMPEQB pcmpeqb V W | - | -",
            "75 MMX pcmpeqw P Q | PCMPEQW pcmpeqw V W | - | -",
            "76 MMX pcmpeqd P Q | PCMPEQD pcmpeqd V W | - | -",
            "7E MMX movd E P | MOVD_STORE movd E V | MOVQ_LOAD movq V W | -",
            "7F MMX movq Q P | MOVAPS movdqa W V | MOVDQU movdqu W V | -",
            "C2 CMPPS cmpps V W b | CMPPD cmppd V W b | CMPSS cmpss V W b | CMPSD_X cmpsd V W b",
            "C3 MOVNTI movnti M G | - | - | -",
            "C4 MMX pinsrw P E b | PINSRW pinsrw V E b | - | -",
            "C5 MMX pextrw G N b | PEXTRW pextrw G U b | - | -",
            "C6 SHUFPS shufps V W b | SHUFPD shufpd V W b | - | -",
            "D1 MMX psrlw P Q | PSRLW psrlw V W | - | -",
            "D2 MMX psrld P Q | PSRLD psrld V W | - | -",
            "D3 MMX psrlq P Q | PSRLQ psrlq V W | - | -",
            "D4 MMX paddq P Q | PADDQ paddq V W | - | -",
            "D5 MMX pmullw P Q | PMULLW pmullw V W | - | -",
            "D6 - | MOVQ_STORE movq W V | - | -",
            "D7 MMX pmovmskb G N | PMOVMSKB pmovmskb G U | - | -",
            "D8 MMX psubusb P Q | PSUBUSB psubusb V W | - | -",
            "D9 MMX psubusw P Q | PSUBUSW psubusw V W | - | -",
            "DA MMX pminub P Q | PMINUB pminub V W | - | -",
            "DB MMX pand P Q | PAND pand V W | - | -",
            "DC MMX paddusb P Q | PADDUSB paddusb V W | - | -",
            "DD MMX paddusw P Q | PADDUSW paddusw V W | - | -",
            "DE MMX pmaxub P Q | PMAXUB pmaxub V W | - | -",
            "DF MMX pandn P Q | PANDN pandn V W | - | -",
            "E0 MMX pavgb P Q | PAVGB pavgb V W | - | -",
            "E1 MMX psraw P Q | PSRAW psraw V W | - | -",
            "E2 MMX psrad P Q | PSRAD psrad V W | - | -",
            "E3 MMX pavgw P Q | PAVGW pavgw V W | - | -",
            "E4 MMX pmulhuw P Q | PMULHUW pmulhuw V W | - | -",
            "E5 MMX pmulhw P Q | PMULHW pmulhw V W | - | -",
            "E6 - | CVTTPD2DQ cvttpd2dq V W | CVTDQ2PD cvtdq2pd V W | CVTPD2DQ cvtpd2dq V W",
            "E7 MMX movntq M P | MOVNT movntdq M V | - | -",
            "E8 MMX psubsb P Q | PSUBSB psubsb V W | - | -",
            "E9 MMX psubsw P Q | PSUBSW psubsw V W | - | -",
            "EA MMX pminsw P Q | PMINSW pminsw V W | - | -",
            "EB MMX por P Q | POR por V W | - | -",
            "EC MMX paddsb P Q | PADDSB paddsb V W | - | -",
            "ED MMX paddsw P Q | PADDSW paddsw V W | - | -",
            "EE MMX pmaxsw P Q | PMAXSW pmaxsw V W | - | -",
            "EF MMX pxor P Q | PXOR pxor V W | - | -",
            "F1 MMX psllw P Q | PSLLW psllw V W | - | -",
            "F2 MMX pslld P Q | PSLLD pslld V W | - | -",
            "F3 MMX psllq P Q | PSLLQ psllq V W | - | -",
            "F4 MMX pmuludq P Q | PMULUDQ pmuludq V W | - | -",
            "F5 MMX pmaddwd P Q | PMADDWD pmaddwd V W | - | -",
            "F6 MMX psadbw P Q | PSADBW psadbw V W | - | -",
            "F7 MMX maskmovq P N | - | - | -",
            "F8 MMX psubb P Q | PSUBB psubb V W | - | -",
            "F9 MMX psubw P Q | PSUBW psubw V W | - | -",
            "FA MMX psubd P Q | PSUBD psubd V W | - | -",
            "FB MMX psubq P Q | PSUBQ psubq V W | - | -",
            "FC MMX paddb P Q | PADDB paddb V W | - | -",
            "FD MMX paddw P Q | PADDW paddw V W | - | -",
            "FE MMX paddd P Q | PADDD paddd V W | - | -",
    };

    /** EMMS (0F 77): no operands, no ModRM. */
    static final Entry EMMS = Entry.of(Op.EMMS, "emms", Operand.NONE, Operand.NONE, V, IMM_NONE, Entry.MMX);

    /** MOVHLPS and MOVLHPS: the register forms of 0F 12 and 0F 16 without a prefix. */
    private static final Entry MOVHLPS = cell("MOVHLPS movhlps V U"), MOVLHPS = cell("MOVLHPS movlhps V U");
    /** The register forms of 0F AE (group 15) by ModRM.reg: LFENCE, MFENCE, SFENCE. */
    private static final Entry[] FENCES = new Entry[8];

    static {
        for (String row : TABLE) {
            int b = Integer.parseInt(row.substring(0, 2), 16);
            String[] cells = row.substring(3).split("\\|");
            Entry[] r = new Entry[4];
            for (int p = 0; p < 4; p++) r[p] = cell(cells[p].trim());
            ROWS[b] = r;
        }
        ROWS[0x71] = shiftGroup("PSRLW psrlw", "PSRAW psraw", "PSLLW psllw", null, null);
        ROWS[0x72] = shiftGroup("PSRLD psrld", "PSRAD psrad", "PSLLD pslld", null, null);
        ROWS[0x73] = shiftGroup("PSRLQ psrlq", null, "PSLLQ psllq", "PSRLDQ psrldq", "PSLLDQ pslldq");
        ROWS[0x71][NONE] = mmxShiftGroup("psrlw", "psraw", "psllw");
        ROWS[0x72][NONE] = mmxShiftGroup("psrld", "psrad", "pslld");
        ROWS[0x73][NONE] = mmxShiftGroup("psrlq", null, "psllq");
        ROWS[0x77] = new Entry[] {EMMS, UNDEFINED, UNDEFINED, UNDEFINED};
        Entry[] g15 = {cell("FXSAVE fxsave - M"), cell("FXRSTOR fxrstor M -"), cell("LDMXCSR ldmxcsr M -"),
                cell("STMXCSR stmxcsr - M"), cell("XSAVE xsave - M"), cell("XSAVE xrstor M -"), cell("XSAVE xsaveopt - M"),
                cell("CLFLUSH clflush M -")};
        ROWS[0xAE] = new Entry[] {Entry.group(g15), UNDEFINED, UNDEFINED, UNDEFINED};
        java.util.Arrays.fill(FENCES, UNDEFINED);
        FENCES[5] = cell("FENCE lfence - -");
        FENCES[6] = cell("FENCE mfence - -");
        FENCES[7] = cell("FENCE sfence - -");
        Entry[] prefetch = {cell("PREFETCH prefetchnta M -"), cell("PREFETCH prefetcht0 M -"), cell("PREFETCH prefetcht1 M -"),
                cell("PREFETCH prefetcht2 M -"), OpcodeMaps.HINT_NOP, OpcodeMaps.HINT_NOP, OpcodeMaps.HINT_NOP, OpcodeMaps.HINT_NOP};
        Entry p = Entry.group(prefetch);
        ROWS[0x18] = new Entry[] {p, p, p, p};
    }

    /** "OP mnemonic DST SRC [b]" or "-". */
    private static Entry cell(String text) {
        if (text.equals("-")) return UNDEFINED;
        String[] f = text.split(" ");
        int dst = letter(f[2]), src = letter(f[3]);
        int imm = f.length > 4 ? IMM_BU : IMM_NONE;
        boolean mmx = f[0].equals("MMX");
        Op op = mmx ? mmxOp(f[1], dst) : Op.valueOf(f[0]);
        int srcD = f[1].equals("pinsrw") ? Entry.SRC_D : 0;  // its general register is 32 bits whatever REX.W says
        return Entry.of(op, f[1], dst, src, V, imm, (mmx ? Entry.MMX : SIMD) | Entry.MODRM | srcD);
    }

    /**
     * The operation of an MMX cell ({@code MmxInstructions} runs it on 64-bit operands): the SSE2 operation of the same
     * name, the MOVD/MOVQ direction by the destination, MOVNTQ as MOVNT.
     */
    private static Op mmxOp(String mnemonic, int dst) {
        return switch (mnemonic) {
            case "movd" -> dst == Operand.P_MMX ? Op.MOVD : Op.MOVD_STORE;
            case "movq" -> dst == Operand.P_MMX ? Op.MOVQ_LOAD : Op.MOVQ_STORE;
            case "movntq" -> Op.MOVNT;
            case "pshufw" -> Op.PSHUFW;
            case "maskmovq" -> Op.MASKMOVQ;
            default -> Op.valueOf(mnemonic.toUpperCase(java.util.Locale.ROOT));
        };
    }

    private static int letter(String l) {
        return switch (l) {
            case "V" -> Operand.V_XMM;
            case "W" -> Operand.W_XMM;
            case "U" -> Operand.U_XMM;
            case "E" -> Operand.E;
            case "G" -> Operand.G;
            case "M" -> Operand.M;
            case "P" -> Operand.P_MMX;
            case "Q" -> Operand.Q_MMX;
            case "N" -> Operand.N_MMX;
            default -> Operand.NONE;
        };
    }

    /** Groups 12-14 (0F 71-73) with 66: shifts of an XMM register by an immediate, by ModRM.reg 2, 4, 6 (3, 7). */
    private static Entry[] shiftGroup(String r2, String r4, String r6, String r3, String r7) {
        Entry[] g = new Entry[8];
        java.util.Arrays.fill(g, UNDEFINED);
        if (r2 != null) g[2] = cell(r2 + " U - b");
        if (r4 != null) g[4] = cell(r4 + " U - b");
        if (r6 != null) g[6] = cell(r6 + " U - b");
        if (r3 != null) g[3] = cell(r3 + " U - b");
        if (r7 != null) g[7] = cell(r7 + " U - b");
        return new Entry[] {UNDEFINED, Entry.group(g), UNDEFINED, UNDEFINED};
    }

    /** Groups 12-14 without a prefix: the MMX shifts by an immediate, by ModRM.reg 2, 4, 6. */
    private static Entry mmxShiftGroup(String r2, String r4, String r6) {
        Entry[] g = new Entry[8];
        java.util.Arrays.fill(g, UNDEFINED);
        g[2] = cell("MMX " + r2 + " N - b");
        if (r4 != null) g[4] = cell("MMX " + r4 + " N - b");
        g[6] = cell("MMX " + r6 + " N - b");
        return Entry.group(g);
    }

    /** The register form (ModRM.mod = 3) of a cell that has one of its own, or null. */
    static Entry registerForm(int opcode, int prefix, int modrm) {
        if (prefix == NONE && opcode == 0x12) return MOVHLPS;
        if (prefix == NONE && opcode == 0x16) return MOVLHPS;
        if (opcode == 0xAE) return prefix == NONE ? FENCES[(modrm >>> 3) & 7] : UNDEFINED;
        if (opcode == 0x18) return OpcodeMaps.HINT_NOP;  // the register forms of 0F 18 are hint NOPs
        return null;
    }
}
