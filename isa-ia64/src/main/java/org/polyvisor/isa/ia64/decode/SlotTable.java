package org.polyvisor.isa.ia64.decode;

import java.util.ArrayList;
import java.util.List;
import org.polyvisor.isa.ia64.insn.AddImm;
import org.polyvisor.isa.ia64.insn.AddPointer;
import org.polyvisor.isa.ia64.insn.BitCount;
import org.polyvisor.isa.ia64.insn.LineFetch;
import org.polyvisor.isa.ia64.insn.ParallelAlu;
import org.polyvisor.isa.ia64.insn.ParallelMinMax;
import org.polyvisor.isa.ia64.insn.ParallelMultiply;
import org.polyvisor.isa.ia64.insn.ParallelShift;
import org.polyvisor.isa.ia64.insn.Permute;
import org.polyvisor.isa.ia64.insn.ShiftRightPair;
import org.polyvisor.isa.ia64.insn.AlatControl;
import org.polyvisor.isa.ia64.insn.Alloc;
import org.polyvisor.isa.ia64.insn.Atomic;
import org.polyvisor.isa.ia64.insn.Branch;
import org.polyvisor.isa.ia64.insn.Compare;
import org.polyvisor.isa.ia64.insn.Deposit;
import org.polyvisor.isa.ia64.insn.DepositZero;
import org.polyvisor.isa.ia64.insn.Extend;
import org.polyvisor.isa.ia64.insn.Extract;
import org.polyvisor.isa.ia64.fp.FpArith;
import org.polyvisor.isa.ia64.insn.Fields;
import org.polyvisor.isa.ia64.insn.FpCheck;
import org.polyvisor.isa.ia64.insn.FpClass;
import org.polyvisor.isa.ia64.insn.FpCompare;
import org.polyvisor.isa.ia64.insn.FpConvert;
import org.polyvisor.isa.ia64.insn.FpIntegerMultiplyAdd;
import org.polyvisor.isa.ia64.insn.FpLoad;
import org.polyvisor.isa.ia64.insn.FpMerge;
import org.polyvisor.isa.ia64.insn.FpMinMax;
import org.polyvisor.isa.ia64.insn.FpMultiplyAdd;
import org.polyvisor.isa.ia64.insn.FpReciprocal;
import org.polyvisor.isa.ia64.insn.FpStatusControl;
import org.polyvisor.isa.ia64.insn.FpStore;
import org.polyvisor.isa.ia64.insn.FpTransfer;
import org.polyvisor.isa.ia64.insn.Insn;
import org.polyvisor.isa.ia64.insn.IntAlu;
import org.polyvisor.isa.ia64.insn.Load;
import org.polyvisor.isa.ia64.insn.LongBranch;
import org.polyvisor.isa.ia64.insn.MoveAr;
import org.polyvisor.isa.ia64.insn.MoveArM;
import org.polyvisor.isa.ia64.insn.MoveBranch;
import org.polyvisor.isa.ia64.insn.MoveCr;
import org.polyvisor.isa.ia64.insn.MovePsr;
import org.polyvisor.isa.ia64.insn.SystemBranch;
import org.polyvisor.isa.ia64.insn.MoveLong;
import org.polyvisor.isa.ia64.insn.MoveProtectionKey;
import org.polyvisor.isa.ia64.insn.MoveSpecial;
import org.polyvisor.isa.ia64.insn.NopBreak;
import org.polyvisor.isa.ia64.insn.Ordering;
import org.polyvisor.isa.ia64.insn.ParallelCompare;
import org.polyvisor.isa.ia64.insn.ParallelTest;
import org.polyvisor.isa.ia64.insn.RseControl;
import org.polyvisor.isa.ia64.insn.ShiftLeftAdd;
import org.polyvisor.isa.ia64.insn.ShiftVariable;
import org.polyvisor.isa.ia64.insn.SpeculationCheck;
import org.polyvisor.isa.ia64.insn.Store;
import org.polyvisor.isa.ia64.insn.TestBit;
import org.polyvisor.isa.ia64.insn.TestNat;
import org.polyvisor.isa.ia64.insn.TlbManagement;
import org.polyvisor.isa.ia64.insn.TranslationAccessKey;

/**
 * The decode table (SDM vol 3, chapter 4): every known encoding as a mask/match {@link Pattern}, grouped at
 * start-up by unit type and major opcode (bits 37-40). A slot is tried only against its own bucket; no two
 * patterns of a unit overlap (SlotTableTest), so the order of rows does not matter.
 * To add an instruction, add a row here and an {@link Insn} class.
 */
final class SlotTable {
    /** Field positions the manual names, as {pos, len}. */
    private static final int[] X2A = {34, 2}, VE = {33, 1}, X4 = {29, 4}, X2B = {27, 2}, X2 = {34, 2}, TA = {33, 1},
            TB = {36, 1}, X = {33, 1}, Y13 = {13, 1}, Y26 = {26, 1}, X3 = {33, 3}, X6 = {27, 6}, M_X4 = {27, 4},
            M_X2 = {31, 2}, M = {36, 1}, MX = {27, 1}, LD_X6 = {30, 6}, BTYPE = {6, 3}, VC = {20, 1},
            ZA = {36, 1}, ZB = {33, 1}, VE32 = {32, 1}, X2C = {30, 2}, X2B28 = {28, 2}, B19 = {19, 1}, B12 = {12, 1};

    private final Pattern[][][] buckets = new Pattern[Unit.values().length][16][];
    private final List<Pattern> all = new ArrayList<>();

    static final SlotTable INSTANCE = new SlotTable();

    private SlotTable() {
        integerAlu(Unit.M);
        integerAlu(Unit.I);
        iUnit();
        mUnit();
        bUnit();
        fUnit();
        xUnit();
        multimedia();
        List<List<List<Pattern>>> tmp = new ArrayList<>();
        for (Unit u : Unit.values()) {
            List<List<Pattern>> majors = new ArrayList<>();
            for (int m = 0; m < 16; m++) majors.add(new ArrayList<>());
            tmp.add(majors);
        }
        for (Pattern p : all) tmp.get(p.unit().ordinal()).get(p.major()).add(p);
        for (Unit u : Unit.values())
            for (int m = 0; m < 16; m++) buckets[u.ordinal()][m] = tmp.get(u.ordinal()).get(m).toArray(new Pattern[0]);
    }

    /** The instruction for {@code slot} on unit {@code u}, or null when no pattern knows it. */
    Insn decode(Unit u, long slot, long l) {
        for (Pattern p : buckets[u.ordinal()][(int) (slot >>> 37) & 0xf])
            if ((slot & p.mask()) == p.match()) return p.handler().decode(slot, l);
        return null;
    }

    List<Pattern> patterns() { return List.copyOf(all); }

