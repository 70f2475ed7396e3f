package org.polyvisor.isa.ppc.decode;

/**
 * One decoded instruction with its fields extracted once, so the interpreter reads fields instead of shifting
 * bits on every execution. Fields that a form does not use hold whatever those bits encode; the form says which
 * ones are meaningful. Immutable; cached per guest page.
 */
public final class Insn {
    public final Op op;
    public final Unit unit;
    public final int word;
    /** Bits 6-10: RT, RS, BO, BT; for compares BF is {@code rt >>> 2} and L is {@code rt & 1}. */
    public final int rt;
    /** Bits 11-15: RA, BI, BA; for mcrf BFA is {@code ra >>> 2}. */
    public final int ra;
    /** Bits 16-20: RB, SH, BB. */
    public final int rb;
    /** Bits 21-25 and 26-30: MB and ME of the M form. */
    public final int mb, me;
    /** Bit 31: record (Rc), link (LK), or lwarx's EH hint. */
    public final boolean rc;
    /** Bit 21: overflow enable of the XO form. */
    public final boolean oe;
    /** Bit 30: absolute address (AA) of I and B forms. */
    public final boolean aa;
    /** SI sign-extended, or the I/B-form displacement sign-extended (a byte offset). */
    public final long simm;
    /** UI zero-extended. */
    public final long uimm;
    /** The 64-bit rotate mask MASK(MB+32, ME+32) of the M form. */
    public final long mask;
    /** SPR number of mfspr/mtspr (the two halves of the field swapped back). */
    public final int spr;

    public Insn(Op op, int word) {
        this.op = op;
        this.unit = op.unit();
        this.word = word;
        this.rt = (word >>> 21) & 31;
        this.ra = (word >>> 16) & 31;
        this.rb = (word >>> 11) & 31;
        this.mb = (word >>> 6) & 31;
        this.me = (word >>> 1) & 31;
        this.rc = (word & 1) != 0;
        this.oe = (word & 0x400) != 0;
        this.aa = (word & 2) != 0;
        this.uimm = word & 0xffffL;
        this.simm = switch (op) {
            case B -> ((long) (word << 6) >> 6) & ~3L;
            case BC -> (short) (word & 0xfffc);
            default -> (short) word;
        };
        this.mask = rotateMask(mb + 32, me + 32);
        this.spr = ra | rb << 5;
    }

    /** MASK(begin, end) of the Power ISA: ones from bit begin to bit end (bit 0 is the MSB), wrapping if begin > end. */
    static long rotateMask(int begin, int end) {
        long fromBegin = -1L >>> begin;
        long toEnd = -1L << (63 - end);
        return begin <= end ? fromBegin & toEnd : fromBegin | toEnd;
    }
}
