package org.polyvisor.isa.ppc;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.polyvisor.isa.ppc.exec.PpcVcpu;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.VcpuConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.ppc.PpcRegisters.*;

/**
 * The block runner's fast forms against single steps and against known results: every compare form (signed and
 * unsigned, register and immediate, into several CR fields, fused with the bc that follows it or not), gcc's binary
 * search (lwzx, cmplw, bgt; subf, srwi, add, slwi), the indexed, byte and halfword loads and stores, and a page that
 * the run loop's data TLB holds for writes and that then becomes code: its later stores must still reach the decoded
 * blocks; lwz and lwzx fused with a compare; the carrying adds and subtracts; and instructions for their units
 * between fast ones and as the last of a full block. Each program runs with every budget from 1 to its length at
 * once and as that many single steps (a budget of 1 runs one instruction), comparing GPRs, CR, CTR, LR, XER, pc and
 * the retired count, then to its end.
 * Encodings from powerpc-linux-gnu-as / objdump.
 */
class PpcBlockFastFormsTest {
    private static final long CODE = 0x1000, PAGE_X = 0x2000, DATA = 0x8000;
    private static final int SPIN = 0x4800_0000;

    /** A program, the budget that reaches its final spin, and the registers it must end with. */
    private record Program(String name, int[] code, int steps, long[][] expected) { }