    /** Adds a pattern: major opcode plus {field, value} pairs. */
    private void add(String name, Unit unit, int major, Pattern.Handler h, Object... fields) {
        long mask = 0xfL << 37, match = (long) major << 37;
        for (int i = 0; i < fields.length; i += 2) {
            int[] f = (int[]) fields[i];
            long v = ((Number) fields[i + 1]).longValue();
            long fm = ((1L << f[1]) - 1) << f[0];
            mask |= fm;
            match |= (v << f[0]) & fm;
        }
        all.add(new Pattern(name, unit, mask, match, h));
    }

    private void integerAlu(Unit u) {
        IntAlu.Op[] logic = {IntAlu.Op.AND, IntAlu.Op.ANDCM, IntAlu.Op.OR, IntAlu.Op.XOR};
        add("A1 add", u, 8, (s, l) -> IntAlu.register(s, IntAlu.Op.ADD), X2A, 0, VE, 0, X4, 0, X2B, 0);
        add("A1 add ,1", u, 8, (s, l) -> IntAlu.register(s, IntAlu.Op.ADD1), X2A, 0, VE, 0, X4, 0, X2B, 1);
        add("A1 sub ,1", u, 8, (s, l) -> IntAlu.register(s, IntAlu.Op.SUB1), X2A, 0, VE, 0, X4, 1, X2B, 0);
        add("A1 sub", u, 8, (s, l) -> IntAlu.register(s, IntAlu.Op.SUB), X2A, 0, VE, 0, X4, 1, X2B, 1);
        for (int k = 0; k < 4; k++) {
            IntAlu.Op op = logic[k];
            add("A1 " + op, u, 8, (s, l) -> IntAlu.register(s, op), X2A, 0, VE, 0, X4, 3, X2B, k);
            add("A3 " + op + " imm8", u, 8, (s, l) -> IntAlu.immediate(s, op), X2A, 0, VE, 0, X4, 0xb, X2B, k);
        }
        add("A3 sub imm8", u, 8, (s, l) -> IntAlu.immediate(s, IntAlu.Op.SUB), X2A, 0, VE, 0, X4, 9, X2B, 1);
        add("A2 shladd", u, 8, (s, l) -> new ShiftLeftAdd(s), X2A, 0, VE, 0, X4, 4);
        add("A4 adds", u, 8, (s, l) -> AddImm.adds(s), X2A, 2, VE, 0);
        add("A5 addl", u, 9, (s, l) -> AddImm.addl(s));
        Compare.Relation[] rel = {Compare.Relation.LT, Compare.Relation.LTU, Compare.Relation.EQ};
        for (int k = 0; k < 3; k++) {
            Compare.Relation r = rel[k];
            int major = 0xc + k;
            add("A6 cmp." + r, u, major, (s, l) -> new Compare(s, r, false, false), X2, 0, TB, 0, TA, 0);
            add("A6 cmp4." + r, u, major, (s, l) -> new Compare(s, r, true, false), X2, 1, TB, 0, TA, 0);
            add("A8 cmp." + r + " imm8", u, major, (s, l) -> new Compare(s, r, false, true), X2, 2, TA, 0);
            add("A8 cmp4." + r + " imm8", u, major, (s, l) -> new Compare(s, r, true, true), X2, 3, TA, 0);
        }
        parallelCompares(u);
    }

    /**
     * Parallel compares (SDM vol 3, table 4-11): opcodes C, D, E give the and, or and or.andcm types; ta = 1
     * with c choosing eq / ne, and the A7 forms (tb = 1) with ta:c choosing gt, le, ge, lt against r0
     * (objdump ignores the r2 field there, and so do we).
     */
    private void parallelCompares(Unit u) {
        ParallelCompare.Type[] types = {ParallelCompare.Type.AND, ParallelCompare.Type.OR, ParallelCompare.Type.OR_ANDCM};
        ParallelCompare.Relation[] eqNe = {ParallelCompare.Relation.EQ, ParallelCompare.Relation.NE};
        ParallelCompare.Relation[] zero = {ParallelCompare.Relation.GT, ParallelCompare.Relation.LE,
                ParallelCompare.Relation.GE, ParallelCompare.Relation.LT};
        int[] c = {12, 1};
        for (int k = 0; k < 3; k++) {
            ParallelCompare.Type t = types[k];
            int major = 0xc + k;
            for (int w = 0; w < 2; w++) {
                boolean word4 = w == 1;
                String cmp = word4 ? "cmp4." : "cmp.";
                for (int e = 0; e < 2; e++) {
                    ParallelCompare.Relation r = eqNe[e];
                    add("A6 " + cmp + r + t.suffix, u, major, (s, l) -> new ParallelCompare(s, r, t, word4, false, false),
                            X2, w, TB, 0, TA, 1, c, e);
                    add("A8 " + cmp + r + t.suffix + " imm8", u, major, (s, l) -> new ParallelCompare(s, r, t, word4, true, false),
                            X2, 2 + w, TA, 1, c, e);
                }
                for (int z = 0; z < 4; z++) {
                    ParallelCompare.Relation r = zero[z];
                    add("A7 " + cmp + r + t.suffix, u, major, (s, l) -> new ParallelCompare(s, r, t, word4, false, true),
                            X2, w, TB, 1, TA, z >> 1, c, z & 1);
                }
            }
        }
    }

