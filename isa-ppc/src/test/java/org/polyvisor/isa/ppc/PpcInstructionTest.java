package org.polyvisor.isa.ppc;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.ppc.PpcRegisters.*;

/**
 * One row per case: instruction words (their objdump text in the comment) placed at 0x1000, registers and
 * memory before, registers and memory after, run through the {@link Vcpu} interface for as many instructions
 * as the row says (all of them by default). Data lives at 0x8000, which holds 0x80 0x81 ... 0x8b first.
 */
class PpcInstructionTest {
    static final long CODE = 0x1000, DATA = 0x8000;
    static final long CA = 0x2000_0000L, OV_SO = 0xc000_0000L;

    sealed interface Check permits Reg, Mem { }

    record Reg(int number, long value) implements Check { }

    record Mem(long address, int size, long value) implements Check { }

    record Case(String name, int[] code, long[] before, List<Check> after, int steps) {
        @Override public String toString() { return name; }
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void row(String name, int[] code, long[] before, Check... after) {
        CASES.add(new Case(name, code, before, List.of(after), code.length));
    }

    private static void steps(String name, int steps, int[] code, long[] before, Check... after) {
        CASES.add(new Case(name, code, before, List.of(after), steps));
    }

    private static int[] code(int... words) { return words; }

    private static long[] set(long... pairs) { return pairs; }

    private static Reg r(int n, long v) { return new Reg(n, v & 0xffff_ffffL); }

    private static Mem m(long address, long value) { return new Mem(address, 4, value); }

