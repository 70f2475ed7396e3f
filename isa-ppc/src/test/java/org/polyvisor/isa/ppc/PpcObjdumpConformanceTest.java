package org.polyvisor.isa.ppc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyvisor.isa.ppc.disasm.PpcDisassembler;
import org.polyvisor.spi.ObjdumpListing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The disassembler against GNU objdump's listing of the committed corpus (see conformance/objdump/generate.sh),
 * line by line; a failure names the ISA, corpus, offset, bytes, expected and actual line.
 */
class PpcObjdumpConformanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"integer", "rotate", "loadstore", "branch", "spr", "system", "oea", "string", "undefined"})
    void matchesObjdump(String corpus) throws IOException {
        byte[] bin = resource(corpus + ".bin");
        List<String> expected = new String(resource(corpus + ".objdump"), StandardCharsets.UTF_8).lines().toList();
        List<String> actual = ObjdumpListing.lines(new PpcDisassembler(), bin, 0);
        List<String> failures = new ArrayList<>();
        for (int k = 0; k < Math.min(expected.size(), actual.size()); k++) {
            if (!expected.get(k).equals(actual.get(k))) {
                failures.add(String.format("ppc %s offset 0x%x bytes %02x%02x%02x%02x%n  expected: %s%n  actual:   %s",
                        corpus, 4 * k, bin[4 * k], bin[4 * k + 1], bin[4 * k + 2], bin[4 * k + 3],
                        expected.get(k), actual.get(k)));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + expected.size() + " lines differ; first ones:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        assertEquals(expected.size(), actual.size(), "ppc " + corpus + ": line count");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PpcObjdumpConformanceTest.class.getResourceAsStream("/conformance/objdump/" + name)) {
            if (in == null) throw new IOException("missing test resource conformance/objdump/" + name);
            return in.readAllBytes();
        }
    }
}
