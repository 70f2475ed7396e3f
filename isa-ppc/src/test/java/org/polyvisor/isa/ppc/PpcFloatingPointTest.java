package org.polyvisor.isa.ppc;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyvisor.isa.ppc.PpcRegisters.*;

/**
 * The first part of the FPU through the {@link Vcpu} interface: FP loads and stores (single conversions bit-exact
 * as DOUBLE and SINGLE of Book I 4.6), the sign moves, and MSR[FP] = 0 raising FP unavailable (0x800). FPRs are
 * observed through memory: each row loads from DATA (r4), computes, and stores back to DATA + 0x20.
 * One row: words at 0x1000 (their objdump text in the comment), the doubleword at DATA before, the doubleword
 * or word at DATA + 0x20 after.
 */
class PpcFloatingPointTest {
    static final long CODE = 0x1000, DATA = 0x8000, OUT = DATA + 0x20;
    static final long MSR_FP = 0x2000;
    /** The {@code in} of rows that read the pattern 0x80818283 0x3f850607 0x84858687 0x88898a8b at DATA. */
    static final long PATTERN = -1;

    record Case(String name, int[] code, long in, long out, int outSize, long r4After) {
        @Override public String toString() { return name; }
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void row(String name, long in, long out, int outSize, int... code) {
        CASES.add(new Case(name, code, in, out, outSize, DATA));
    }

    private static void update(String name, long in, long out, int outSize, long r4After, int... code) {
        CASES.add(new Case(name, code, in, out, outSize, r4After));
    }

    // encodings (RA = r4 = DATA, r5 = 8)
    static final int LFD_F1 = 0xc8240000;          // lfd f1,0(r4)
    static final int LFS_F1 = 0xc0240000;          // lfs f1,0(r4)
    static final int STFD_F1_OUT = 0xd8240020;     // stfd f1,32(r4)
    static final int STFS_F1_OUT = 0xd0240020;     // stfs f1,32(r4)
    static final int STFD_F2_OUT = 0xd8440020;     // stfd f2,32(r4)

    static {
        row("lfd/stfd copy", 0x80818283_84858687L, 0x80818283_84858687L, 8, LFD_F1, STFD_F1_OUT);
        row("lfs 1.0f widens to 1.0", 0x3f800000_00000000L, 0x3ff00000_00000000L, 8, LFS_F1, STFD_F1_OUT);
        row("lfs -2.5f", 0xc0200000_00000000L, 0xc0040000_00000000L, 8, LFS_F1, STFD_F1_OUT);
        row("lfs +0", 0, 0, 8, LFS_F1, STFD_F1_OUT);
        row("lfs -0", 0x80000000_00000000L, 0x80000000_00000000L, 8, LFS_F1, STFD_F1_OUT);
        row("lfs +inf", 0x7f800000_00000000L, 0x7ff00000_00000000L, 8, LFS_F1, STFD_F1_OUT);
        row("lfs sNaN kept signalling", 0x7f800001_00000000L, 0x7ff00000_20000000L, 8, LFS_F1, STFD_F1_OUT);
        row("lfs qNaN", 0xffc00000_00000000L, 0xfff80000_00000000L, 8, LFS_F1, STFD_F1_OUT);
        row("lfs smallest denormal normalised", 0x00000001_00000000L, 0x36a00000_00000000L, 8, LFS_F1, STFD_F1_OUT);
        row("lfs largest denormal", 0x807fffff_00000000L, 0xb80fffff_c0000000L, 8, LFS_F1, STFD_F1_OUT);
        row("lfs/stfs copy", 0x3fa00001_00000000L, 0x3fa00001L, 4, LFS_F1, STFS_F1_OUT);
        row("stfs 1.0", 0x3ff00000_00000000L, 0x3f800000L, 4, LFD_F1, STFS_F1_OUT);
        row("stfs truncates", 0x3ff00000_f0000000L, 0x3f800007L, 4, LFD_F1, STFS_F1_OUT);
        row("stfs denormalises 2^-127", 0x38000000_00000000L, 0x00400000L, 4, LFD_F1, STFS_F1_OUT);
        row("stfs denormalises -2^-149", 0xb6a00000_00000000L, 0x80000001L, 4, LFD_F1, STFS_F1_OUT);
        row("stfs inf", 0xfff00000_00000000L, 0xff800000L, 4, LFD_F1, STFS_F1_OUT);
        row("stfs sNaN keeps its payload top", 0x7ff00000_20000000L, 0x7f800001L, 4, LFD_F1, STFS_F1_OUT);
        // fmr f2,f1 / fneg f2,f1 / fabs f2,f1 / fnabs f2,f1
        row("fmr", 0xc0000000_00000001L, 0xc0000000_00000001L, 8, LFD_F1, 0xfc400890, STFD_F2_OUT);
        row("fneg", 0xc0000000_00000001L, 0x40000000_00000001L, 8, LFD_F1, 0xfc400850, STFD_F2_OUT);
        row("fneg of NaN flips the sign only", 0x7ff80000_00000000L, 0xfff80000_00000000L, 8, LFD_F1, 0xfc400850, STFD_F2_OUT);
        row("fabs", 0xc0000000_00000001L, 0x40000000_00000001L, 8, LFD_F1, 0xfc400a10, STFD_F2_OUT);
        row("fnabs", 0x40000000_00000001L, 0xc0000000_00000001L, 8, LFD_F1, 0xfc400910, STFD_F2_OUT);
        row("fmr. (CR1 from FPSCR)", 0x12345678_9abcdef0L, 0x12345678_9abcdef0L, 8, LFD_F1, 0xfc400891, STFD_F2_OUT);
        // indexed and update forms: r5 = 8 first (li r5,8)
        update("lfdu f1,8(r4) moves r4", PATTERN, 0x84858687_88898a8bL, 8, DATA + 8, 0xcc240008, 0xd8240018);
        update("lfsu f1,4(r4)", PATTERN, 0x3ff0a0c0_e0000000L, 8, DATA + 4, 0xc4240004, 0xd824001c);
        row("lfdx f1,r4,r5", PATTERN, 0x84858687_88898a8bL, 8, 0x38a00008, 0x7c242cae, STFD_F1_OUT);
        row("lfsx f1,r4,r5", PATTERN, 0xb890b0d0_e0000000L, 8, 0x38a00008, 0x7c242c2e, STFD_F1_OUT);
        update("lfdux f1,r4,r5", PATTERN, 0x84858687_88898a8bL, 8, DATA + 8, 0x38a00008, 0x7c242cee, 0xd8240018);
        update("lfsux f1,r4,r5", PATTERN, 0xb890b0d0_e0000000L, 8, DATA + 8, 0x38a00008, 0x7c242c6e, 0xd8240018);
        update("stfdu f1,32(r4)", 0x01020304_05060708L, 0x01020304_05060708L, 8, OUT, LFD_F1, 0xdc240020);
        update("stfsu f1,32(r4)", 0x3ff00000_00000000L, 0x3f800000L, 4, OUT, LFD_F1, 0xd4240020);
        row("stfdx f1,r4,r5 (r5 = 32)", 0x01020304_05060708L, 0x01020304_05060708L, 8, LFD_F1, 0x38a00020, 0x7c242dae);
        row("stfsx f1,r4,r5 (r5 = 32)", 0x3ff00000_00000000L, 0x3f800000L, 4, LFD_F1, 0x38a00020, 0x7c242d2e);
        update("stfdux f1,r4,r5", 0x01020304_05060708L, 0x01020304_05060708L, 8, OUT, LFD_F1, 0x38a00020, 0x7c242dee);
        update("stfsux f1,r4,r5", 0x3ff00000_00000000L, 0x3f800000L, 4, OUT, LFD_F1, 0x38a00020, 0x7c242d6e);
    }