    static {
        // D-form immediates and XO arithmetic, with CA, OV/SO and CR0
        row("li r3,-5", code(0x3860fffb), set(), r(3, 0xfffffffbL));
        row("lis r3,4660", code(0x3c601234), set(), r(3, 0x12340000));
        row("addi r3,r4,1", code(0x38640001), set(4, 0x7fffffff), r(3, 0x80000000L), r(XER, 0));
        row("addis r3,r4,-1", code(0x3c64ffff), set(4, 0x10000), r(3, 0));
        row("add. zero", code(0x7c642a15), set(4, 0xffffffffL, 5, 1), r(3, 0), r(CR, 0x20000000));
        row("addo. overflow", code(0x7c642e15), set(4, 0x7fffffff, 5, 1), r(3, 0x80000000L), r(XER, OV_SO), r(CR, 0x90000000L));
        row("addc carry", code(0x7c642814), set(4, 0xffffffffL, 5, 1), r(3, 0), r(XER, CA));
        row("adde with CA", code(0x7c642914), set(XER, CA, 4, 1, 5, 2), r(3, 4), r(XER, 0));
        row("subf r3,r4,r5", code(0x7c642850), set(4, 3, 5, 10), r(3, 7));
        row("subfc borrow", code(0x7c642810), set(4, 2, 5, 1), r(3, 0xffffffffL), r(XER, 0));
        row("subfc no borrow", code(0x7c642810), set(4, 1, 5, 2), r(3, 1), r(XER, CA));
        row("subfe without CA", code(0x7c642910), set(4, 1, 5, 5), r(3, 3), r(XER, CA));
        row("neg r3,r4", code(0x7c6400d0), set(4, 5), r(3, -5));
        row("nego overflow", code(0x7c6404d0), set(4, 0x80000000L), r(3, 0x80000000L), r(XER, OV_SO));
        row("addic r3,r4,-1", code(0x3064ffff), set(4, 0), r(3, 0xffffffffL), r(XER, 0));
        row("addic. to zero", code(0x3464ffff), set(4, 1), r(3, 0), r(XER, CA), r(CR, 0x20000000));
        row("subfic r3,r4,10", code(0x2064000a), set(4, 3), r(3, 7), r(XER, CA));
        row("mullw low word", code(0x7c6429d6), set(4, 0x10000, 5, 0x10000), r(3, 0), r(XER, 0));
        row("mullwo overflow", code(0x7c642dd6), set(4, 0x10000, 5, 0x10000), r(3, 0), r(XER, OV_SO));
        row("mulli r3,r4,-3", code(0x1c64fffd), set(4, 7), r(3, -21));
        row("mulhw", code(0x7c642896), set(4, 0xfffffffeL, 5, 3), r(3, 0xffffffffL));
        row("mulhwu", code(0x7c642816), set(4, 0xffffffffL, 5, 2), r(3, 1));
        row("divw", code(0x7c642bd6), set(4, 0xfffffff9L, 5, 2), r(3, -3));
        row("divwu", code(0x7c642b96), set(4, 0xfffffff9L, 5, 2), r(3, 0x7ffffffcL));
        row("divwo by zero", code(0x7c642fd6), set(4, 1, 5, 0), r(XER, OV_SO));
        row("addze", code(0x7c640194), set(XER, CA, 4, 5), r(3, 6), r(XER, 0));
        row("addme", code(0x7c6401d4), set(4, 0), r(3, 0xffffffffL), r(XER, 0));
        row("subfze", code(0x7c640190), set(XER, CA, 4, 0), r(3, 0), r(XER, CA));
        row("subfme", code(0x7c6401d0), set(XER, CA, 4, 0), r(3, 0xffffffffL), r(XER, CA));
        // logical
        long[] ab = set(4, 0xff00ff00L, 5, 0x0ff00ff0L);
        row("and", code(0x7c832838), ab, r(3, 0x0f000f00));
        row("or", code(0x7c832b78), ab, r(3, 0xfff0fff0L));
        row("xor", code(0x7c832a78), ab, r(3, 0xf0f0f0f0L));
        row("nand", code(0x7c832bb8), ab, r(3, 0xf0fff0ffL));
        row("nor", code(0x7c8328f8), ab, r(3, 0x000f000f));
        row("eqv", code(0x7c832a38), ab, r(3, 0x0f0f0f0f));
        row("andc", code(0x7c832878), ab, r(3, 0xf000f000L));
        row("orc", code(0x7c832b38), ab, r(3, 0xff0fff0fL));
        row("mr r3,r4", code(0x7c832378), set(4, 0x12345678), r(3, 0x12345678));
        row("not r3,r4", code(0x7c8320f8), set(4, 0), r(3, 0xffffffffL));
        row("andi.", code(0x708300ff), set(4, 0x1234), r(3, 0x34), r(CR, 0x40000000));
        row("andis.", code(0x7483ff00), set(4, 0x12345678), r(3, 0x12000000), r(CR, 0x40000000));
        row("ori", code(0x60838001), set(4, 0x10000), r(3, 0x18001));
        row("oris", code(0x64838001), set(4, 1), r(3, 0x80010001L));
        row("xori", code(0x6883ffff), set(4, 0xffff), r(3, 0));
        row("xoris", code(0x6c83ffff), set(4, 0xffff0000L), r(3, 0));
        row("extsb", code(0x7c830774), set(4, 0x80), r(3, 0xffffff80L));
        row("extsh.", code(0x7c830735), set(4, 0x8000), r(3, 0xffff8000L), r(CR, 0x80000000L));
        row("cntlzw", code(0x7c830034), set(4, 0x10000), r(3, 15));
        row("cntlzw of zero", code(0x7c830034), set(4, 0), r(3, 32));
        // shifts and rotates
        row("slw 31", code(0x7c832830), set(4, 1, 5, 31), r(3, 0x80000000L));
        row("slw 32", code(0x7c832830), set(4, 1, 5, 32), r(3, 0));
        row("srw 31", code(0x7c832c30), set(4, 0x80000000L, 5, 31), r(3, 1));
        row("srw 63", code(0x7c832c30), set(4, 0x80000000L, 5, 63), r(3, 0));
        row("sraw exact", code(0x7c832e30), set(4, -8, 5, 1), r(3, -4), r(XER, 0));
        row("sraw loses ones", code(0x7c832e30), set(4, -7, 5, 1), r(3, -4), r(XER, CA));
        row("sraw 40 negative", code(0x7c832e30), set(4, -1, 5, 40), r(3, -1), r(XER, CA));
        row("sraw 40 positive", code(0x7c832e30), set(4, 5, 5, 40), r(3, 0), r(XER, 0));
        row("srawi 1", code(0x7c830e70), set(4, -7), r(3, -4), r(XER, CA));
        row("srawi. 4", code(0x7c832671), set(4, 0x100), r(3, 0x10), r(XER, 0), r(CR, 0x40000000));
        long[] w = set(4, 0x12345678);
        row("slwi 8", code(0x5483402e), w, r(3, 0x34567800));
        row("srwi 8", code(0x5483c23e), w, r(3, 0x00123456));
        row("clrlwi 24", code(0x5483063e), w, r(3, 0x78));
        row("rotlwi 8", code(0x5483403e), w, r(3, 0x34567812));
        row("rlwimi insert", code(0x5083442e), set(3, 0xaaaaaaaaL, 4, 0x12345678), r(3, 0xaaaa78aaL));
        row("rotlw by rb mod 32", code(0x5c83283e), set(4, 0x80000001L, 5, 33), r(3, 3));
        row("rlwinm wrapping mask", code(0x54830144), set(4, 0xffffffffL), r(3, 0xe7ffffffL));
        // compares into any CR field, CR logical, CR moves
        row("cmpw cr7 less", code(0x7f842800), set(4, -1, 5, 1), r(CR, 0x8));
        row("cmplw greater", code(0x7c042840), set(4, 0xffffffffL, 5, 1), r(CR, 0x40000000));
        row("cmpwi cr1 equal", code(0x2c84ffff), set(4, -1), r(CR, 0x02000000));
        row("cmplwi cr6 greater", code(0x2b04ffff), set(4, 0x10000), r(CR, 0x40));
        row("cmpw copies SO", code(0x7f842800), set(XER, 0x80000000L, 4, 1, 5, 1), r(CR, 0x3));
        row("crxor", code(0x4c221982), set(CR, 0x20000000), r(CR, 0x60000000));
        row("crand", code(0x4c221a02), set(CR, 0x30000000), r(CR, 0x70000000));
        row("cror", code(0x4c221b82), set(CR, 0x10000000), r(CR, 0x50000000));
        row("crnot", code(0x4c221042), set(CR, 0), r(CR, 0x40000000));
        row("crset", code(0x4ffffa42), set(CR, 0), r(CR, 1));
        row("mcrf cr7,cr0", code(0x4f800000), set(CR, 0xa0000000L), r(CR, 0xa000000aL));
        row("mfcr", code(0x7c600026), set(CR, 0x12345678), r(3, 0x12345678));
        row("mtcrf 0x80", code(0x7c880120), set(4, 0xffffffffL), r(CR, 0xf0000000L));
        row("mtcr", code(0x7c8ff120), set(4, 0x12345678), r(CR, 0x12345678));
        // loads and stores of every width, update and indexed forms, multiple
        row("lbz", code(0x88640001), set(4, DATA), r(3, 0x81));
        row("lhz", code(0xa0640002), set(4, DATA), r(3, 0x8283));
        row("lha sign-extends", code(0xa8640002), set(4, DATA), r(3, 0xffff8283L));
        row("lwz", code(0x80640004), set(4, DATA), r(3, 0x84858687L));
        row("lwzu", code(0x84640004), set(4, DATA), r(3, 0x84858687L), r(4, DATA + 4));
        row("lwzx", code(0x7c64282e), set(4, 0x7000, 5, 0x1004), r(3, 0x84858687L));
        row("lbzux", code(0x7c6428ee), set(4, DATA, 5, 3), r(3, 0x83), r(4, DATA + 3));
        row("lhax", code(0x7c642aae), set(4, DATA, 5, 6), r(3, 0xffff8687L));
        row("lwz unaligned", code(0x80640004), set(4, DATA - 3), r(3, 0x81828384L));
        row("lwz across pages", code(0x80640004), set(4, DATA - 6), r(3, 0xaabb8081L));
        long[] v = set(3, 0x12345678, 4, DATA);
        row("stb", code(0x98640001), v, m(DATA, 0x80788283L));
        row("sth", code(0xb0640002), v, m(DATA, 0x80815678L));
        row("stw", code(0x90640004), v, m(DATA + 4, 0x12345678));
        row("stwu", code(0x9464fffc), set(3, 0x12345678, 4, DATA + 4), m(DATA, 0x12345678), r(4, DATA));
        row("stwx", code(0x7c64292e), set(3, 0x12345678, 4, DATA, 5, 4), m(DATA + 4, 0x12345678));
        row("sthux", code(0x7c642b6e), set(3, 0x12345678, 4, DATA, 5, 2), m(DATA, 0x80815678L), r(4, DATA + 2));
        row("stbx with RA=0", code(0x7c6029ae), set(3, 0x12345678, 5, DATA + 3), m(DATA, 0x80818278L));
        row("stw across pages", code(0x90640004), set(3, 0x12345678, 4, DATA - 6), m(DATA - 4, 0x1234), m(DATA, 0x56788283L));
        row("lmw r29", code(0xbba40000), set(4, DATA), r(29, 0x80818283L), r(30, 0x84858687L), r(31, 0x88898a8bL));
        row("stmw r29", code(0xbfa40000), set(4, DATA, 29, 1, 30, 2, 31, 3), m(DATA, 1), m(DATA + 4, 2), m(DATA + 8, 3));
        // load/store string: four bytes a register MSB first, zero padded, r31 wrapping to r0; counts from NB or XER
        row("lswi r5,r4,7", code(0x7ca43caa), set(4, DATA), r(5, 0x80818283L), r(6, 0x84858600L));
        row("lswi r31,r4,6 wraps to r0", code(0x7fe434aa), set(4, DATA), r(31, 0x80818283L), r(0, 0x84850000L));
        row("lswx r5,r4,r7 with XER count 5", code(0x7ca43c2a), set(4, DATA, 7, 1, XER, 5), r(5, 0x81828384L),
                r(6, 0x85000000L));
        row("stswi r5,r4,6", code(0x7ca435aa), set(4, DATA, 5, 0x11223344, 6, 0x55667788),
                m(DATA, 0x11223344), m(DATA + 4, 0x55668687L));
        row("stswx r5,r4,r7 with XER count 3", code(0x7ca43d2a), set(4, DATA, 5, 0x11223344, 7, 0, XER, 3),
                m(DATA, 0x11223383L));
        row("mcrxr cr3", code(0x7d800400), set(XER, 0xe000_0000L, CR, 0), r(CR, 0x000e_0000L), r(XER, 0));
        // byte-reversed, reservation, cache block zero
        row("lhbrx", code(0x7c65262c), set(4, DATA, 5, 2), r(3, 0x8382));
        row("lwbrx", code(0x7c65242c), set(4, DATA, 5, 4), r(3, 0x87868584L));
        row("sthbrx", code(0x7c65272c), set(3, 0x1234, 4, DATA, 5, 0), m(DATA, 0x34128283L));
        row("stwbrx", code(0x7c60252c), set(3, 0x12345678, 4, DATA + 4), m(DATA + 4, 0x78563412));
        row("lwarx, addi, stwcx. succeeds", code(0x7c602028, 0x38630001, 0x7c60212d), set(4, DATA),
                m(DATA, 0x80818284L), r(CR, 0x20000000));
        row("stwcx. without reservation fails", code(0x7c60212d), set(3, 1, 4, DATA, XER, 0x80000000L),
                m(DATA, 0x80818283L), r(CR, 0x10000000));
        row("stwcx. after the word changed fails", code(0x7c602028, 0x90a40000, 0x7c60212d), set(4, DATA, 5, 7),
                m(DATA, 7), r(CR, 0));
        row("dcbz zeroes the 32-byte block", code(0x7c0027ec), set(4, DATA + 5), m(DATA, 0), m(DATA + 8, 0), m(DATA - 4, 0xaabb));
        row("dcbst, icbi change nothing", code(0x7c00206c, 0x7c0027ac), set(4, DATA), m(DATA, 0x80818283L), r(PC, CODE + 8));
        // machine state
        row("mfmsr", code(0x7c6000a6), set(MSR, 0x1000), r(3, 0x1000));
        row("mtmsr", code(0x7c600124), set(3, 0x9000), r(MSR, 0x9000));
        row("mtmsr L=1 moves EE and RI only", code(0x7c610124), set(MSR, 0x1000, 3, 0xffffffcfL), r(MSR, 0x9002));
        row("rfi", code(0x4c000064), set(SRR0, 0x2001, SRR1, 0x0001_9002L), r(PC, 0x2000), r(MSR, 0x9002));
        // traps whose condition does not hold go on
        row("tweq not equal", code(0x7c832008), set(3, 1, 4, 2), r(PC, CODE + 4));
        row("twlgti unsigned not greater", code(0x0c23fffb), set(3, 5), r(PC, CODE + 4));
        // special purpose registers and synchronisation
        row("mtlr, mflr", code(0x7c8803a6, 0x7c6802a6), set(4, 0x1234), r(3, 0x1234), r(LR, 0x1234));
        row("mtctr, mfctr", code(0x7c8903a6, 0x7c6902a6), set(4, 0x4321), r(3, 0x4321), r(CTR, 0x4321));
        row("mtxer keeps defined bits", code(0x7c8103a6, 0x7c6102a6), set(4, 0xffffffffL), r(XER, 0xe000007fL), r(3, 0xe000007fL));
        row("mtsrr0, mfsrr1", code(0x7c7a03a6, 0x7c7b02a6), set(3, 0x5000, SRR1, 0x32), r(SRR0, 0x5000), r(3, 0x32));
        row("hwsync, isync, eieio", code(0x7c0004ac, 0x4c00012c, 0x7c0006ac), set(), r(PC, CODE + 12));
        // branches
        row("b .+8", code(0x48000008), set(), r(PC, CODE + 8));
        row("bl .+12", code(0x4800000d), set(), r(PC, CODE + 12), r(LR, CODE + 4));
        row("ba 0x1000", code(0x48001002), set(), r(PC, 0x1000));
        row("blr", code(0x4e800020), set(LR, 0x2000), r(PC, 0x2000));
        row("bctr", code(0x4e800420), set(CTR, 0x3000), r(PC, 0x3000));
        row("bctrl", code(0x4e800421), set(CTR, 0x3000), r(PC, 0x3000), r(LR, CODE + 4));
        row("beq taken", code(0x41820008), set(CR, 0x20000000), r(PC, CODE + 8));
        row("beq not taken", code(0x41820008), set(CR, 0), r(PC, CODE + 4));
        row("bne cr7 not taken", code(0x409e0008), set(CR, 0x2), r(PC, CODE + 4));
        row("bne cr7 taken", code(0x409e0008), set(CR, 0), r(PC, CODE + 8));
        row("blt taken", code(0x41800008), set(CR, 0x80000000L), r(PC, CODE + 8));
        row("bgtlr taken", code(0x4d810020), set(CR, 0x40000000, LR, 0x2000), r(PC, 0x2000));
        row("bgtlr not taken", code(0x4d810020), set(CR, 0, LR, 0x2000), r(PC, CODE + 4));
        row("bdz taken", code(0x42400008), set(CTR, 1), r(PC, CODE + 8), r(CTR, 0));
        row("bdz not taken", code(0x42400008), set(CTR, 2), r(PC, CODE + 4), r(CTR, 1));
        steps("bdnz loop", 10, code(0x38630001, 0x4200fffc), set(CTR, 5), r(3, 5), r(CTR, 0), r(PC, CODE + 8));
        steps("bdnz tests the low word of CTR", 2, code(0x38630001, 0x4200fffc), set(CTR, 0x1_0000_0001L),
                r(3, 1), r(PC, CODE + 8));
    }

