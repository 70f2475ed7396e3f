package org.polyvisor.isa.ppc.disasm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.polyvisor.isa.ppc.decode.Insn;

import static org.polyvisor.isa.ppc.disasm.BranchText.insn;
import static org.polyvisor.isa.ppc.disasm.Operands.r;

/**
 * mfspr/mtspr as objdump prints them: under the SPR's own mnemonic where objdump has one (mflr, mfsrr0,
 * mtsprg 0,...), in the bare form otherwise. The names come from {@code spr-names.txt}, which the conformance
 * generator extracts from objdump itself, so the two cannot drift apart silently.
 */
final class SprNames {
    private static final String[] MF = new String[1024], MT = new String[1024];

    static {
        try (InputStream in = SprNames.class.getResourceAsStream("spr-names.txt")) {
            if (in == null) throw new IllegalStateException("spr-names.txt is missing from the ppc backend");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                int spr = Integer.parseInt(f[0]);
                MF[spr] = f[1];
                MT[spr] = f[2];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SprNames() { }

    static String mfspr(Insn i) {
        String t = MF[i.spr];
        return t != null ? fill(t, i.rt) : insn("mfspr", r(i.rt) + "," + i.spr);
    }

    static String mtspr(Insn i) {
        String t = MT[i.spr];
        return t != null ? fill(t, i.rt) : insn("mtspr", i.spr + "," + r(i.rt));
    }

    /** "mfsprg %r,0" with the register filled in, laid out as objdump lays out mnemonic and operands. */
    private static String fill(String template, int gpr) {
        int space = template.indexOf(' ');
        return insn(template.substring(0, space), template.substring(space + 1).replace("%r", r(gpr)));
    }
}