    private void iUnit() {
        Unit u = Unit.I;
        add("I11 extr", u, 5, (s, l) -> new Extract(s), X2, 1, X, 0);
        add("I12 dep.z", u, 5, (s, l) -> DepositZero.register(s), X2, 1, X, 1, Y26, 0);
        add("I13 dep.z imm8", u, 5, (s, l) -> DepositZero.immediate(s), X2, 1, X, 1, Y26, 1);
        add("I16 tbit", u, 5, (s, l) -> new TestBit(s), X2, 0, TA, 0, TB, 0, Y13, 0);
        add("I17 tnat", u, 5, (s, l) -> new TestNat(s), X2, 0, TA, 0, TB, 0, Y13, 1, new int[] {14, 6}, 0);
        // the parallel types of I16 / I17 (table 4-22): (tb, ta) = (1, 0) .and, (0, 1) .or, (1, 1) .or.andcm
        for (int t = 1; t < 4; t++) {
            int tb = t & 1, ta = t >> 1;
            add("I16 tbit parallel " + t, u, 5, (s, l) -> new ParallelTest(s, false), X2, 0, TA, ta, TB, tb, Y13, 0);
            add("I17 tnat parallel " + t, u, 5, (s, l) -> new ParallelTest(s, true), X2, 0, TA, ta, TB, tb, Y13, 1); // bits 14-19 ignored, as objdump does
        }
        add("I14 dep imm1", u, 5, (s, l) -> Deposit.immediate(s), X2, 3, X, 1);
        add("I15 dep", u, 4, (s, l) -> Deposit.register(s));
        for (int k = 0; k < 3; k++) {
            int bytes = 1 << k;
            add("I29 zxt" + bytes, u, 0, (s, l) -> new Extend(s, bytes, false), X3, 0, X6, 0x10 + k);
            add("I29 sxt" + bytes, u, 0, (s, l) -> new Extend(s, bytes, true), X3, 0, X6, 0x14 + k);
        }
        add("I20 chk.s.i", u, 0, (s, l) -> new SpeculationCheck(s, 'i'), X3, 1);
        add("I19 break.i", u, 0, (s, l) -> NopBreak.of(s, 'i', true), X3, 0, X6, 0);
        add("I18 nop.i", u, 0, (s, l) -> NopBreak.of(s, 'i', false), X3, 0, X6, 1, Y26, 0);
        add("I22 mov r=b", u, 0, (s, l) -> new MoveBranch(s, false), X3, 0, X6, 0x31);
        // I21 with wh = 1 (no hint), x = 0 (not .ret), ih = 0; the tag timm9c is a hint objdump does not print.
        add("I21 mov b=r", u, 0, (s, l) -> new MoveBranch(s, true), X3, 7, new int[] {20, 4}, 1);
        add("I26 mov.i ar=r", u, 0, (s, l) -> arOrNull(s, MoveAr.Kind.TO_AR), X3, 0, X6, 0x2a);
        add("I27 mov.i ar=imm8", u, 0, (s, l) -> arOrNull(s, MoveAr.Kind.TO_AR_IMM), X3, 0, X6, 0x0a);
        add("I25 mov r=ip", u, 0, (s, l) -> new MoveSpecial(s, MoveSpecial.Kind.FROM_IP), X3, 0, X6, 0x30);
        add("I25 mov r=pr", u, 0, (s, l) -> new MoveSpecial(s, MoveSpecial.Kind.FROM_PR), X3, 0, X6, 0x33);
        add("I23 mov pr=r,mask17", u, 0, (s, l) -> new MoveSpecial(s, MoveSpecial.Kind.TO_PR), X3, 3);
        add("I24 mov pr.rot=imm44", u, 0, (s, l) -> new MoveSpecial(s, MoveSpecial.Kind.TO_PR_ROT), X3, 2);
        add("I7 shl", u, 7, (s, l) -> new ShiftVariable(s, ShiftVariable.Kind.SHL), ZA, 1, X2A, 0, ZB, 1, VE32, 0, X2C, 1, X2B28, 0);
        add("I5 shr", u, 7, (s, l) -> new ShiftVariable(s, ShiftVariable.Kind.SHR), ZA, 1, X2A, 0, ZB, 1, VE32, 0, X2C, 0, X2B28, 2);
        add("I5 shr.u", u, 7, (s, l) -> new ShiftVariable(s, ShiftVariable.Kind.SHR_U), ZA, 1, X2A, 0, ZB, 1, VE32, 0, X2C, 0, X2B28, 0);
        add("I28 mov.i r=ar", u, 0, (s, l) -> arOrNull(s, MoveAr.Kind.FROM_AR), X3, 0, X6, 0x32);
    }

    private static Insn arOrNull(long s, MoveAr.Kind kind) {
        return MoveAr.known(Fields.r3(s)) ? new MoveAr(s, kind) : null;
    }

