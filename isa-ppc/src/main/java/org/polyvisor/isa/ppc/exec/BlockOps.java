package org.polyvisor.isa.ppc.exec;

import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.decode.Op;

/**
 * The packed form {@link BlockRunner} executes: one {@code long} per instruction holding a dense operation code and
 * the fields its fast case reads, so the run loop reads one array element and does no second dispatch.
 * <p>Layout: bits 0-7 the code, 8-12 RT (RS, BO), 13-17 RA (BI), 18-22 RB (SH), bit 23 Rc or LK, bit 24 AA, bits
 * 25-27 the compare's form ({@link #SIGNED}, {@link #IMMEDIATE}, {@link #FUSED}), a fused lwz or lwzx ({@link #FUSED})
 * or the carrying form ({@link #INVERT_A}, {@link #CARRY_ONE}, {@link #CARRY_CA}), and bits 32-63 a 32-bit immediate:
 * SI or the branch displacement sign-extended (read as {@code op >> 32}), UI (shifted for the "s" forms) or the low
 * word of the rotate mask zero-extended (read as {@code op >>> 32}). The run loop unpacks the fields in place
 * ({@link BlockRunner}); the accessors here serve the decoder.
 * <p>Codes are specialised when the block is decoded: addi with RA = 0 is {@link #LI}; an XO or X form without OE
 * and Rc is the plain code; or RA,RS,RS is {@link #MR}; rlwinm shaped as slwi or srwi is a shift; a compare with L = 0
 * is the word compare ({@link #CMP}, its form in flag bits); a D or X form load or store with RA = 0 stays generic,
 * so the fast case adds RA without testing it; bc is split by what BO tests (CR only, CTR only, both). A word
 * compare directly followed by a bc on a bit of the field it sets is marked {@link #FUSED} ({@link #fuse}), and so
 * is lwz or lwzx directly followed by a word compare; the second keeps its own packed word. addc, adde, subfc and
 * subfe are {@link #CARRYING}. Everything else is {@link #GENERIC}: executed by its unit, exactly as the manual's
 * handlers define it.
 */
final class BlockOps {
    private BlockOps() { }

    // every code is below 64: BlockRunner makes each case's own zero from that, as (op - code) & 0xc0
    static final int GENERIC = 0;
    // D-form arithmetic and logical
    static final int LI = 1, ADDI = 2, LIS = 3, ADDIS = 4, ORI = 5, ORIS = 6, XORI = 7, XORIS = 8, ANDI_RC = 9;
    // XO and X forms without OE and Rc
    static final int ADD = 10, SUBF = 11, NEG = 12, MULLW = 13, OR = 14, AND = 15, XOR = 16, ANDC = 17, NOR = 18,
            EXTSB = 19, EXTSH = 20, SLW = 21, SRW = 22;
    // rotate with a mask that does not wrap (MB <= ME: its high word is 0)
    static final int RLWINM = 23, RLWINM_RC = 24, RLWIMI = 25;
    // word compares into CR field BF: one code, its form in the SIGNED and IMMEDIATE bits (FUSED: a bc follows)
    static final int CMP = 26;
    // addc, adde, subfc, subfe without OE and Rc: one code, the operand inverted and the carry in as flag bits
    static final int CARRYING = 27;
    // loads and stores with RA != 0: the fast case hits the software TLB, a miss goes to the load/store unit
    static final int LWZ = 30, LWZX = 31, LWZU = 32, LBZ = 33, LBZX = 34, LBZU = 35, LHZ = 36, LHA = 37,
            STW = 38, STWX = 39, STWU = 40, STB = 41, STBX = 42, STBU = 43, STH = 44;
    // branches (end the block) and the LR/CTR moves (do not)
    static final int B = 45, BC = 46, BCLR = 47, BCCTR = 48, MFLR = 49, MTLR = 50, MFCTR = 51, MTCTR = 52;
    // bc that tests a CR bit only (BO = 0b001at or 0b011at: beq, bne, blt...) and bc that tests CTR only (bdnz, bdz)
    static final int BC_CR = 57, BC_CTR = 58;
    // the commonest shapes of or and rlwinm: mr, slwi (the shift in SH) and srwi (the shift in the immediate)
    static final int MR = 59, SLWI = 60, SRWI = 61;

    static final long RC = 1L << 23, AA = 1L << 24;
    /**
     * {@link #CMP}: the compare is signed (cmpw, cmpwi; else cmplw, cmplwi), its second operand is the immediate (else
     * RB), and it is fused with the CR-only bc on a bit of its field that directly follows it ({@link #fuse}).
     */
    static final long SIGNED = 1L << 25, IMMEDIATE = 1L << 26, FUSED = 1L << 27;
    /**
     * {@link #CARRYING}: RA enters inverted (subfc, subfe: RB + ~RA + carry in); the carry in is 1 (subfc), CA (adde,
     * subfe), or else 0 (addc). CA is set from the carry out of the low word (32-bit mode).
     */
    static final long INVERT_A = 1L << 25, CARRY_ONE = 1L << 26, CARRY_CA = 1L << 27;
    /** BO bits in the packed word (BO sits in the RT field): branch if the CR bit is 1; branch if CTR reaches 0. */
    static final long BO_CR_TRUE = 0x08L << 8, BO_CTR_ZERO = 0x02L << 8;

    static int code(long op) { return (int) op & 0xff; }

    static int rt(long op) { return (int) (op >>> 8) & 31; }

    static int ra(long op) { return (int) (op >>> 13) & 31; }


