package org.polyvisor.isa.ppc.exec.jit;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.polyvisor.isa.ppc.PpcIsaProvider;
import org.polyvisor.isa.ppc.exec.PpcVcpu;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.VcpuConfig;

/**
 * Random ppc programs of every form the translator handles, and vCPUs to run them: a loop (CTR set by mtctr, closed
 * by bdnz, bdnzt or bdnzf) whose body mixes the fast forms (record forms, carries, compares into any CR field,
 * forward bc skips on any CR bit, b and bl, loads and stores of every size and update form, some unaligned or
 * crossing the data page's end, LR and CTR moves) with a few instructions for their units; then blr, bctr and a spin.
 * Encodings from the Power ISA (Book I) instruction formats, checked against powerpc-linux-gnu-objdump.
 */
final class PpcJitPrograms {
    private PpcJitPrograms() { }

    static final long CODE = 0x1000, DATA = 0x8000, UPDATE_BASE = DATA + 0x100;
    static final int SPIN = 0x4800_0000;
    /** GPRs the body writes; r20 (DATA), r21 (update base), r22 (0x10) and r23 (0xffe) are its bases and indexes. */
    private static final int[] WRITABLE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    static int d(int opcd, int rt, int ra, int imm) { return opcd << 26 | rt << 21 | ra << 16 | (imm & 0xffff); }

    static int x(int rt, int ra, int rb, int xo, boolean rc) {
        return 31 << 26 | rt << 21 | ra << 16 | rb << 11 | xo << 1 | (rc ? 1 : 0);
    }

    static int rlw(int opcd, int rs, int ra, int sh, int mb, int me, boolean rc) {
        return opcd << 26 | rs << 21 | ra << 16 | sh << 11 | mb << 6 | me << 1 | (rc ? 1 : 0);
    }

    static int bc(int bo, int bi, int disp, boolean lk) { return 16 << 26 | bo << 21 | bi << 16 | (disp & 0xfffc) | (lk ? 1 : 0); }

    static int b(int disp, boolean lk) { return 18 << 26 | (disp & 0x03ff_fffc) | (lk ? 1 : 0); }

    static int mtspr(int spr, int rs) { return 31 << 26 | rs << 21 | (spr & 31) << 16 | (spr >>> 5) << 11 | 467 << 1; }

    static int mfspr(int rt, int spr) { return 31 << 26 | rt << 21 | (spr & 31) << 16 | (spr >>> 5) << 11 | 339 << 1; }

    static final int LR = 8, CTR = 9;