    private void mUnit() {
        Unit u = Unit.M;
        add("M37 break.m", u, 0, (s, l) -> NopBreak.of(s, 'm', true), X3, 0, M_X4, 0, M_X2, 0);
        add("M48 nop.m", u, 0, (s, l) -> NopBreak.of(s, 'm', false), X3, 0, M_X4, 1, M_X2, 0, Y26, 0);
        semaphores(u);
        mUnitFloat(u);
        add("M20 chk.s.m", u, 1, (s, l) -> new SpeculationCheck(s, 'm'), X3, 1);
        add("M22 chk.a.nc", u, 0, (s, l) -> new AlatControl(s, AlatControl.Kind.CHK_A_NC), X3, 4);
        add("M22 chk.a.clr", u, 0, (s, l) -> new AlatControl(s, AlatControl.Kind.CHK_A_CLR), X3, 5);
        add("M24 invala", u, 0, (s, l) -> new AlatControl(s, AlatControl.Kind.INVALA), X3, 0, M_X4, 0, M_X2, 1);
        add("M26 invala.e", u, 0, (s, l) -> new AlatControl(s, AlatControl.Kind.INVALA_E), X3, 0, M_X4, 2, M_X2, 1);
        add("M34 alloc", u, 1, (s, l) -> new Alloc(s), X3, 6);
        add("M25 flushrs", u, 0, (s, l) -> new RseControl(s, RseControl.Kind.FLUSHRS), X3, 0, M_X4, 0xc, M_X2, 0);
        add("M25 loadrs", u, 0, (s, l) -> new RseControl(s, RseControl.Kind.LOADRS), X3, 0, M_X4, 0xa, M_X2, 0);
        add("M29 mov.m ar=r", u, 1, (s, l) -> arMOrNull(s, MoveArM.Kind.TO_AR), X3, 0, X6, 0x2a);
        add("M30 mov.m ar=imm8", u, 0, (s, l) -> arMOrNull(s, MoveArM.Kind.TO_AR_IMM), X3, 0, M_X4, 8, M_X2, 2);
        add("M32 mov cr=r", u, 1, (s, l) -> MoveCr.known(Fields.r3(s)) ? new MoveCr(s, true) : null, X3, 0, X6, 0x2c);
        add("M33 mov r=cr", u, 1, (s, l) -> MoveCr.known(Fields.r3(s)) ? new MoveCr(s, false) : null, X3, 0, X6, 0x24);
        add("M35 mov psr.l=r", u, 1, (s, l) -> new MovePsr(s, MovePsr.Kind.TO_PSR_L), X3, 0, X6, 0x2d);
        add("M35 mov psr.um=r", u, 1, (s, l) -> new MovePsr(s, MovePsr.Kind.TO_PSR_UM), X3, 0, X6, 0x29);
        add("M36 mov r=psr", u, 1, (s, l) -> new MovePsr(s, MovePsr.Kind.FROM_PSR), X3, 0, X6, 0x25);
        add("M36 mov r=psr.um", u, 1, (s, l) -> new MovePsr(s, MovePsr.Kind.FROM_PSR_UM), X3, 0, X6, 0x21);
        add("M44 sum", u, 0, (s, l) -> new MovePsr(s, MovePsr.Kind.SUM), X3, 0, M_X4, 4);
        add("M44 rum", u, 0, (s, l) -> new MovePsr(s, MovePsr.Kind.RUM), X3, 0, M_X4, 5);
        add("M44 ssm", u, 0, (s, l) -> new MovePsr(s, MovePsr.Kind.SSM), X3, 0, M_X4, 6);
        add("M44 rsm", u, 0, (s, l) -> new MovePsr(s, MovePsr.Kind.RSM), X3, 0, M_X4, 7);
        // M41 itc, M42 itr and mov rr=, M43 mov =rr, M45 ptc.l and ptr, M47 ptc.e (table 4-44, x6 values)
        TlbManagement.Kind[] tlb = {TlbManagement.Kind.ITC_D, TlbManagement.Kind.ITC_I, TlbManagement.Kind.ITR_D,
                TlbManagement.Kind.ITR_I, TlbManagement.Kind.MOV_TO_RR, TlbManagement.Kind.MOV_FROM_RR,
                TlbManagement.Kind.PTC_L, TlbManagement.Kind.PTC_E, TlbManagement.Kind.PTR_D, TlbManagement.Kind.PTR_I};
        int[] tlbX6 = {0x2e, 0x2f, 0x0e, 0x0f, 0x00, 0x10, 0x09, 0x34, 0x0c, 0x0d};
        for (int k = 0; k < tlb.length; k++) {
            TlbManagement.Kind kind = tlb[k];
            add("M41-47 " + kind, u, 1, (s, l) -> new TlbManagement(s, kind), X3, 0, X6, tlbX6[k]);
        }
        add("M42 mov pkr=r", u, 1, (s, l) -> new MoveProtectionKey(s, true), X3, 0, X6, 0x03);
        add("M43 mov r=pkr", u, 1, (s, l) -> new MoveProtectionKey(s, false), X3, 0, X6, 0x13);
        add("M46 tak r=r", u, 1, (s, l) -> new TranslationAccessKey(s), X3, 0, X6, 0x1f);
        add("M24 srlz.d", u, 0, (s, l) -> new Ordering(s, "srlz.d"), X3, 0, M_X4, 0, M_X2, 3);
        add("M24 srlz.i", u, 0, (s, l) -> new Ordering(s, "srlz.i"), X3, 0, M_X4, 1, M_X2, 3);
        add("M24 sync.i", u, 0, (s, l) -> new Ordering(s, "sync.i"), X3, 0, M_X4, 3, M_X2, 3);
        add("M24 mf", u, 0, (s, l) -> new Ordering(s, "mf"), X3, 0, M_X4, 2, M_X2, 2);
        add("M24 mf.a", u, 0, (s, l) -> new Ordering(s, "mf.a"), X3, 0, M_X4, 3, M_X2, 2);
        add("M24 fwb", u, 0, (s, l) -> new Ordering(s, "fwb"), X3, 0, M_X4, 0, M_X2, 2);
        add("M31 mov.m r=ar", u, 1, (s, l) -> arMOrNull(s, MoveArM.Kind.FROM_AR), X3, 0, X6, 0x22);
        for (int k = 0; k < 4; k++) {
            int size = 1 << k;
            // Bit 19 of M1 and bit 12 of M4 extend the hint in GNU binutils (".d4"...".d7"); those stay undefined here.
            add("M1 ld" + size, u, 4, (s, l) -> loadHint(s) ? new Load(s, size, Load.Increment.NONE) : null, M, 0, MX, 0, LD_X6, k, B19, 0);
            add("M2 ld" + size + " reg", u, 4, (s, l) -> loadHint(s) ? new Load(s, size, Load.Increment.REGISTER) : null, M, 1, MX, 0, LD_X6, k);
            add("M3 ld" + size + " imm9", u, 5, (s, l) -> loadHint(s) ? new Load(s, size, Load.Increment.IMMEDIATE) : null, LD_X6, k);
            Load.Type[] types = {Load.Type.ACQ, Load.Type.BIAS, Load.Type.ADVANCED, Load.Type.CHECK_CLR, Load.Type.CHECK_NC,
                    Load.Type.CHECK_CLR_ACQ, Load.Type.SPECULATIVE, Load.Type.SPECULATIVE_ADVANCED};
            int[] typeX6 = {0x14, 0x10, 0x08, 0x20, 0x24, 0x28, 0x04, 0x0c};
            for (int t = 0; t < types.length; t++) {
                Load.Type type = types[t];
                int x6 = typeX6[t] + k;
                add("M1 ld" + size + type.name(), u, 4, (s, l) -> loadHint(s) ? new Load(s, size, Load.Increment.NONE, type) : null, M, 0, MX, 0, LD_X6, x6, B19, 0);
                add("M2 ld" + size + type.name() + " reg", u, 4, (s, l) -> loadHint(s) ? new Load(s, size, Load.Increment.REGISTER, type) : null, M, 1, MX, 0, LD_X6, x6);
                add("M3 ld" + size + type.name() + " imm9", u, 5, (s, l) -> loadHint(s) ? new Load(s, size, Load.Increment.IMMEDIATE, type) : null, LD_X6, x6);
            }
            if (size == 8) {
                // ld8.fill (x6 0x1b) and st8.spill (x6 0x3b), table 4-29 / 4-32
                add("M1 ld8.fill", u, 4, (s, l) -> loadHint(s) ? new Load(s, 8, Load.Increment.NONE, Load.Type.FILL) : null, M, 0, MX, 0, LD_X6, 0x1b, B19, 0);
                add("M2 ld8.fill reg", u, 4, (s, l) -> loadHint(s) ? new Load(s, 8, Load.Increment.REGISTER, Load.Type.FILL) : null, M, 1, MX, 0, LD_X6, 0x1b);
                add("M3 ld8.fill imm9", u, 5, (s, l) -> loadHint(s) ? new Load(s, 8, Load.Increment.IMMEDIATE, Load.Type.FILL) : null, LD_X6, 0x1b);
                add("M4 st8.spill", u, 4, (s, l) -> storeHint(s) ? Store.spill(s, false) : null, M, 0, MX, 0, LD_X6, 0x3b, B12, 0);
                add("M5 st8.spill imm9", u, 5, (s, l) -> storeHint(s) ? Store.spill(s, true) : null, LD_X6, 0x3b);
            }
            add("M4 st" + size + ".rel", u, 4, (s, l) -> storeHint(s) ? new Store(s, size, false, true) : null, M, 0, MX, 0, LD_X6, 0x34 + k, B12, 0);
            add("M5 st" + size + ".rel imm9", u, 5, (s, l) -> storeHint(s) ? new Store(s, size, true, true) : null, LD_X6, 0x34 + k);
            add("M4 st" + size, u, 4, (s, l) -> storeHint(s) ? new Store(s, size, false) : null, M, 0, MX, 0, LD_X6, 0x30 + k, B12, 0);
            add("M5 st" + size + " imm9", u, 5, (s, l) -> storeHint(s) ? new Store(s, size, true) : null, LD_X6, 0x30 + k);
        }
    }

    private static Insn arMOrNull(long s, MoveArM.Kind kind) {
        return MoveArM.known(Fields.r3(s)) ? new MoveArM(s, kind) : null;
    }