    static Stream<Case> cases() { return CASES.stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void executes(Case c) {
        try (FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, 64 * 1024)) {
            for (int k = 0; k < c.code().length; k++) mem.write(CODE + 4L * k, 4, c.code()[k]);
            mem.write(DATA - 4, 4, 0x0000aabb);
            mem.write(DATA, 4, 0x80818283L);
            mem.write(DATA + 4, 4, 0x84858687L);
            mem.write(DATA + 8, 4, 0x88898a8bL);
            Vcpu v = new PpcIsaProvider().createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> 0));
            v.setPc(CODE);
            for (int k = 0; k < c.before().length; k += 2) v.setRegister((int) c.before()[k], c.before()[k + 1]);
            VcpuExit exit = v.run(c.steps());
            String where = "ppc " + c.name() + " [" + words(c.code()) + "]: ";
            assertEquals(VcpuExit.BUDGET_SPENT, exit, where + "exit");
            assertEquals(c.steps(), v.retired(), where + "retired");
            for (Check check : c.after()) {
                switch (check) {
                    case Reg reg -> assertEquals(hex(reg.value()), hex(v.register(reg.number())),
                            where + PpcRegisters.name(reg.number()));
                    case Mem mm -> assertEquals(hex(mm.value()), hex(mem.read(mm.address(), mm.size())),
                            where + "memory at 0x" + Long.toHexString(mm.address()));
                }
            }
        }
    }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }

    private static String words(int[] code) {
        StringBuilder s = new StringBuilder();
        for (int word : code) s.append(s.isEmpty() ? "" : " ").append(String.format("%08x", word));
        return s.toString();
    }
}
