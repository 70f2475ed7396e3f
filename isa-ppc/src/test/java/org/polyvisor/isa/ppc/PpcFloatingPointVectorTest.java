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
    private static final long CODE = 0x1000, DATA = 0x3ff000;
    private static final int[] BEFORE = {0xc8030018, 0xfdfe058e, 0xc8a30000, 0xc8c30008, 0xc8e30010};
    private static final int[] AFTER = {0xd8a30000, 0xd8c30008, 0xd8e30010, 0xfc00048e, 0xd8030018};
    private static final int WORDS = BEFORE.length + 1 + AFTER.length;
    private static final String[] NAMES = {"f5", "f6", "f7", "fpscr"};

    @Test
    void everyRecordedCaseMatchesQemu() throws IOException {
        List<long[]> cases = load();
        assertTrue(cases.size() >= 2_500, "ppc: at least 2,500 FP vectors, found " + cases.size());
        try (FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, 4 << 20)) {
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
                long[] actual = run(v, mem, k, c, c[4]);
                String diff = compare(c, actual);
                if (diff.isEmpty()) continue;
                if (negationOrderDeviation(c)) {
                    // QEMU negates fnmadd/fnmsub before rounding: its RU result is -(RD(x)) and vice versa. The case
                    // passes if this backend in the opposite directed mode gives QEMU's numbers.
                    long[] swapped = run(v, mem, k, c, c[4] ^ 1);
                    swapped[3] ^= 1;
                    String swappedDiff = compare(c, swapped);
                    if (swappedDiff.isEmpty() || swappedDiff.equals(" deviation")) {
                        deviations++;
                        continue;
                    }
                    diff += " (in the opposite mode:" + swappedDiff + ")";
                }
                if (zeroReciprocalDeviation(c, actual)) {
                    deviations++;
                    continue;
                }
                if (diff.equals(" deviation")) {
                    deviations++;
                    continue;
                }
                failures.add(String.format("ppc %08x (f5=%x f6=%x f7=%x fpscr=%08x cr=%08x):%s",
                        c[0], c[1], c[2], c[3], c[4], c[5], diff));
            }
            System.out.printf("ppc FP vectors: %d cases, %d match qemu-ppc exactly, %d differ only by QEMU's documented "
                    + "deviations from Book I%n", cases.size(), cases.size() - deviations - failures.size(), deviations);
            assertEquals(0, failures.size(), failures.size() + " of " + cases.size()
                    + " FP vectors differ from qemu-ppc:\n" + String.join("\n", failures.subList(0, Math.min(25, failures.size()))));
        }
    }

    /** Runs case {@code k} from FPSCR {@code fpscr}: f5, f6, f7, the FPSCR and CR as the vCPU leaves them. */
    private static long[] run(Vcpu v, FlatGuestMemory mem, int k, long[] c, long fpscr) {
        for (int r = 0; r < 3; r++) write64(mem, DATA + 8L * r, c[1 + r]);
        write64(mem, DATA + 24, fpscr);
        v.setPc(CODE + 4L * WORDS * k);
        v.setRegister(MSR, 0x2000);
        v.setRegister(3, DATA);
        v.setRegister(CR, c[5]);
        VcpuExit exit = v.run(WORDS);
        long[] out = new long[6];
        for (int r = 0; r < 4; r++) out[r] = read64(mem, DATA + 8L * r);
        out[3] &= 0xffff_ffffL;
        out[4] = v.register(CR);
        out[5] = exit == VcpuExit.BUDGET_SPENT ? 0 : 1;
        return out;
    }

    /** "" when {@code actual} is QEMU's, " deviation" when it differs by {@link #qemuDeviation} only, else the diff. */
    private static String compare(long[] c, long[] actual) {
        StringBuilder diff = new StringBuilder();
        if (actual[5] != 0) diff.append(" exit before the end");
        for (int r = 0; r < 3; r++) {
            if (actual[r] != c[6 + r]) diff.append(String.format(" %s expected %x actual %x", NAMES[r], c[6 + r], actual[r]));
        }
        boolean fpscrOk = actual[3] == c[9], crOk = actual[4] == c[10];
        boolean deviation = false;
        if (!fpscrOk && qemuDeviation(c, actual[3]) && (crOk || crDeviation(c, actual[4]))) {
            fpscrOk = crOk = deviation = true;
        }
        if (!fpscrOk) diff.append(String.format(" fpscr expected %x actual %x", c[9], actual[3]));
        if (!crOk) diff.append(String.format(" cr expected %08x actual %08x", c[10], actual[4]));
        return diff.isEmpty() && deviation ? " deviation" : diff.toString();
    }

    /** fnmadd/fnmsub (double and single) in a directed rounding mode. */
    private static boolean negationOrderDeviation(long[] c) {
        long xo = (c[0] >>> 1) & 31, primary = c[0] >>> 26;
        return (primary == 63 || primary == 59) && (xo == 30 || xo == 31) && (c[4] & 3) >= 2;
    }

    /**
     * fres of a zero: Book I gives an infinity of the zero's sign with ZX; QEMU gives +-0.5 (FPRF normal) with ZX. The
     * case passes when that is the only difference.
     */
    private static boolean zeroReciprocalDeviation(long[] c, long[] actual) {
        boolean fres = (c[0] >>> 26) == 59 && ((c[0] >>> 1) & 31) == 24 && (c[3] & ~(1L << 63)) == 0;
        if (!fres) return false;
        long sign = c[3] & (1L << 63);
        boolean values = c[6] == (sign | 0x3fe0_0000_0000_0000L) && actual[0] == (sign | 0x7ff0_0000_0000_0000L);
        long fprfExpected = sign != 0 ? 0x8000 : 0x4000, fprfActual = sign != 0 ? 0x9000 : 0x5000;
        long[] adjusted = c.clone();
        adjusted[9] = (c[9] & ~0x1_f000L) | fprfActual;
        return values && (c[9] & 0x1_f000L) == fprfExpected
                && (actual[3] == adjusted[9] || qemuDeviation(adjusted, actual[3]));
    }

    /**
     * Where QEMU 7.2 departs from Book I, this backend follows the architecture; a case passes when the FPSCRs differ
     * only by these departures, in their direction:
     * <ul>
     * <li>fcmpo with a NaN operand: QEMU sets FPRF[C] (fcmpo alters only FPCC);</li>
     * <li>FX: QEMU sets it for every exception an instruction signals, also when that exception bit was already 1
     * (FX marks a change from 0 to 1); and mtfsb1 turning an exception bit on does not set FX in QEMU;</li>
     * <li>mtfsb1 29: QEMU leaves NI (non-IEEE mode, which it does not implement) at 0;</li>
     * <li>FR: QEMU never sets it (it is "fraction rounded": the result's magnitude was incremented);</li>
     * <li>FPRF of a single-precision result that is denormal in the single format: QEMU classifies the double it
     * holds (normal), the architecture the single result (denormal).</li>
     * </ul>
     * Two more departures are checked by re-running the case: fnmadd/fnmsub in a directed mode ({@link
     * #negationOrderDeviation}) and fres of a zero ({@link #zeroReciprocalDeviation}).
     */
    static boolean qemuDeviation(long[] c, long actual) {
        long expected = c[9], extra = expected ^ actual;
        if (extra == 0) return false;
        long allowed = 0;
        if ((c[0] & 0xfc00_07fe) == 0xfc00_0040L) allowed |= 0x0001_0000L & expected;
        allowed |= 0x8000_0000L & expected & ~c[4];
        if ((c[0] & 0xfc00_07fe) == 0xfc00_004cL) allowed |= 0x8000_0000L & actual & ~c[4];
        if ((c[0] & 0xffe0_07fe) == 0xffa0_004cL) allowed |= 0x4L & actual & ~c[4];
        allowed |= 0x0004_0000L & actual;
        boolean single = (c[0] >>> 26) == 59 || (c[0] & 0xfc00_003e) == 0xfc00_0018L;
        if (single && (actual & 0x0001_f000L) >> 12 == ((actual & 0x8000L) != 0 ? 0x18 : 0x14)
                && (expected & 0x0001_f000L) >> 12 == ((actual & 0x8000L) != 0 ? 0x08 : 0x04)) allowed |= 0x0001_f000L;
        return (extra & ~allowed) == 0;
    }

    /** CR1 of a record form differs exactly as FX differs by {@link #qemuDeviation}. */
    private static boolean crDeviation(long[] c, long cr) {
        return (c[0] & 1) != 0 && (c[10] ^ cr) == 0x0800_0000L;
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
