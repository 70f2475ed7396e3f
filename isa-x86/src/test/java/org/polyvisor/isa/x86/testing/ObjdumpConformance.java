package org.polyvisor.isa.x86.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.ObjdumpListing;

/**
 * Holds a disassembler against the committed objdump corpus of a module (src/test/resources/conformance/objdump,
 * made by its generate.sh): every {@code <name>.bin} goes through {@link ObjdumpListing} and must give the lines
 * of {@code <name>.objdump} exactly.
 */
public final class ObjdumpConformance {
    private ObjdumpConformance() { }

    public static void check(String isa, Disassembler disassembler, Path dir) throws IOException {
        List<Path> bins;
        try (Stream<Path> s = Files.list(dir)) {
            bins = s.filter(p -> p.toString().endsWith(".bin")).sorted().toList();
        }
        assertFalse(bins.isEmpty(), isa + ": no corpus in " + dir);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Path bin : bins) {
            byte[] code = Files.readAllBytes(bin);
            Path listing = dir.resolve(bin.getFileName().toString().replace(".bin", ".objdump"));
            List<String> expected = Files.readAllLines(listing).stream().filter(l -> !l.isEmpty()).toList();
            List<String> actual = ObjdumpListing.lines(disassembler, code, 0);
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                String e = i < expected.size() ? expected.get(i) : "<none>";
                String a = i < actual.size() ? actual.get(i) : "<none>";
                compared++;
                if (!e.equals(a)) {
                    failures.add(isa + " " + bin.getFileName() + " line " + (i + 1) + "\n  expected: " + e + "\n  actual:   " + a);
                    break;  // later lines of this piece are out of step
                }
            }
        }
        if (!failures.isEmpty())
            fail(failures.size() + " of " + bins.size() + " corpus pieces differ (" + compared + " lines compared):\n"
                    + String.join("\n", failures));
    }
}