    private static final Program[] PROGRAMS = {
            new Program("compare forms", new int[] {
                    0x3860_0000 /* li r3,0 */, 0x3880_fffb /* li r4,-5 */, 0x38a0_0003 /* li r5,3 */,
                    0x7c84_2800 /* cmpw cr1,r4,r5 */, 0x4184_0008 /* blt cr1,+8 (fused, taken) */,
                    0x3863_0001 /* addi r3,r3,1 */,
                    0x7d04_2840 /* cmplw cr2,r4,r5 */, 0x4189_0008 /* bgt cr2,+8 (fused, taken) */,
                    0x3863_0002 /* addi r3,r3,2 */,
                    0x2d84_fffb /* cmpwi cr3,r4,-5 */, 0x408e_0008 /* bne cr3,+8 (fused, not taken) */,
                    0x3863_0004 /* addi r3,r3,4 */,
                    0x2805_ffff /* cmplwi r5,65535 */, 0x4080_0008 /* bge +8 (fused, not taken) */,
                    0x3863_0008 /* addi r3,r3,8 */,
                    0x7e85_2000 /* cmpw cr5,r5,r4 */, 0x419a_0008 /* beq cr6,+8 (another field: not fused) */,
                    0x3863_0010 /* addi r3,r3,16 */,
                    0x7cc0_0026 /* mfcr r6 */, SPIN},
                    17, new long[][] {{3, 28}, {CR, 0x8842_0400L}, {6, 0x8842_0400L}}),
            new Program("binary search", new int[] {
                    0x3900_0010 /* li r8,16 */, 0x3940_0000 /* li r10,0 */, 0x3de0_0708 /* lis r15,0x708 */,
                    0x7d2a_4050 /* loop: subf r9,r10,r8 */, 0x7c08_5040 /* cmplw r8,r10 */,
                    0x5529_f87e /* srwi r9,r9,1 */, 0x7d29_5214 /* add r9,r9,r10 */, 0x5524_103a /* slwi r4,r9,2 */,
                    0x4081_0020 /* ble done */, 0x7c86_202e /* lwzx r4,r6,r4 */, 0x7c0f_2040 /* cmplw r15,r4 */,
                    0x4181_000c /* bgt higher */, 0x7d28_4b78 /* mr r8,r9 */, 0x4bff_ffd8 /* b loop */,
                    0x3949_0001 /* higher: addi r10,r9,1 */, 0x4bff_ffd0 /* b loop */,
                    0x7de7_212e /* done: stwx r15,r7,r4 */, 0xb127_0008 /* sth r9,8(r7) */,
                    0x9927_000c /* stb r9,12(r7) */, 0xa167_0008 /* lhz r11,8(r7) */, 0xa986_0000 /* lha r12,0(r6) */,
                    0x7da7_20ae /* lbzx r13,r7,r4 */, 0x7da7_51ae /* stbx r13,r7,r10 */,
                    0x8dc7_0006 /* lbzu r14,6(r7) */, SPIN},
                    60, new long[][] {{10, 6}, {8, 6}, {9, 6}, {4, 24}, {11, 6}, {12, 0x0102}, {13, 0x07}, {14, 0x07},
                            {7, DATA + 0x46}}),
            new Program("stores into a page the data TLB held, then ran as code", new int[] {
                    0x3cc0_3860 /* lis r6,0x3860 */, 0x60c6_0002 /* ori r6,r6,2: r6 = li r3,2 */,
                    0x3880_2000 /* li r4,0x2000 */, 0x3ca0_4800 /* lis r5,0x4800: r5 = b . */,
                    0x90a4_000c /* stw r5,12(r4) */, 0x90a4_000c /* stw r5,12(r4) */, 0x90a4_000c /* stw r5,12(r4) */,
                    0x4800_2002 /* ba 0x2000 */},
                    12, new long[][] {{3, 2}, {PC, PAGE_X + 12}}),
            new Program("instructions for their units between fast ones, and as the last of a full block",
                    unitsInAFullBlock(), 66, new long[][] {{3, 56}, {10, 2}, {11, 26}, {12, 1}, {13, 2}, {14, 57},
                            {9, 0x8000_0000L}, {PC, CODE + 4 * 66}}),
            new Program("carrying adds and subtracts (CA in and out of the low word)", new int[] {
                    0x3860_fffe /* li r3,-2 */, 0x3880_0003 /* li r4,3 */, 0x7d43_2014 /* addc r10,r3,r4 */,
                    0x7d63_2114 /* adde r11,r3,r4 */, 0x7d84_1810 /* subfc r12,r4,r3 */,
                    0x7da3_2110 /* subfe r13,r3,r4 */, 0x7dc4_1910 /* subfe r14,r4,r3 */,
                    0x7de4_2114 /* adde r15,r4,r4 */, 0x7d23_1810 /* subfc r9,r3,r3 */,
                    0x7ce7_3910 /* subfe r7,r7,r7 */, 0x7ce7_00d0 /* neg r7,r7 */, 0x7d04_2014 /* addc r8,r4,r4 */,
                    0x7ca4_2110 /* subfe r5,r4,r4 */, 0x3cc0_8000 /* lis r6,-32768 */,
                    0x7cc6_3014 /* addc r6,r6,r6 */, 0x7ca5_2914 /* adde r5,r5,r5 */, SPIN},
                    16, new long[][] {{10, 1}, {11, 2}, {13, 5}, {15, 7}, {9, 0}, {7, 0}, {8, 6},
                            {XER, 0x2000_0000L}}),
            new Program("lwz and lwzx fused with the compare that follows (and its bc, or none, or another field's)",
                    new int[] {
                    0x3860_0000 /* li r3,0 */, 0x8106_0000 /* lwz r8,0(r6): the TLB misses */,
                    0x2c08_0000 /* cmpwi r8,0 */, 0x4082_0008 /* bne +8 (taken) */, 0x3863_0001 /* addi r3,r3,1 */,
                    0x8126_0004 /* lwz r9,4(r6): hits, fused */, 0x7f89_4000 /* cmpw cr7,r9,r8 (no bc) */,
                    0x3863_0002 /* addi r3,r3,2 */, 0x7d46_282e /* lwzx r10,r6,r5 (unaligned) */,
                    0x7c8a_4840 /* cmplw cr1,r10,r9 */, 0x419a_0008 /* beq cr6,+8 (another field) */,
                    0x3863_0004 /* addi r3,r3,4 */, 0x8166_0008 /* lwz r11,8(r6) */,
                    0x290b_0001 /* cmplwi cr2,r11,1 */, 0x4189_0008 /* bgt cr2,+8 (taken) */,
                    0x3863_0008 /* addi r3,r3,8 */, 0x7d80_0026 /* mfcr r12 */, SPIN},
                    15, new long[][] {{3, 6}, {8, 0x0102_0304L}, {9, 0x0204_0608L}, {10, 0x0402_0406L},
                            {11, 0x0306_090cL}, {CR, 0x4440_0004L}, {12, 0x4440_0004L}}),
    };

