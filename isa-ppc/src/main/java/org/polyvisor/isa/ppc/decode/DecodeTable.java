package org.polyvisor.isa.ppc.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * The decode structure built once from {@link PpcPatterns}: candidates by primary opcode and, for the primaries
 * that have them (19, 31, 59, 63), by the 10-bit extended opcode in bits 21-30; for AltiVec's primary 4 by bits
 * 21-31. XO-form patterns, whose extended
 * opcode is 9 bits wide, land in both slots their free OE bit allows. A lookup then tests a handful of
 * mask/match pairs at most. Immutable and shared by every vCPU and the disassembler.
 */
public final class DecodeTable {
    private static final Pattern[] NONE = new Pattern[0];
    private static final DecodeTable INSTANCE = new DecodeTable(PpcPatterns.all());

    private final Pattern[][] byPrimary = new Pattern[64][];
    private final Pattern[][][] byExtended = new Pattern[64][][];

    public DecodeTable(List<Pattern> patterns) {
        List<List<Pattern>> primary = new ArrayList<>();
        for (int i = 0; i < 64; i++) primary.add(new ArrayList<>());
        for (Pattern p : patterns) primary.get(p.primary()).add(p);
        for (int op = 0; op < 64; op++) {
            List<Pattern> list = primary.get(op);
            byPrimary[op] = list.toArray(NONE);
            if (op == 19 || op == 31 || op == 59 || op == 63) byExtended[op] = byExtendedOpcode(list);
            if (op == 4) byExtended[op] = byVectorOpcode(list);
        }
    }

    /** The table of every pattern in {@link PpcPatterns}. */
    public static DecodeTable standard() { return INSTANCE; }

    private static Pattern[][] byExtendedOpcode(List<Pattern> list) {
        Pattern[][] out = new Pattern[1024][];
        for (int xo = 0; xo < 1024; xo++) {
            List<Pattern> slot = new ArrayList<>();
            int bits = xo << 1;
            for (Pattern p : list) if ((bits & p.mask() & 0x7fe) == (p.match() & 0x7fe)) slot.add(p);
            out[xo] = slot.toArray(NONE);
        }
        return out;
    }

    /** Primary 4 (AltiVec): slots by bits 21-31, which hold the VX opcode, the VC opcode with Rc, or the VA opcode. */
    private static Pattern[][] byVectorOpcode(List<Pattern> list) {
        Pattern[][] out = new Pattern[2048][];
        for (int xo = 0; xo < 2048; xo++) {
            List<Pattern> slot = new ArrayList<>();
            for (Pattern p : list) if ((xo & p.mask() & 0x7ff) == (p.match() & 0x7ff)) slot.add(p);
            out[xo] = slot.toArray(NONE);
        }
        return out;
    }

    private static int slot(int op, int word) { return op == 4 ? word & 0x7ff : (word >>> 1) & 0x3ff; }

    /** The first pattern that matches {@code word}, or null when the word is no instruction this backend knows. */
    public Pattern lookup(int word) {
        int op = word >>> 26;
        Pattern[][] ext = byExtended[op];
        Pattern[] candidates = ext != null ? ext[slot(op, word)] : byPrimary[op];
        for (Pattern p : candidates) if (p.matches(word)) return p;
        return null;
    }

    /**
     * The first pattern whose mask and match fit {@code word} even though its {@link Validity} rejects the word
     * (an invalid form), or null. The disassembler prints some invalid forms under their POWER names, as objdump does.
     */
    public Pattern lookupInvalidForm(int word) {
        int op = word >>> 26;
        Pattern[][] ext = byExtended[op];
        Pattern[] candidates = ext != null ? ext[slot(op, word)] : byPrimary[op];
        for (Pattern p : candidates) if ((word & p.mask()) == p.match()) return p;
        return null;
    }

    /** The decoded instruction, or null for an undefined encoding. */
    public Insn decode(int word) {
        Pattern p = lookup(word);
        return p == null ? null : new Insn(p.op(), word);
    }
}