    /** Program {@code seed}: its words, from CODE. */
    static int[] program(long seed) {
        Random rnd = new Random(seed);
        List<Integer> w = new ArrayList<>();
        w.add(d(14, 30, 0, 1 + rnd.nextInt(4)));                // li r30,loops
        w.add(mtspr(CTR, 30));
        int loop = w.size();
        int n = 8 + rnd.nextInt(40);
        for (int k = 0; k < n; k++) w.add(body(rnd, n - k));
        int[] closers = {16, 8, 0};
        int bo = closers[rnd.nextInt(3)];
        w.add(bc(bo, rnd.nextInt(32), 4 * (loop - w.size()), false));
        int tail = w.size() + 4;
        w.add(d(15, 31, 0, 0));                                  // lis r31,0
        w.add(d(24, 31, 31, (int) CODE + 4 * tail));             // ori r31,r31,tail
        w.add(mtspr(LR, 31));
        w.add(19 << 26 | 20 << 21 | 16 << 1);                    // blr
        int tail2 = w.size() + 4;
        w.add(d(15, 28, 0, 0));                                  // tail: lis r28,0
        w.add(d(24, 28, 28, (int) CODE + 4 * tail2));            // ori r28,r28,tail2
        w.add(mtspr(CTR, 28));
        w.add(19 << 26 | 20 << 21 | 528 << 1);                   // bctr
        w.add(x(29, 0, 0, 19, false));                           // tail2: mfcr r29
        w.add(SPIN);
        return w.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int reg(Random rnd) { return WRITABLE[rnd.nextInt(WRITABLE.length)]; }

    /** A random instruction of the body, {@code left} instructions (itself included) before the loop's end. */
    private static int body(Random rnd, int left) {
        int rt = reg(rnd), ra = reg(rnd), rb = reg(rnd), imm = rnd.nextInt(0x10000);
        boolean rc = rnd.nextInt(4) == 0;
        int base = rnd.nextBoolean() ? 20 : 21, off = rnd.nextInt(8) == 0 ? 0xffc + rnd.nextInt(4) : rnd.nextInt(0x40);
        int index = rnd.nextInt(6) == 0 ? 23 : 22;
        return switch (rnd.nextInt(44)) {
            case 0 -> d(14, rt, 0, imm);                          // li
            case 1 -> d(14, rt, ra, imm);                         // addi
            case 2 -> d(15, rt, rnd.nextBoolean() ? 0 : ra, imm); // lis, addis
            case 3 -> d(24 + rnd.nextInt(4), ra, rt, imm);        // ori, oris, xori, xoris
            case 4 -> d(28, ra, rt, imm);                         // andi.
            case 5 -> x(rt, ra, rb, 266, false);                  // add
            case 6 -> x(rt, ra, rb, 40, false);                   // subf
            case 7 -> x(rt, ra, 0, 104, false);                   // neg
            case 8 -> x(rt, ra, rb, new int[] {10, 138, 8, 136}[rnd.nextInt(4)], false); // addc adde subfc subfe
            case 9 -> x(rt, ra, rb, 235, false);                  // mullw
            case 10 -> x(rt, ra, rnd.nextBoolean() ? rt : rb, 444, false); // or, mr
            case 11 -> x(rt, ra, rb, new int[] {28, 316, 60, 124}[rnd.nextInt(4)], false); // and xor andc nor
            case 12 -> x(rt, ra, 0, rnd.nextBoolean() ? 954 : 922, false); // extsb, extsh
            case 13 -> x(rt, ra, rb, rnd.nextBoolean() ? 24 : 536, false); // slw, srw
            case 14 -> {                                          // slwi, srwi
                int s = 1 + rnd.nextInt(31);
                yield rnd.nextBoolean() ? rlw(21, rt, ra, s, 0, 31 - s, false) : rlw(21, rt, ra, 32 - s, s, 31, false);
            }
            case 15, 16 -> {                                      // rlwinm, rlwinm., rlwimi (masks that do not wrap)
                int mb = rnd.nextInt(32), me = mb + rnd.nextInt(32 - mb);
                yield rlw(rnd.nextInt(3) == 0 ? 20 : 21, rt, ra, rnd.nextInt(32), mb, me, rc);
            }
            case 17, 18 -> {                                      // cmpw cmplw cmpwi cmplwi into any field
                int bf = rnd.nextInt(8) << 2;
                yield switch (rnd.nextInt(4)) {
                    case 0 -> x(bf, ra, rb, 0, false);
                    case 1 -> x(bf, ra, rb, 32, false);
                    case 2 -> d(11, bf, ra, imm);
                    default -> d(10, bf, ra, imm);
                };
            }
            case 19, 20 -> left > 3 ? bc(rnd.nextBoolean() ? 12 : 4, rnd.nextInt(32), 8 + 4 * rnd.nextInt(2), false)
                    : d(14, rt, 0, imm);                           // bt/bf forward skips
            case 21 -> left > 3 ? b(8, rnd.nextInt(3) == 0) : d(14, rt, 0, imm);   // b +8, bl +8
            case 22 -> b(4, true);                                // bl +4 (to the next instruction)
            case 23 -> d(32 + 2 * rnd.nextInt(2), rt, base, off); // lwz, lbz
            case 24 -> d(33 + 2 * rnd.nextInt(2), rt, 21, rnd.nextInt(8));   // lwzu, lbzu
            case 25 -> d(40 + 2 * rnd.nextInt(2), rt, base, off); // lhz, lha
            case 26 -> x(rt, 20, index, rnd.nextBoolean() ? 23 : 87, false); // lwzx, lbzx
            case 27, 28 -> d(36 + 2 * rnd.nextInt(2), rt, base, off);        // stw, stb
            case 29 -> d(37 + 2 * rnd.nextInt(2), rt, 21, rnd.nextInt(8));   // stwu, stbu
            case 30 -> d(44, rt, base, off);                      // sth
            case 31 -> x(rt, 20, index, rnd.nextBoolean() ? 151 : 215, false); // stwx, stbx
            case 32 -> mfspr(rt, rnd.nextBoolean() ? LR : CTR);   // mflr, mfctr
            case 33 -> mtspr(LR, rt);                             // mtlr
            case 34 -> x(rt, ra, rb, 11, false);                  // mulhwu (its unit)
            case 35 -> x(rt, ra, rb, 266, true);                  // add. (its unit)
            case 36 -> x(ra, rt, 0, 26, false);                   // cntlzw (its unit)
            case 37 -> d(32, rt, 0, (int) CODE + rnd.nextInt(0x40)); // lwz with RA = 0 (its unit)
            default -> d(14, rt, ra, imm);                        // addi
        };
    }

    private static final PpcIsaProvider ISA = new PpcIsaProvider();

    /** A vCPU at {@code code} (from CODE) with its own memory, data from {@code seed}, made with the tier {@code threshold}. */
    static PpcVcpu vcpu(int[] code, long seed, int threshold) {
        FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, 64 * 1024);
        Random rnd = new Random(seed ^ 0x5eed);
        for (long a = DATA; a < DATA + 0x1010; a += 4) mem.write(a, 4, rnd.nextInt() & 0xffff_ffffL);
        for (int k = 0; k < code.length; k++) mem.write(CODE + 4L * k, 4, code[k] & 0xffff_ffffL);
        int saved = PpcJit.threshold();
        PpcJit.setThreshold(threshold);
        try {
            PpcVcpu v = (PpcVcpu) ISA.createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> 0));
            v.setPc(CODE);
            for (int r : WRITABLE) v.setRegister(r, rnd.nextInt() & 0xffff_ffffL);
            v.setRegister(20, DATA);
            v.setRegister(21, UPDATE_BASE);
            v.setRegister(22, 0x10);
            v.setRegister(23, 0xffe);
            return v;
        } finally {
            PpcJit.setThreshold(saved);
        }
    }
}
