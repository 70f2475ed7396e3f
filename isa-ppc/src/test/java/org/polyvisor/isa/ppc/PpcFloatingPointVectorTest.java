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
 * Replays the floating-point vectors recorded under qemu-ppc (conformance/qemu: fpharness.c, fpstub.S,
 * generate.sh). Each case runs the stub's own sequence through the {@link Vcpu}: lfd f0 and mtfsf 255,f0 (the
 * FPSCR), lfd f5-f7, the instruction, stfd f5-f7, mffs f0 and stfd f0; f5-f7, the FPSCR and CR must end as QEMU
 * left them (fcmpu, fcmpo, mffs, mtfsf with their record forms), except QEMU's documented fcmpo deviation
 * ({@link #qemuDeviation}).
 */
class PpcFloatingPointVectorTest {
    private static final long CODE = 0x1000, DATA = 0x7f000;
    private static final int[] BEFORE = {0xc8030018, 0xfdfe058e, 0xc8a30000, 0xc8c30008, 0xc8e30010};
    private static final int[] AFTER = {0xd8a30000, 0xd8c30008, 0xd8e30010, 0xfc00048e, 0xd8030018};
    private static final int WORDS = BEFORE.length + 1 + AFTER.length;
    private static final String[] NAMES = {"f5", "f6", "f7", "fpscr"};

    @Test
    void everyRecordedCaseMatchesQemu() throws IOException {
        List<long[]> cases = load();
        assertTrue(cases.size() >= 2_500, "ppc: at least 2,500 FP vectors, found " + cases.size());
        try (FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, 512 * 1024)) {
            assertTrue(CODE + 4L * WORDS * cases.size() < DATA, "ppc FP vectors: code overlaps data");
            for (int k = 0; k < cases.size(); k++) {
                long at = CODE + 4L * WORDS * k;
                for (int w = 0; w < BEFORE.length; w++) mem.write(at + 4L * w, 4, BEFORE[w] & 0xffff_ffffL);
                mem.write(at + 4L * BEFORE.length, 4, cases.get(k)[0]);
                for (int w = 0; w < AFTER.length; w++) mem.write(at + 4L * (BEFORE.length + 1 + w), 4, AFTER[w] & 0xffff_ffffL);
            }
            Vcpu v = new PpcIsaProvider().createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> 0));
            List<String> failures = new ArrayList<>();
            int deviations = 0;
            for (int k = 0; k < cases.size(); k++) {
                long[] c = cases.get(k);
                for (int r = 0; r < 4; r++) write64(mem, DATA + 8L * r, c[1 + r]);
                v.setPc(CODE + 4L * WORDS * k);
                v.setRegister(MSR, 0x2000);
                v.setRegister(3, DATA);
                v.setRegister(CR, c[5]);
                VcpuExit exit = v.run(WORDS);
                StringBuilder diff = new StringBuilder();
                if (exit != VcpuExit.BUDGET_SPENT) diff.append(" exit ").append(exit);
                for (int r = 0; r < 4; r++) {
                    long actual = read64(mem, DATA + 8L * r);
                    if (r == 3) actual &= 0xffff_ffffL;
                    if (r == 3 && qemuDeviation(c, actual)) {
                        deviations++;
                        continue;
                    }
                    if (actual != c[6 + r]) diff.append(String.format(" %s expected %x actual %x", NAMES[r], c[6 + r], actual));
                }
                if (v.register(CR) != c[10]) diff.append(String.format(" cr expected %08x actual %08x", c[10], v.register(CR)));
                if (!diff.isEmpty()) failures.add(String.format("ppc %08x (f5=%x f6=%x f7=%x fpscr=%08x cr=%08x):%s",
                        c[0], c[1], c[2], c[3], c[4], c[5], diff));
            }
            System.out.printf("ppc FP vectors: %d cases, %d match qemu-ppc exactly, %d differ only by QEMU's fcmpo "
                    + "deviation%n", cases.size(), cases.size() - deviations - failures.size(), deviations);
            assertEquals(0, failures.size(), failures.size() + " of " + cases.size()
                    + " FP vectors differ from qemu-ppc:\n" + String.join("\n", failures.subList(0, Math.min(25, failures.size()))));
        }
    }

    /**
     * QEMU 7.2 deviates from Book I 4.6.8 on fcmpo with a NaN operand: it sets FPRF[C] (fcmpo alters only FPCC) and
     * sets FX even when VXVC/VXSNAN were already 1 (FX marks a 0-to-1 change). This backend follows the
     * architecture; such a case passes when the FPSCRs differ only in those two bits in that direction.
     */
    private static boolean qemuDeviation(long[] c, long actual) {
        boolean fcmpo = (c[0] & 0xfc00_07fe) == 0xfc00_0040L;
        long extra = c[9] ^ actual;
        return fcmpo && extra != 0 && (extra & ~0x8001_0000L) == 0 && (actual & extra) == 0;
    }

    private static void write64(FlatGuestMemory mem, long address, long value) {
        mem.write(address, 4, value >>> 32);
        mem.write(address + 4, 4, value & 0xffff_ffffL);
    }

    private static long read64(FlatGuestMemory mem, long address) {
        return mem.read(address, 4) << 32 | mem.read(address + 4, 4);
    }

    /** insn f5 f6 f7 fpscr cr : f5 f6 f7 fpscr cr, as 11 numbers. */
    private static List<long[]> load() throws IOException {
        List<long[]> out = new ArrayList<>();
        try (InputStream raw = PpcFloatingPointVectorTest.class.getResourceAsStream("/conformance/qemu/fpvectors.txt.gz")) {
            if (raw == null) throw new IOException("missing test resource conformance/qemu/fpvectors.txt.gz");
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.replace(" : ", " ").split(" ");
                long[] c = new long[11];
                for (int i = 0; i < 11; i++) c[i] = Long.parseUnsignedLong(f[i], 16);
                out.add(c);
            }
        }
        return out;
    }
}