    /** The packed form of {@code in}. */
    static long pack(Insn in) {
        int code = code(in);
        long imm = switch (code) {
            case LIS, ADDIS -> in.simm << 16;
            case ORI, XORI, ANDI_RC -> in.uimm;
            case CMP -> in.op == Op.CMPLI ? in.uimm : in.op == Op.CMPI ? in.simm : 0;
            case ORIS, XORIS -> in.uimm << 16;
            case RLWINM, RLWINM_RC, RLWIMI -> in.mask & 0xffff_ffffL;
            case SRWI -> in.mb;
            default -> in.simm;
        };
        long form = code == CMP ? (in.op == Op.CMP || in.op == Op.CMPI ? SIGNED : 0)
                | (in.op == Op.CMPI || in.op == Op.CMPLI ? IMMEDIATE : 0)
                : code == CARRYING ? carrying(in.op) : 0;
        return code | (long) in.rt << 8 | (long) in.ra << 13 | (long) in.rb << 18 | (in.rc ? RC : 0) | (in.aa ? AA : 0)
                | form | imm << 32;
    }

    /**
     * The fused code for {@code op} directly followed by {@code next}, or its own code: a compare followed by a CR-only
     * bc on a bit of the field it sets (its BI in the compare's BF), and lwz or lwzx followed by a word compare (the
     * compare then runs in the load's dispatch when the load hits the run loop's TLB; it keeps its own packed word).
     */
    static long fuse(long op, long next) {
        int code = code(op);
        if (code == CMP && code(next) == BC_CR && ra(next) >>> 2 == rt(op) >>> 2) return op | FUSED;
        if ((code == LWZ || code == LWZX) && code(next) == CMP) return op | FUSED;
        return op;
    }

    private static long carrying(Op op) {
        return switch (op) {
            case SUBFC -> INVERT_A | CARRY_ONE;
            case SUBFE -> INVERT_A | CARRY_CA;
            case ADDE -> CARRY_CA;
            default -> 0;
        };
    }

    private static int code(Insn in) {
        boolean plain = !in.oe && !in.rc, ra = in.ra != 0;
        return switch (in.op) {
            case ADDI -> ra ? ADDI : LI;
            case ADDIS -> ra ? ADDIS : LIS;
            case ORI -> ORI;
            case ORIS -> ORIS;
            case XORI -> XORI;
            case XORIS -> XORIS;
            case ANDI_RC -> ANDI_RC;
            case ADD -> plain ? ADD : GENERIC;
            case SUBF -> plain ? SUBF : GENERIC;
            case ADDC, ADDE, SUBFC, SUBFE -> plain ? CARRYING : GENERIC;
            case NEG -> plain ? NEG : GENERIC;
            case MULLW -> plain ? MULLW : GENERIC;
            case OR -> in.rc ? GENERIC : in.rt == in.rb ? MR : OR;
            case AND -> in.rc ? GENERIC : AND;
            case XOR -> in.rc ? GENERIC : XOR;
            case ANDC -> in.rc ? GENERIC : ANDC;
            case NOR -> in.rc ? GENERIC : NOR;
            case EXTSB -> in.rc ? GENERIC : EXTSB;
            case EXTSH -> in.rc ? GENERIC : EXTSH;
            case SLW -> in.rc ? GENERIC : SLW;
            case SRW -> in.rc ? GENERIC : SRW;
            case RLWINM -> in.mb > in.me ? GENERIC : in.rc ? RLWINM_RC : rotateShape(in);
            case RLWIMI -> in.mb > in.me || in.rc ? GENERIC : RLWIMI;
            case CMP, CMPL, CMPI, CMPLI -> word(in) ? CMP : GENERIC;
            case LWZ -> ra ? LWZ : GENERIC;
            case LWZX -> ra ? LWZX : GENERIC;
            case LWZU -> LWZU;
            case LBZ -> ra ? LBZ : GENERIC;
            case LBZX -> ra ? LBZX : GENERIC;
            case LBZU -> LBZU;
            case LHZ -> ra ? LHZ : GENERIC;
            case LHA -> ra ? LHA : GENERIC;
            case STW -> ra ? STW : GENERIC;
            case STWX -> ra ? STWX : GENERIC;
            case STWU -> STWU;
            case STB -> ra ? STB : GENERIC;
            case STBX -> ra ? STBX : GENERIC;
            case STBU -> STBU;
            case STH -> ra ? STH : GENERIC;
            case B -> B;
            case BC -> (in.rt & 0x14) == 0x04 ? BC_CR : (in.rt & 0x14) == 0x10 ? BC_CTR : BC;
            case BCLR -> BCLR;
            // bcctr that would decrement CTR is an invalid form: the branch unit raises it
            case BCCTR -> (in.rt & 0x04) != 0 ? BCCTR : GENERIC;
            case MFSPR -> in.spr == Sprs.LR ? MFLR : in.spr == Sprs.CTR ? MFCTR : GENERIC;
            case MTSPR -> in.spr == Sprs.LR ? MTLR : in.spr == Sprs.CTR ? MTCTR : GENERIC;
            default -> GENERIC;
        };
    }

    /** rlwinm without Rc: slwi n (SH = n, MB = 0, ME = 31 - n), srwi n (SH = 32 - n, MB = n, ME = 31), or general. */
    private static int rotateShape(Insn in) {
        if (in.rb != 0 && in.mb == 0 && in.me == 31 - in.rb) return SLWI;
        if (in.mb != 0 && in.me == 31 && in.rb == 32 - in.mb) return SRWI;
        return RLWINM;
    }

    /** Whether the packed instruction runs in its unit (the block then ends after it if it is a system one). */
    static boolean generic(long op) { return code(op) == GENERIC; }

    /** L = 0: the compare is of words (cmpw), the only form 32-bit code uses. */
    private static boolean word(Insn in) { return (in.rt & 1) == 0; }
}
