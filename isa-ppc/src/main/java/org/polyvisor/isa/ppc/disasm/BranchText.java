package org.polyvisor.isa.ppc.disasm;

import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.decode.Op;

/**
 * Conditional branches as objdump prints them: the extended mnemonics of the Power ISA (Book I appendix,
 * "Branch Mnemonics") where one applies, the bare bc/bclr/bcctr with BO and BI otherwise, hint suffixes from
 * the "at" bits, and {@code .long} for BO values objdump calls invalid. Returns null for those.
 */
final class BranchText {
    private static final String[] TRUE_NAME = {"lt", "gt", "eq", "so"};
    private static final String[] FALSE_NAME = {"ge", "le", "ne", "ns"};
    /** BO values that objdump accepts in the bare form (the others are reserved encodings). */
    private static final int VALID_BARE = bits(0, 2, 4, 6, 7, 8, 10, 12, 14, 15, 16, 18, 20, 24, 25, 26, 27);

    private BranchText() { }

    private static int bits(int... values) {
        int m = 0;
        for (int v : values) m |= 1 << v;
        return m;
    }

    /** The text after the address column's tab for bc, bclr or bcctr, or null to print {@code .long}. */
    static String format(Insn i, long address) {
        int bo = i.rt, bi = i.ra;
        boolean cond = i.op == Op.BC, toLr = i.op == Op.BCLR;
        String suffix = (toLr ? "lr" : cond ? "" : "ctr") + (i.rc ? "l" : "") + (cond && i.aa ? "a" : "");
        int bh = cond ? 0 : (i.word >>> 11) & 3;
        // bclr/bcctr show a non-zero BH hint as a last operand, where bc has its target.
        String target = cond ? (i.aa ? Operands.absolute(i.simm) : Operands.relative(address, i.simm))
                : bh != 0 ? Integer.toString(bh) : null;
        switch (bo & 0x14) {
            case 0x04 -> { // branch on a CR bit only: blt, bne, ...
                String name = ((bo & 0x08) != 0 ? TRUE_NAME : FALSE_NAME)[bi & 3];
                int at = bo & 3;
                String hint = at == 2 ? "-" : at == 3 || (at == 1 && !cond) ? "+" : "";
                String field = bi >= 4 || bh != 0 ? Operands.crField(bi >>> 2) : null;
                return insn("b" + name + suffix + hint, join(field, target));
            }
            case 0x00 -> { // decrement CTR and test a CR bit: bdnzf, bdzt, ...
                if (i.op == Op.BCCTR) break;
                String name = "bd" + ((bo & 0x02) != 0 ? "z" : "nz") + ((bo & 0x08) != 0 ? "t" : "f");
                String hint = !cond && (bo & 1) != 0 ? "+" : "";
                return insn(name + suffix + hint, join(Operands.crBit(bi), target));
            }
            case 0x10 -> { // decrement CTR only: bdnz, bdz
                if (i.op == Op.BCCTR || bi != 0) break;
                String name = (bo & 0x02) != 0 ? "bdz" : "bdnz";
                boolean a = (bo & 0x08) != 0, t = (bo & 1) != 0;
                String hint = a ? (t ? "+" : "-") : (t && !cond ? "+" : "");
                return insn(name + suffix + hint, target);
            }
            default -> { // 0x14: branch always
                if (bo == 20 && bi == 0 && !cond) return insn("b" + suffix, target);
            }
        }
        if ((VALID_BARE & (1 << bo)) == 0) return null;
        String hint = switch (bo) {
            case 6, 14, 24, 26 -> "-";
            case 7, 15, 25, 27 -> "+";
            default -> "";
        };
        return insn(i.op.mnemonic() + (i.rc ? "l" : "") + (cond && i.aa ? "a" : "") + hint,
                join(join(Integer.toString(bo), Operands.crBit(bi)), target));
    }

    private static String join(String a, String b) {
        if (a == null) return b;
        return b == null ? a : a + "," + b;
    }

    static String insn(String mnemonic, String operands) {
        return operands == null ? mnemonic : String.format("%-7s %s", mnemonic, operands);
    }
}