    static Stream<Case> cases() { return CASES.stream(); }

    private static FlatGuestMemory memory(int... code) {
        FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, 64 * 1024);
        for (int k = 0; k < code.length; k++) mem.write(CODE + 4L * k, 4, code[k]);
        return mem;
    }

    private static Vcpu vcpu(FlatGuestMemory mem, long msr) {
        Vcpu v = new PpcIsaProvider().createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> 0));
        v.setPc(CODE);
        v.setRegister(MSR, msr);
        v.setRegister(4, DATA);
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void executes(Case c) {
        try (FlatGuestMemory mem = memory(c.code())) {
            mem.write(DATA, 4, c.in() >>> 32);
            mem.write(DATA + 4, 4, c.in() & 0xffff_ffffL);
            if (c.in() == PATTERN) {
                mem.write(DATA, 4, 0x80818283L);
                mem.write(DATA + 4, 4, 0x3f850607L);
                mem.write(DATA + 8, 4, 0x84858687L);
                mem.write(DATA + 12, 4, 0x88898a8bL);
            }
            Vcpu v = vcpu(mem, MSR_FP);
            v.setRegister(CR, 0x0f00_0000L);
            String where = String.format("ppc %s [%s]: ", c.name(), words(c.code()));
            assertEquals(VcpuExit.BUDGET_SPENT, v.run(c.code().length), where + "exit");
            long actual = c.outSize() == 8 ? mem.read(OUT, 4) << 32 | mem.read(OUT + 4, 4) : mem.read(OUT, 4);
            assertEquals(hex(c.out()), hex(actual), where + "memory at 0x" + Long.toHexString(OUT));
            assertEquals(hex(c.r4After()), hex(v.register(4)), where + "r4");
            boolean recordForm = c.name().startsWith("fmr.");
            assertEquals(hex(recordForm ? 0 : 0x0f00_0000L), hex(v.register(CR)), where + "cr");
        }
    }

    @Test
    void fpUnavailableWithoutHandlerCrashesTheDomain() {
        try (FlatGuestMemory mem = memory(LFD_F1)) {
            VcpuExit exit = vcpu(mem, 0).run(1);
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, exit, "ppc lfd with MSR[FP] = 0");
            assertTrue(f.reason().contains("MSR[FP] = 0"), "ppc lfd with MSR[FP] = 0: " + f.reason());
            assertEquals(CODE, f.pc(), "ppc lfd with MSR[FP] = 0: fault pc");
        }
    }

    @Test
    void fpUnavailableIsDeliveredAt0x800() {
        for (int word : new int[] {LFD_F1, STFS_F1_OUT, 0xfc400890, 0x7c242cae}) {
            try (FlatGuestMemory mem = memory(word)) {
                mem.write(0x800, 4, 0x48000000);   // b . : an installed handler
                Vcpu v = vcpu(mem, 0x1000);        // ME only
                String where = String.format("ppc %08x with MSR[FP] = 0: ", word);
                assertEquals(VcpuExit.BUDGET_SPENT, v.run(1), where + "exit");
                assertEquals(0x800, v.pc(), where + "pc");
                assertEquals(hex(CODE), hex(v.register(SRR0)), where + "srr0");
                assertEquals(hex(0x1000), hex(v.register(SRR1)), where + "srr1");
                assertEquals(0, mem.read(OUT, 4), where + "nothing stored");
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
