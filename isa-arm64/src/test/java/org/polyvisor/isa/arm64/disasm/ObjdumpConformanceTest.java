package org.polyvisor.isa.arm64.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.arm64.Arm64IsaProvider;
import org.polyvisor.spi.ObjdumpListing;

/**
 * The disassembler against GNU objdump, line for line, on the committed corpus that
 * src/test/resources/conformance/objdump/generate.sh made with binutils.
 */
class ObjdumpConformanceTest {

    static List<String> corpora() throws IOException {
        return new String(resource("corpus.list"), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void matchesObjdump(String corpus) throws IOException {
        byte[] code = resource(corpus + ".bin");
        List<String> expected = new String(resource(corpus + ".objdump"), StandardCharsets.UTF_8).lines().toList();
        List<String> actual = ObjdumpListing.lines(new Arm64IsaProvider().disassembler(), code, 0);
        List<String> failures = new ArrayList<>();
        for (int k = 0; k < Math.min(expected.size(), actual.size()); k++) {
            if (!expected.get(k).equals(actual.get(k))) {
                int offset = 4 * k;
                failures.add(String.format("arm64 %s offset 0x%x bytes %02x %02x %02x %02x%n  expected: %s%n  actual:   %s",
                        corpus, offset, code[offset], code[offset + 1], code[offset + 2], code[offset + 3],
                        expected.get(k), actual.get(k)));
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + expected.size() + " lines differ from objdump:\n"
                    + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        }
        assertEquals(expected.size(), actual.size(), "arm64 " + corpus + ": number of listing lines");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ObjdumpConformanceTest.class.getResourceAsStream("/conformance/objdump/" + name)) {
            if (in == null) throw new IOException("missing test resource conformance/objdump/" + name);
            return in.readAllBytes();
        }
    }
}
