package org.polyvisor.isa.ia64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyvisor.isa.ia64.disasm.Ia64Disassembler;
import org.polyvisor.spi.ObjdumpListing;

/** Holds the disassembler against what GNU objdump printed for the committed corpora (generate.sh; speculation.sh for the NaT and control speculation forms; fp.sh for the floating-point forms; multimedia.sh for the integer multimedia, shrp, addp4 and lfetch forms). */
class ObjdumpConformanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"core", "tail", "random", "speculation", "fp", "multimedia"})
    void matchesObjdump(String name) throws IOException {
        byte[] bin = resource(name + ".bin");
        List<String> expected = new String(resource(name + ".objdump"), StandardCharsets.UTF_8).lines().toList();
        List<String> actual = ObjdumpListing.lines(new Ia64Disassembler(), bin, 0);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "<none>";
            String a = i < actual.size() ? actual.get(i) : "<none>";
            if (!e.equals(a)) failures.add("ia64 " + name + " line " + (i + 1) + "\n  expected: " + e + "\n  actual:   " + a);
        }
        if (!failures.isEmpty())
            fail(failures.size() + " lines differ from objdump, first ones:\n" + String.join("\n", failures.subList(0, Math.min(80, failures.size()))));
        assertEquals(expected.size(), actual.size());
    }

    /** A corpus file, plain or gzipped (the large random listing is committed as .gz). */
    private static InputStream gunzipped(String path) throws IOException {
        InputStream gz = ObjdumpConformanceTest.class.getResourceAsStream(path);
        return gz == null ? null : new java.util.zip.GZIPInputStream(gz);
    }

    private static byte[] resource(String file) throws IOException {
        InputStream plain = ObjdumpConformanceTest.class.getResourceAsStream("/conformance/objdump/" + file);
        InputStream source = plain != null ? plain : gunzipped("/conformance/objdump/" + file + ".gz");
        try (InputStream in = source) {
            if (in == null) throw new IOException("missing test resource conformance/objdump/" + file + " (or .gz)");
            return in.readAllBytes();
        }
    }
}