    /** M16 cmpxchg / xchg and M17 fetchadd: major 4, m = 0, x = 1, x6 in bits 30-35 (table 4-30). */
    private void semaphores(Unit u) {
        for (int k = 0; k < 4; k++) {
            int size = 1 << k;
            add("M16 cmpxchg" + size + ".acq", u, 4, (s, l) -> loadHint(s) ? new Atomic(s, Atomic.Kind.CMPXCHG_ACQ, size) : null, M, 0, MX, 1, LD_X6, k);
            add("M16 cmpxchg" + size + ".rel", u, 4, (s, l) -> loadHint(s) ? new Atomic(s, Atomic.Kind.CMPXCHG_REL, size) : null, M, 0, MX, 1, LD_X6, 4 + k);
            add("M16 xchg" + size, u, 4, (s, l) -> loadHint(s) ? new Atomic(s, Atomic.Kind.XCHG, size) : null, M, 0, MX, 1, LD_X6, 8 + k);
        }
        add("M17 fetchadd4.acq", u, 4, (s, l) -> loadHint(s) ? new Atomic(s, Atomic.Kind.FETCHADD_ACQ, 4) : null, M, 0, MX, 1, LD_X6, 0x12);
        add("M17 fetchadd8.acq", u, 4, (s, l) -> loadHint(s) ? new Atomic(s, Atomic.Kind.FETCHADD_ACQ, 8) : null, M, 0, MX, 1, LD_X6, 0x13);
        add("M17 fetchadd4.rel", u, 4, (s, l) -> loadHint(s) ? new Atomic(s, Atomic.Kind.FETCHADD_REL, 4) : null, M, 0, MX, 1, LD_X6, 0x16);
        add("M17 fetchadd8.rel", u, 4, (s, l) -> loadHint(s) ? new Atomic(s, Atomic.Kind.FETCHADD_REL, 8) : null, M, 0, MX, 1, LD_X6, 0x17);
    }

    /** Load hints none, .nt1 and .nta; 2 is reserved. */
    private static boolean loadHint(long s) { return Fields.u(s, 28, 2) != 2; }

    /** Store hints none and .nta. */
    private static boolean storeHint(long s) { int h = Fields.u(s, 28, 2); return h == 0 || h == 3; }

    private void bUnit() {
        Unit u = Unit.B;
        add("B1 br.cond", u, 4, (s, l) -> new Branch(s, Branch.Kind.COND), BTYPE, 0);
        add("B2 br.cloop", u, 4, (s, l) -> new Branch(s, Branch.Kind.CLOOP), BTYPE, 5);
        add("B2 br.cexit", u, 4, (s, l) -> new Branch(s, Branch.Kind.CEXIT), BTYPE, 6);
        add("B2 br.ctop", u, 4, (s, l) -> new Branch(s, Branch.Kind.CTOP), BTYPE, 7);
        add("B1 br.wexit", u, 4, (s, l) -> new Branch(s, Branch.Kind.WEXIT), BTYPE, 2);
        add("B1 br.wtop", u, 4, (s, l) -> new Branch(s, Branch.Kind.WTOP), BTYPE, 3);
        add("B8 clrrrb", u, 0, (s, l) -> new RseControl(s, RseControl.Kind.CLRRRB), X6, 0x04);
        add("B8 clrrrb.pr", u, 0, (s, l) -> new RseControl(s, RseControl.Kind.CLRRRB_PR), X6, 0x05);
        add("B3 br.call", u, 5, (s, l) -> new Branch(s, Branch.Kind.CALL));
        add("B4 br.cond", u, 0, (s, l) -> new Branch(s, Branch.Kind.COND_INDIRECT), X6, 0x20, BTYPE, 0);
        add("B4 br.ret", u, 0, (s, l) -> new Branch(s, Branch.Kind.RET), X6, 0x21, BTYPE, 4);
        add("B5 br.call", u, 1, (s, l) -> new Branch(s, Branch.Kind.CALL_INDIRECT), new int[] {32, 1}, 1);
        add("B8 cover", u, 0, (s, l) -> new RseControl(s, RseControl.Kind.COVER), X6, 0x02);
        add("B8 rfi", u, 0, (s, l) -> new SystemBranch(s, SystemBranch.Kind.RFI), X6, 0x08);
        add("B8 bsw.0", u, 0, (s, l) -> new SystemBranch(s, SystemBranch.Kind.BSW0), X6, 0x0c);
        add("B8 bsw.1", u, 0, (s, l) -> new SystemBranch(s, SystemBranch.Kind.BSW1), X6, 0x0d);
        add("B9 break.b", u, 0, (s, l) -> NopBreak.of(s, 'b', true), X6, 0);
        add("B9 nop.b", u, 2, (s, l) -> NopBreak.of(s, 'b', false), X6, 0);
    }

