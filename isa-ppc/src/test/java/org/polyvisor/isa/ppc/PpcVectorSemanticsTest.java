package org.polyvisor.isa.ppc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyvisor.isa.ppc.PpcRegisters.CR;
import static org.polyvisor.isa.ppc.PpcRegisters.MSR;

/**
 * Replays the AltiVec vectors recorded under qemu-ppc on QEMU's 7400 model (conformance/qemu: vecharness.c,
 * vecstub.S, generate.sh). Each case runs the stub's own sequence through the {@link Vcpu}: lvx v0 and mtvscr (the
 * VSCR), lvx v5-v7, the instruction, stvx v5-v7, mfvscr v0 and stvx v0; v5-v7, the VSCR and CR must end as QEMU left
 * them. MSR[VEC] = 1; r3 points at the data, r4 is the case's RB for lvsl/lvsr.
 */
class PpcVectorSemanticsTest {
    private static final long CODE = 0x1000, DATA = 0x1ff000;
    private static final int LI_R9 = 0x3920_0000, LVX = 0x7c03_48ce, STVX = 0x7c03_49ce;
    private static final int[] BEFORE = {LI_R9 | 48, LVX, 0x1000_0644, LI_R9, LVX | 5 << 21, LI_R9 | 16, LVX | 6 << 21,
        LI_R9 | 32, LVX | 7 << 21};
    private static final int[] AFTER = {LI_R9, STVX | 5 << 21, LI_R9 | 16, STVX | 6 << 21, LI_R9 | 32, STVX | 7 << 21,
        0x1000_0604, LI_R9 | 48, STVX};
    private static final int WORDS = BEFORE.length + 1 + AFTER.length;
    private static final String[] NAMES = {"v5", "v6", "v7"};

    /** One case: the word, three initial and three final vectors (as two longs each), VSCR, CR, r4 before and after. */
    record Case(long insn, long[] before, long vscr, long cr, long r4, long[] after, long vscrAfter, long crAfter) { }

    @Test
    void everyRecordedCaseMatchesQemu() throws IOException {
        List<Case> cases = load();
        assertTrue(cases.size() >= 3_000, "ppc: at least 3,000 AltiVec vectors, found " + cases.size());
        try (FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, 2 << 20)) {
            assertTrue(CODE + 4L * WORDS * cases.size() < DATA, "ppc AltiVec vectors: code overlaps data");
            for (int k = 0; k < cases.size(); k++) {
                long at = CODE + 4L * WORDS * k;
                for (int w = 0; w < BEFORE.length; w++) mem.write(at + 4L * w, 4, BEFORE[w] & 0xffff_ffffL);
                mem.write(at + 4L * BEFORE.length, 4, cases.get(k).insn());
                for (int w = 0; w < AFTER.length; w++) mem.write(at + 4L * (BEFORE.length + 1 + w), 4, AFTER[w] & 0xffff_ffffL);
            }
            Vcpu v = new PpcIsaProvider().createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> 0));
            List<String> failures = new ArrayList<>();
            for (int k = 0; k < cases.size(); k++) {
                Case c = cases.get(k);
                for (int r = 0; r < 6; r++) write64(mem, DATA + 8L * r, c.before()[r]);
                write64(mem, DATA + 48, 0);
                write64(mem, DATA + 56, c.vscr());
                v.setPc(CODE + 4L * WORDS * k);
                v.setRegister(MSR, 0x0200_0000L);
                v.setRegister(3, DATA);
                v.setRegister(4, c.r4());
                v.setRegister(CR, c.cr());
                VcpuExit exit = v.run(WORDS);
                StringBuilder diff = new StringBuilder();
                if (exit != VcpuExit.BUDGET_SPENT) diff.append(" exit ").append(exit);
                for (int r = 0; r < 3; r++) {
                    long hi = read64(mem, DATA + 16L * r), lo = read64(mem, DATA + 16L * r + 8);
                    if (hi != c.after()[2 * r] || lo != c.after()[2 * r + 1]) diff.append(String.format(
                            " %s expected %016x%016x actual %016x%016x", NAMES[r], c.after()[2 * r], c.after()[2 * r + 1], hi, lo));
                }
                long vscr = read64(mem, DATA + 56) & 0xffff_ffffL;
                if (vscr != c.vscrAfter()) diff.append(String.format(" vscr expected %08x actual %08x", c.vscrAfter(), vscr));
                if (v.register(CR) != c.crAfter()) diff.append(String.format(" cr expected %08x actual %08x", c.crAfter(), v.register(CR)));
                if (!diff.isEmpty()) failures.add(String.format("ppc %08x (v5=%016x%016x v6=%016x%016x v7=%016x%016x):%s",
                        c.insn(), c.before()[0], c.before()[1], c.before()[2], c.before()[3], c.before()[4], c.before()[5], diff));
            }
            System.out.printf("ppc AltiVec vectors: %d cases, %d match qemu-ppc%n", cases.size(), cases.size() - failures.size());
            assertEquals(0, failures.size(), failures.size() + " of " + cases.size() + " AltiVec vectors differ from qemu-ppc:\n"
                    + String.join("\n", failures.subList(0, Math.min(25, failures.size()))));
        }
    }

    private static void write64(FlatGuestMemory mem, long address, long value) {
        mem.write(address, 4, value >>> 32);
        mem.write(address + 4, 4, value & 0xffff_ffffL);
    }

    private static long read64(FlatGuestMemory mem, long address) {
        return mem.read(address, 4) << 32 | mem.read(address + 4, 4);
    }

    private static long[] quad(String hex) {
        return new long[] {Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16)};
    }

    /** insn v5 v6 v7 vscr cr r4 : v5 v6 v7 vscr cr. */
    private static List<Case> load() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream raw = PpcVectorSemanticsTest.class.getResourceAsStream("/conformance/qemu/vecvectors.txt.gz")) {
            if (raw == null) throw new IOException("missing test resource conformance/qemu/vecvectors.txt.gz");
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.replace(" : ", " ").split(" ");
                long[] before = new long[6], after = new long[6];
                for (int r = 0; r < 3; r++) {
                    System.arraycopy(quad(f[1 + r]), 0, before, 2 * r, 2);
                    System.arraycopy(quad(f[7 + r]), 0, after, 2 * r, 2);
                }
                out.add(new Case(Long.parseLong(f[0], 16), before, Long.parseLong(f[4], 16), Long.parseLong(f[5], 16),
                        Long.parseLong(f[6], 16), after, Long.parseLong(f[10], 16), Long.parseLong(f[11], 16)));
            }
        }
        return out;
    }
}
