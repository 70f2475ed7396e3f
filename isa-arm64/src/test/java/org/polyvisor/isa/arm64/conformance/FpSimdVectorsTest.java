package org.polyvisor.isa.arm64.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.arm64.Arm64IsaProvider;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

/**
 * Replays the SIMD&amp;FP vectors that src/test/resources/conformance/qemu/harness.c ("fp" mode) recorded under
 * qemu-aarch64: the harness's own head (load x0-x3, NZCV, FPCR, FPSR, q0-q3 from a state block at x16), the one
 * instruction, and its tail (store them back), run on the interpreter over the same state block. Every value,
 * FPSR's cumulative flags included, must equal QEMU's. fp16-vectors.txt.gz ("fp16" mode) holds the half-precision
 * conversions (FCVT to and from H, FCVTL, FCVTN) with FPCR.AHP, FZ, DN and every rounding mode.
 */
class FpSimdVectorsTest {
    private static final long RAM = Arm64IsaProvider.RAM_BASE;
    private static final long STATE = RAM;                 // 128-byte state block, layout as harness.c's fpstate_t
    private static final long CODE = RAM + 0x1000;
    private static final Disassembler DISASSEMBLER = new Arm64IsaProvider().disassembler();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fp-vectors.txt.gz, 3000", "fp16-vectors.txt.gz, 2000"})
    void everySimdFpVectorMatchesQemu(String file, int atLeast) throws IOException {
        List<String> lines = read(file);
        String[] header = lines.get(0).split("\\s+");
        int tailAt = Arrays.asList(header).indexOf("tail");
        int[] head = words(header, 2, tailAt), tail = words(header, tailAt + 1, header.length);
        List<String> cases = lines.subList(1, lines.size());
        assertTrue(cases.size() >= atLeast, "arm64: only " + cases.size() + " SIMD&FP vectors in " + file);
        int perCase = 4 * (head.length + 1 + tail.length);
        List<String> failures = new ArrayList<>();
        Map<String, int[]> perMnemonic = new TreeMap<>();
        try (FlatGuestMemory m = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, RAM, ((0x1000 + (long) perCase * cases.size()) | 0xFFF) + 1)) {
            Vcpu cpu = new Arm64IsaProvider().createVcpu(new VcpuConfig(m, 0, GuestType.PV, () -> 0));
            for (int k = 0; k < cases.size(); k++) {
                String[] f = cases.get(k).split("\\s+");
                int insn = (int) Long.parseLong(f[0], 16);
                long pc = CODE + (long) perCase * k;   // fresh code per case: no stale decoded instruction
                long at = pc;
                for (int w : head) { m.write(at, 4, w & 0xFFFF_FFFFL); at += 4; }
                m.write(at, 4, insn & 0xFFFF_FFFFL);
                at += 4;
                for (int w : tail) { m.write(at, 4, w & 0xFFFF_FFFFL); at += 4; }
                writeState(m, f, 1);
                cpu.setRegister(16, STATE);
                cpu.setPc(pc);
                VcpuExit exit = cpu.run(head.length + 1 + tail.length);
                String got = readState(m);
                String want = String.join(" ", Arrays.copyOfRange(f, 17, 32));
                String mnemonic = mnemonic(insn);
                int[] counts = perMnemonic.computeIfAbsent(mnemonic, c -> new int[2]);
                counts[1]++;
                if (exit == VcpuExit.BUDGET_SPENT && want.equals(got)) counts[0]++;
                else if (failures.size() < 25) {
                    failures.add(String.format("arm64 %08x (%s)%n  from:     %s%n  expected: %s%n  actual:   %s (%s)", insn,
                            listing(insn), String.join(" ", Arrays.copyOfRange(f, 1, 16)), want, got, exit));
                }
            }
        }
        StringBuilder report = new StringBuilder("arm64 SIMD&FP vectors of " + file + " per mnemonic (passed/total):");
        perMnemonic.forEach((c, n) -> report.append(' ').append(c).append('=').append(n[0]).append('/').append(n[1]));
        System.out.println(report);
        if (!failures.isEmpty()) fail(failures.size() + "+ SIMD&FP vectors differ from QEMU:\n" + String.join("\n", failures));
    }

    /** Fields: x0-x3, nzcv (4 bits), fpcr, fpsr, then v0-v3 as low/high doublewords. */
    private static void writeState(FlatGuestMemory m, String[] f, int from) {
        for (int r = 0; r < 4; r++) m.write(STATE + 8L * r, 8, Long.parseUnsignedLong(f[from + r], 16));
        m.write(STATE + 32, 8, Long.parseLong(f[from + 4], 16) << 28);
        m.write(STATE + 40, 8, Long.parseLong(f[from + 5], 16));
        m.write(STATE + 48, 8, Long.parseLong(f[from + 6], 16));
        for (int k = 0; k < 8; k++) m.write(STATE + 64 + 8L * k, 8, Long.parseUnsignedLong(f[from + 7 + k], 16));
    }

    private static String readState(FlatGuestMemory m) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < 4; r++) b.append(String.format("%016x ", m.read(STATE + 8L * r, 8)));
        b.append(Long.toHexString(m.read(STATE + 32, 8) >>> 28 & 0xF));
        b.append(String.format(" %08x %08x", m.read(STATE + 40, 8), m.read(STATE + 48, 8)));
        for (int k = 0; k < 8; k++) b.append(String.format(" %016x", m.read(STATE + 64 + 8L * k, 8)));
        return b.toString();
    }

    private static int[] words(String[] fields, int from, int to) {
        int[] w = new int[to - from];
        for (int k = from; k < to; k++) w[k - from] = (int) Long.parseLong(fields[k], 16);
        return w;
    }

    private static String listing(int insn) {
        byte[] b = {(byte) insn, (byte) (insn >>> 8), (byte) (insn >>> 16), (byte) (insn >>> 24)};
        return DISASSEMBLER.disassemble(b, 0, 0).lines().get(0).text().trim();
    }

    private static String mnemonic(int insn) {
        String[] parts = listing(insn).split("\t");
        return parts.length > 1 ? parts[1] : parts[0];
    }

    private static List<String> read(String file) throws IOException {
        try (InputStream in = FpSimdVectorsTest.class.getResourceAsStream("/conformance/qemu/" + file)) {
            if (in == null) throw new IOException("missing test resource conformance/qemu/" + file);
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.US_ASCII));
            return r.lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