    private void fUnit() {
        Unit u = Unit.F;
        add("F15 break.f", u, 0, (s, l) -> NopBreak.of(s, 'f', true), X, 0, X6, 0);
        add("F16 nop.f", u, 0, (s, l) -> NopBreak.of(s, 'f', false), X, 0, X6, 1, Y26, 0);
        // F1 (table 4-68): major 8 fma / fma.s, 9 fma.d, A fms / fms.s, B fms.d, C fnma / fnma.s, D fnma.d; x = bit 36.
        FpMultiplyAdd.Op[] fmaOps = {FpMultiplyAdd.Op.FMA, FpMultiplyAdd.Op.FMS, FpMultiplyAdd.Op.FNMA};
        for (int k = 0; k < 3; k++) {
            FpMultiplyAdd.Op op = fmaOps[k];
            add("F1 " + op, u, 8 + 2 * k, (s, l) -> new FpMultiplyAdd(s, op, FpArith.PC_DYNAMIC), M, 0);
            add("F1 " + op + ".s", u, 8 + 2 * k, (s, l) -> new FpMultiplyAdd(s, op, FpArith.PC_SINGLE), M, 1);
            add("F1 " + op + ".d", u, 9 + 2 * k, (s, l) -> new FpMultiplyAdd(s, op, FpArith.PC_DOUBLE), M, 0);
        }
        // F2 xma (major E, x = 1, x2 in 34-35: 0 .l, 2 .hu, 3 .h) and F3 fselect (x = 0)
        add("F2 xma.l", u, 0xe, (s, l) -> new FpIntegerMultiplyAdd(s, FpIntegerMultiplyAdd.Op.XMA_L), M, 1, X2, 0);
        add("F2 xma.hu", u, 0xe, (s, l) -> new FpIntegerMultiplyAdd(s, FpIntegerMultiplyAdd.Op.XMA_HU), M, 1, X2, 2);
        add("F2 xma.h", u, 0xe, (s, l) -> new FpIntegerMultiplyAdd(s, FpIntegerMultiplyAdd.Op.XMA_H), M, 1, X2, 3);
        add("F3 fselect", u, 0xe, (s, l) -> new FpIntegerMultiplyAdd(s, FpIntegerMultiplyAdd.Op.FSELECT), M, 0);
        // F4 fcmp (major 4): ra (33) and rb (36) give eq, lt, le, unord; ta (12) the unc type
        FpCompare.Relation[] rel = {FpCompare.Relation.EQ, FpCompare.Relation.LT, FpCompare.Relation.LE, FpCompare.Relation.UNORD};
        for (int k = 0; k < 4; k++) {
            FpCompare.Relation r = rel[k];
            add("F4 fcmp." + r, u, 4, (s, l) -> new FpCompare(s, r), X, k >> 1, M, k & 1);
        }
        add("F5 fclass", u, 5, (s, l) -> new FpClass(s));
        // F6 frcpa / F7 frsqrta: major 0, x (33) = 1, q (36) selects
        add("F6 frcpa", u, 0, (s, l) -> new FpReciprocal(s, false), X, 1, M, 0);
        add("F7 frsqrta", u, 0, (s, l) -> new FpReciprocal(s, true), X, 1, M, 1);
        // major 0, x = 0, x6 (27-32): table 4-69
        FpMinMax.Op[] minMax = FpMinMax.Op.values();
        for (int k = 0; k < 4; k++) {
            FpMinMax.Op op = minMax[k];
            add("F8 " + op, u, 0, (s, l) -> new FpMinMax(s, op), X, 0, X6, 0x14 + k);
        }
        int[] mergeX6 = {0x10, 0x11, 0x12, 0x2c, 0x2d, 0x2e, 0x2f, 0x28, 0x34, 0x35, 0x36, 0x39, 0x3a, 0x3b, 0x3c, 0x3d};
        FpMerge.Op[] mergeOps = FpMerge.Op.values();
        for (int k = 0; k < mergeX6.length; k++) {
            FpMerge.Op op = mergeOps[k];
            add("F9 " + op, u, 0, (s, l) -> new FpMerge(s, op), X, 0, X6, mergeX6[k]);
        }
        FpConvert.Op[] cvt = FpConvert.Op.values();
        for (int k = 0; k < 5; k++) {
            FpConvert.Op op = cvt[k];
            add("F10/F11 fcvt " + op, u, 0, (s, l) -> new FpConvert(s, op), X, 0, X6, 0x18 + k);
        }
        add("F12 fsetc", u, 0, (s, l) -> new FpStatusControl(s, FpStatusControl.Kind.FSETC), X, 0, X6, 0x04);
        add("F13 fclrf", u, 0, (s, l) -> new FpStatusControl(s, FpStatusControl.Kind.FCLRF), X, 0, X6, 0x05);
        add("F14 fchkf", u, 0, (s, l) -> new FpStatusControl(s, FpStatusControl.Kind.FCHKF), X, 0, X6, 0x08);
    }

    /**
     * The M-unit floating-point forms (tables 4-33, 4-34, 4-36): M6-M8 ldf (major 6 with m = 0 / 1 and major 7
     * with imm9; x = bit 27 = 0; x6 in 30-35: size e 0, 8 1, s 2, d 3 plus type .s 4, .a 8, .sa C, .c.clr 20,
     * .c.nc 24, and ldf.fill 1B), M9/M10 stf (x6 30-33, 3B), M11/M12 ldfp (x = 1) and M18 setf (major 6, x = 1,
     * x6 1C-1F), M19 getf (major 4, x = 1), M21 chk.s f2, M22 chk.a f1, M27 invala.e f1.
     */
    private void mUnitFloat(Unit u) {
        FpLoad.Size[] sizes = {FpLoad.Size.E, FpLoad.Size.EIGHT, FpLoad.Size.S, FpLoad.Size.D};
        FpLoad.Type[] types = FpLoad.Type.values();
        int[] typeX6 = {0x00, 0x04, 0x08, 0x0c, 0x20, 0x24};
        for (int k = 0; k < 4; k++) {
            FpLoad.Size size = sizes[k];
            for (int t = 0; t < types.length; t++) {
                FpLoad.Type type = types[t];
                int x6 = typeX6[t] + k;
                add("M6 ldf" + size + type, u, 6, (s, l) -> loadHint(s) ? new FpLoad(s, size, type, Load.Increment.NONE, false) : null, M, 0, MX, 0, LD_X6, x6);
                add("M7 ldf" + size + type + " reg", u, 6, (s, l) -> loadHint(s) ? new FpLoad(s, size, type, Load.Increment.REGISTER, false) : null, M, 1, MX, 0, LD_X6, x6);
                add("M8 ldf" + size + type + " imm9", u, 7, (s, l) -> loadHint(s) ? new FpLoad(s, size, type, Load.Increment.IMMEDIATE, false) : null, LD_X6, x6);
                if (size != FpLoad.Size.E) {
                    add("M11 ldfp" + size + type, u, 6, (s, l) -> loadHint(s) ? new FpLoad(s, size, type, Load.Increment.NONE, true) : null, M, 0, MX, 1, LD_X6, x6);
                    add("M12 ldfp" + size + type + " inc", u, 6, (s, l) -> loadHint(s) ? new FpLoad(s, size, type, Load.Increment.IMMEDIATE, true) : null, M, 1, MX, 1, LD_X6, x6);
                }
            }
            add("M9 stf" + size, u, 6, (s, l) -> storeHint(s) ? new FpStore(s, size, false) : null, M, 0, MX, 0, LD_X6, 0x30 + k);
            add("M10 stf" + size + " imm9", u, 7, (s, l) -> storeHint(s) ? new FpStore(s, size, true) : null, LD_X6, 0x30 + k);
        }
        add("M6 ldf.fill", u, 6, (s, l) -> loadHint(s) ? new FpLoad(s, FpLoad.Size.FILL, FpLoad.Type.NORMAL, Load.Increment.NONE, false) : null, M, 0, MX, 0, LD_X6, 0x1b);
        add("M7 ldf.fill reg", u, 6, (s, l) -> loadHint(s) ? new FpLoad(s, FpLoad.Size.FILL, FpLoad.Type.NORMAL, Load.Increment.REGISTER, false) : null, M, 1, MX, 0, LD_X6, 0x1b);
        add("M8 ldf.fill imm9", u, 7, (s, l) -> loadHint(s) ? new FpLoad(s, FpLoad.Size.FILL, FpLoad.Type.NORMAL, Load.Increment.IMMEDIATE, false) : null, LD_X6, 0x1b);
        add("M9 stf.spill", u, 6, (s, l) -> storeHint(s) ? new FpStore(s, FpLoad.Size.FILL, false) : null, M, 0, MX, 0, LD_X6, 0x3b);
        add("M10 stf.spill imm9", u, 7, (s, l) -> storeHint(s) ? new FpStore(s, FpLoad.Size.FILL, true) : null, LD_X6, 0x3b);
        FpTransfer.Kind[] kinds = FpTransfer.Kind.values();
        for (int k = 0; k < 4; k++) {
            FpTransfer.Kind kind = kinds[k];
            add("M18 setf." + kind, u, 6, (s, l) -> new FpTransfer(s, kind, true), M, 0, MX, 1, LD_X6, 0x1c + k);
            add("M19 getf." + kind, u, 4, (s, l) -> new FpTransfer(s, kind, false), M, 0, MX, 1, LD_X6, 0x1c + k);
        }
        add("M21 chk.s f", u, 1, (s, l) -> new FpCheck(s, FpCheck.Kind.CHK_S), X3, 3);
        add("M22 chk.a.nc f", u, 0, (s, l) -> new FpCheck(s, FpCheck.Kind.CHK_A_NC), X3, 6);
        add("M22 chk.a.clr f", u, 0, (s, l) -> new FpCheck(s, FpCheck.Kind.CHK_A_CLR), X3, 7);
        add("M27 invala.e f", u, 0, (s, l) -> new FpCheck(s, FpCheck.Kind.INVALA_E), X3, 0, M_X4, 3, M_X2, 1);
    }