    /**
     * li r3,0; li r4,-2; mulhwu r10,r4,r5; cntlzw r11,r4; addc r12,r4,r5; adde r13,r4,r5; mullw. r15,r4,r5 (mulhwu,
     * cntlzw and mullw. go to their units), 56 x addi r3,r3,1, then cntlzw r11,r3 as the 64th instruction of the block
     * (Block.MAX_LENGTH), addze r14,r3 and mfcr r9 in the next block; then the spin.
     */
    private static int[] unitsInAFullBlock() {
        int[] code = new int[67];
        int[] head = {0x3860_0000, 0x3880_fffe, 0x7d44_2816, 0x7c8b_0034, 0x7d84_2814, 0x7da4_2914, 0x7de4_29d7};
        System.arraycopy(head, 0, code, 0, head.length);
        for (int k = head.length; k < 63; k++) code[k] = 0x3863_0001;
        code[63] = 0x7c6b_0034;
        code[64] = 0x7dc3_0194;
        code[65] = 0x7d20_0026;
        code[66] = SPIN;
        return code;
    }

    /** At 0x2000: li r3,1; stw r6,8(r4) (writes li r3,2 over the next instruction); li r3,7; b . */
    private static final int[] PAGE_X_CODE = {0x3860_0001, 0x90c4_0008, 0x3860_0007, SPIN};

    private final PpcIsaProvider isa = new PpcIsaProvider();

    @TestFactory
    List<DynamicTest> fastFormsAgreeWithSingleStepsAndEndRight() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Program p : PROGRAMS) {
            tests.add(DynamicTest.dynamicTest(p.name(), () -> {
                for (int budget = 1; budget <= p.steps(); budget++) {
                    PpcVcpu whole = seeded(p), stepped = seeded(p);
                    whole.run(budget);
                    for (int k = 0; k < budget; k++) stepped.run(1);
                    String at = "ppc " + p.name() + ", budget " + budget;
                    for (int n : new int[] {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, PC, CR, CTR, LR, XER})
                        assertEquals(stepped.register(n), whole.register(n), at + ", register " + n);
                    assertEquals(stepped.retired(), whole.retired(), at + ", retired");
                    for (int k = 0; k < 16; k++)
                        assertEquals(dataWord(stepped, k), dataWord(whole, k), at + ", data word " + k);
                    assertEquals(codeWord(stepped, 2), codeWord(whole, 2), at + ", code at 0x2008");
                }
                PpcVcpu v = seeded(p);
                v.run(p.steps() + 20);
                for (long[] e : p.expected())
                    assertEquals(e[1], v.register((int) e[0]), "ppc " + p.name() + ": register " + e[0] + " at last");
            }));
        }
        return tests;
    }

    /** A vCPU at the program with its own memory: r5 = 3, r6 = DATA (16 ascending words), r7 = DATA + 0x40 (zeros). */
    private PpcVcpu seeded(Program p) {
        FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, 64 * 1024);
        for (int k = 0; k < 16; k++) mem.write(DATA + 4L * k, 4, 0x0102_0304L * (k + 1));
        for (int k = 0; k < 16; k++) mem.write(DATA + 0x40 + 4L * k, 4, 0);
        write(mem, CODE, p.code());
        write(mem, PAGE_X, PAGE_X_CODE);
        PpcVcpu v = (PpcVcpu) isa.createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> 0));
        v.setPc(CODE);
        v.setRegister(5, 3);
        v.setRegister(6, DATA);
        v.setRegister(7, DATA + 0x40);
        return v;
    }

    private static void write(FlatGuestMemory mem, long at, int... code) {
        for (int k = 0; k < code.length; k++) mem.write(at + 4L * k, 4, code[k]);
    }

    private static long dataWord(PpcVcpu v, int k) { return v.memory().read(DATA + 0x40 + 4L * k, 4); }

    private static long codeWord(PpcVcpu v, int k) { return v.memory().read(PAGE_X + 4L * k, 4); }
}
