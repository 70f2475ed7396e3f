package org.polyvisor.isa.arm64.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.arm64.Arm64IsaProvider;
import org.polyvisor.isa.arm64.decode.A64Decoder;
import org.polyvisor.isa.arm64.decode.Op;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.ObjdumpListing;

/**
 * The disassembler against GNU objdump 2.40, line for line, on the committed corpus that
 * src/test/resources/conformance/objdump/generate.sh made with binutils: per kind, the code (.bin.gz) and objdump's
 * listing (.objdump.gz), listed in chunks of 1000 instructions each starting at address 0. Agreement is also
 * counted per encoding class (the decode pattern, {@link Op}; UNDEFINED for objdump's {@code .inst}) and printed,
 * one line per class; every implemented class must appear and all must agree.
 */
class ObjdumpConformanceTest {
    private static final int CHUNK_WORDS = 1000, MIN_CORPUS = 50_000;
    private static final Map<Op, int[]> PER_CLASS = new EnumMap<>(Op.class);   // {agreed, total}

    static List<String> corpora() throws IOException {
        return new String(resource("corpus.list"), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void matchesObjdump(String corpus) throws IOException {
        byte[] code = resource(corpus + ".bin.gz");
        List<String> expected = new String(resource(corpus + ".objdump.gz"), StandardCharsets.UTF_8).lines().toList();
        Disassembler disassembler = new Arm64IsaProvider().disassembler();
        A64Decoder decoder = new A64Decoder();
        List<String> actual = new ArrayList<>(expected.size());
        for (int start = 0; start < code.length; start += 4 * CHUNK_WORDS) {
            byte[] chunk = Arrays.copyOfRange(code, start, Math.min(code.length, start + 4 * CHUNK_WORDS));
            actual.addAll(ObjdumpListing.lines(disassembler, chunk, 0));
        }
        List<String> failures = new ArrayList<>();
        Map<Op, int[]> counts = new EnumMap<>(Op.class);
        for (int k = 0; k < Math.min(expected.size(), actual.size()); k++) {
            int offset = 4 * k;
            int raw = (code[offset] & 0xFF) | (code[offset + 1] & 0xFF) << 8 | (code[offset + 2] & 0xFF) << 16
                    | (code[offset + 3] & 0xFF) << 24;
            int[] c = counts.computeIfAbsent(decoder.decode(raw).op, o -> new int[2]);
            c[1]++;
            if (expected.get(k).equals(actual.get(k))) {
                c[0]++;
            } else {
                failures.add(String.format("arm64 %s word %d (chunk offset 0x%x) encoding %08x%n  expected: %s%n  actual:   %s",
                        corpus, k, offset % (4 * CHUNK_WORDS), raw, expected.get(k), actual.get(k)));
            }
        }
        synchronized (PER_CLASS) {
            counts.forEach((op, c) -> {
                int[] all = PER_CLASS.computeIfAbsent(op, o -> new int[2]);
                all[0] += c[0];
                all[1] += c[1];
            });
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + expected.size() + " lines differ from objdump:\n"
                    + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        }
        assertEquals(expected.size(), actual.size(), "arm64 " + corpus + ": number of listing lines");
    }

    /** Prints the agreement per class and checks the corpus covers every class with at least 50,000 encodings. */
    @AfterAll
    static void agreementPerClass() throws IOException {
        int total = 0, agreed = 0;
        List<Op> missing = new ArrayList<>();
        for (Op op : Op.values()) {
            int[] c = PER_CLASS.get(op);
            if (c == null) { missing.add(op); continue; }
            total += c[1];
            agreed += c[0];
            System.out.printf("arm64 objdump agreement %-18s %6d/%-6d %s%n", op, c[0], c[1],
                    c[0] == c[1] ? "100%" : String.format("%.2f%%", 100.0 * c[0] / c[1]));
        }
        System.out.printf("arm64 objdump agreement %-18s %6d/%-6d%n", "all classes", agreed, total);
        if (PER_CLASS.isEmpty() || corpora().size() == 0) return;
        assertTrue(missing.isEmpty(), "arm64 objdump corpus: classes with no encoding: " + missing);
        assertTrue(total >= MIN_CORPUS, "arm64 objdump corpus: " + total + " encodings, want at least " + MIN_CORPUS);
        assertEquals(total, agreed, "arm64 objdump corpus: encodings that differ from objdump");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ObjdumpConformanceTest.class.getResourceAsStream("/conformance/objdump/" + name)) {
            if (in == null) throw new IOException("missing test resource conformance/objdump/" + name);
            return name.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        }
    }
}