    /**
     * The multimedia and 32-bit pointer forms (SDM rev 2.3 vol 3, chapter 4, formats A1, A2, A4, A9, A10, I1-I10, I29, M13-M15):
     * A9 / A10 (major 8, x2a = 1; lane size by za:zb 00 = 1, 01 = 2, 10 = 4 bytes) on M and I, addp4 / shladdp4
     * (A1 x4 = 2, A4 x2a = 3, A2 x4 = 6), I1-I8 (major 7, ve = 0), I9 popcnt, I10 shrp, czx (I29) and M13-M15 lfetch.
     */
    private void multimedia() {
        int[] za = {36, 1}, zb = {33, 1}, x4 = {29, 4}, x2b27 = {27, 2};
        int[][] sizeZaZb = {{1, 0, 0}, {2, 0, 1}, {4, 1, 0}};
        for (Unit u : new Unit[] {Unit.M, Unit.I}) {
            add("A1 addp4", u, 8, (s, l) -> new AddPointer(s, AddPointer.Form.REGISTER), X2A, 0, VE, 0, X4, 2, X2B, 0);
            add("A4 addp4 imm14", u, 8, (s, l) -> new AddPointer(s, AddPointer.Form.IMMEDIATE), X2A, 3, VE, 0);
            add("A2 shladdp4", u, 8, (s, l) -> new AddPointer(s, AddPointer.Form.SHIFT_LEFT), X2A, 0, VE, 0, X4, 6);
            for (int[] z : sizeZaZb) {
                int n = z[0];
                for (int k = 0; k < 4; k++) {
                    ParallelAlu.Sat sat = ParallelAlu.Sat.values()[k];
                    if (n == 4 && k != 0) continue;
                    add("A9 padd" + n + sat.suffix, u, 8, (s, l) -> new ParallelAlu(s, ParallelAlu.Op.PADD, n, sat), X2A, 1, za, z[1], zb, z[2], x4, 0, x2b27, k);
                    add("A9 psub" + n + sat.suffix, u, 8, (s, l) -> new ParallelAlu(s, ParallelAlu.Op.PSUB, n, sat), X2A, 1, za, z[1], zb, z[2], x4, 1, x2b27, k);
                }
                if (n != 4) {
                    add("A9 pavg" + n, u, 8, (s, l) -> new ParallelAlu(s, ParallelAlu.Op.PAVG, n, ParallelAlu.Sat.NONE), X2A, 1, za, z[1], zb, z[2], x4, 2, x2b27, 2);
                    add("A9 pavg" + n + ".raz", u, 8, (s, l) -> new ParallelAlu(s, ParallelAlu.Op.PAVG_RAZ, n, ParallelAlu.Sat.NONE), X2A, 1, za, z[1], zb, z[2], x4, 2, x2b27, 3);
                    add("A9 pavgsub" + n, u, 8, (s, l) -> new ParallelAlu(s, ParallelAlu.Op.PAVGSUB, n, ParallelAlu.Sat.NONE), X2A, 1, za, z[1], zb, z[2], x4, 3, x2b27, 2);
                }
                add("A9 pcmp" + n + ".eq", u, 8, (s, l) -> new ParallelAlu(s, ParallelAlu.Op.PCMP_EQ, n, ParallelAlu.Sat.NONE), X2A, 1, za, z[1], zb, z[2], x4, 9, x2b27, 0);
                add("A9 pcmp" + n + ".gt", u, 8, (s, l) -> new ParallelAlu(s, ParallelAlu.Op.PCMP_GT, n, ParallelAlu.Sat.NONE), X2A, 1, za, z[1], zb, z[2], x4, 9, x2b27, 1);
            }
            add("A10 pshladd2", u, 8, (s, l) -> new ParallelAlu(s, ParallelAlu.Op.PSHLADD, 2, ParallelAlu.Sat.NONE), X2A, 1, za, 0, zb, 1, x4, 4);
            add("A10 pshradd2", u, 8, (s, l) -> new ParallelAlu(s, ParallelAlu.Op.PSHRADD, 2, ParallelAlu.Sat.NONE), X2A, 1, za, 0, zb, 1, x4, 6);
        }
        Unit u = Unit.I;
        // I1 / I2 (x2a = 2 for I2; x2c and x2b per table 4-18), size from za:zb
        add("I1 pmpyshr2", u, 7, (s, l) -> new ParallelMultiply(s, ParallelMultiply.Op.PMPYSHR2), ZA, 0, X2A, 0, ZB, 1, VE32, 0, X2B28, 3);
        add("I1 pmpyshr2.u", u, 7, (s, l) -> new ParallelMultiply(s, ParallelMultiply.Op.PMPYSHR2_U), ZA, 0, X2A, 0, ZB, 1, VE32, 0, X2B28, 1);
        add("I2 pmpy2.r", u, 7, (s, l) -> new ParallelMultiply(s, ParallelMultiply.Op.PMPY2_R), ZA, 0, X2A, 2, ZB, 1, VE32, 0, X2C, 3, X2B28, 1);
        add("I2 pmpy2.l", u, 7, (s, l) -> new ParallelMultiply(s, ParallelMultiply.Op.PMPY2_L), ZA, 0, X2A, 2, ZB, 1, VE32, 0, X2C, 3, X2B28, 3);
        add("I2 pmin1.u", u, 7, (s, l) -> new ParallelMinMax(s, ParallelMinMax.Op.PMIN1_U), ZA, 0, X2A, 2, ZB, 0, VE32, 0, X2C, 0, X2B28, 1);
        add("I2 pmax1.u", u, 7, (s, l) -> new ParallelMinMax(s, ParallelMinMax.Op.PMAX1_U), ZA, 0, X2A, 2, ZB, 0, VE32, 0, X2C, 1, X2B28, 1);
        add("I2 pmin2", u, 7, (s, l) -> new ParallelMinMax(s, ParallelMinMax.Op.PMIN2), ZA, 0, X2A, 2, ZB, 1, VE32, 0, X2C, 0, X2B28, 3);
        add("I2 pmax2", u, 7, (s, l) -> new ParallelMinMax(s, ParallelMinMax.Op.PMAX2), ZA, 0, X2A, 2, ZB, 1, VE32, 0, X2C, 1, X2B28, 3);
        add("I2 psad1", u, 7, (s, l) -> new ParallelMinMax(s, ParallelMinMax.Op.PSAD1), ZA, 0, X2A, 2, ZB, 0, VE32, 0, X2C, 2, X2B28, 3);
        add("I2 pack2.sss", u, 7, (s, l) -> new Permute(s, Permute.Op.PACK_SSS, 2), ZA, 0, X2A, 2, ZB, 1, VE32, 0, X2C, 0, X2B28, 2);
        add("I2 pack2.uss", u, 7, (s, l) -> new Permute(s, Permute.Op.PACK_USS, 2), ZA, 0, X2A, 2, ZB, 1, VE32, 0, X2C, 0, X2B28, 0);
        add("I2 pack4.sss", u, 7, (s, l) -> new Permute(s, Permute.Op.PACK_SSS, 4), ZA, 1, X2A, 2, ZB, 0, VE32, 0, X2C, 0, X2B28, 2);
        add("I3 mux1", u, 7, (s, l) -> Permute.mux1(s), ZA, 0, X2A, 3, ZB, 0, VE32, 0, X2C, 2, X2B28, 2);
        add("I4 mux2", u, 7, (s, l) -> new Permute(s, Permute.Op.MUX2, 2), ZA, 0, X2A, 3, ZB, 1, VE32, 0, X2C, 2, X2B28, 2);
        add("I9 popcnt", u, 7, (s, l) -> new BitCount(s, BitCount.Op.POPCNT, 1), ZA, 0, X2A, 1, ZB, 1, VE32, 0, X2C, 2, X2B28, 1);
        for (int[] z : sizeZaZb) {
            int n = z[0];
            add("I2 mix" + n + ".l", u, 7, (s, l) -> new Permute(s, Permute.Op.MIX_L, n), ZA, z[1], X2A, 2, ZB, z[2], VE32, 0, X2C, 2, X2B28, 2);
            add("I2 mix" + n + ".r", u, 7, (s, l) -> new Permute(s, Permute.Op.MIX_R, n), ZA, z[1], X2A, 2, ZB, z[2], VE32, 0, X2C, 2, X2B28, 0);
            add("I2 unpack" + n + ".h", u, 7, (s, l) -> new Permute(s, Permute.Op.UNPACK_H, n), ZA, z[1], X2A, 2, ZB, z[2], VE32, 0, X2C, 1, X2B28, 0);
            add("I2 unpack" + n + ".l", u, 7, (s, l) -> new Permute(s, Permute.Op.UNPACK_L, n), ZA, z[1], X2A, 2, ZB, z[2], VE32, 0, X2C, 1, X2B28, 2);
            if (n == 1) continue;
            // I5 pshr by GR, I6 pshr by count5, I7 pshl by GR, I8 pshl by count5
            add("I5 pshr" + n, u, 7, (s, l) -> new ParallelShift(s, ParallelShift.Kind.SHR, n, false), ZA, z[1], X2A, 0, ZB, z[2], VE32, 0, X2C, 0, X2B28, 2);
            add("I5 pshr" + n + ".u", u, 7, (s, l) -> new ParallelShift(s, ParallelShift.Kind.SHR_U, n, false), ZA, z[1], X2A, 0, ZB, z[2], VE32, 0, X2C, 0, X2B28, 0);
            add("I6 pshr" + n + " imm", u, 7, (s, l) -> new ParallelShift(s, ParallelShift.Kind.SHR, n, true), ZA, z[1], X2A, 1, ZB, z[2], VE32, 0, X2C, 0, X2B28, 3);
            add("I6 pshr" + n + ".u imm", u, 7, (s, l) -> new ParallelShift(s, ParallelShift.Kind.SHR_U, n, true), ZA, z[1], X2A, 1, ZB, z[2], VE32, 0, X2C, 0, X2B28, 1);
            add("I7 pshl" + n, u, 7, (s, l) -> new ParallelShift(s, ParallelShift.Kind.SHL, n, false), ZA, z[1], X2A, 0, ZB, z[2], VE32, 0, X2C, 1, X2B28, 0);
            add("I8 pshl" + n + " imm", u, 7, (s, l) -> new ParallelShift(s, ParallelShift.Kind.SHL, n, true), ZA, z[1], X2A, 3, ZB, z[2], VE32, 0, X2C, 1, X2B28, 1);
        }
        add("I10 shrp", u, 5, (s, l) -> new ShiftRightPair(s), X2, 3, X, 0);
        int[][] czx = {{0x18, 1}, {0x19, 2}, {0x1c, 1}, {0x1d, 2}};
        for (int[] z : czx) {
            BitCount.Op op = z[0] < 0x1c ? BitCount.Op.CZX_L : BitCount.Op.CZX_R;
            add("I29 " + op + z[1], u, 0, (s, l) -> new BitCount(s, op, z[1]), X3, 0, X6, z[0]);
        }
        for (int x6 = 0x2c; x6 < 0x30; x6++) {
            add("M13 lfetch " + x6, Unit.M, 6, (s, l) -> new LineFetch(s, Load.Increment.NONE), M, 0, MX, 0, LD_X6, x6);
            add("M14 lfetch reg " + x6, Unit.M, 6, (s, l) -> new LineFetch(s, Load.Increment.REGISTER), M, 1, MX, 0, LD_X6, x6);
            add("M15 lfetch imm9 " + x6, Unit.M, 7, (s, l) -> new LineFetch(s, Load.Increment.IMMEDIATE), LD_X6, x6);
        }
    }

    private void xUnit() {
        Unit u = Unit.X;
        add("X1 break.x", u, 0, (s, l) -> NopBreak.x(s, l, true), X3, 0, X6, 0);
        add("X5 nop.x", u, 0, (s, l) -> NopBreak.x(s, l, false), X3, 0, X6, 1, Y26, 0);
        add("X2 movl", u, 6, (s, l) -> new MoveLong(s, l), VC, 0);
        add("X3 brl.cond", u, 0xc, (s, l) -> new LongBranch(s, l, false), BTYPE, 0);
        add("X4 brl.call", u, 0xd, (s, l) -> new LongBranch(s, l, true));
    }
}
