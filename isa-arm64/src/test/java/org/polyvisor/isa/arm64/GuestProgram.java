package org.polyvisor.isa.arm64;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.polyvisor.spi.GuestMemory;

/** A test guest assembled by a generate.sh beside its program.S: labels and code words from program.words. */
public final class GuestProgram {
    private final Map<String, Long> labels = new HashMap<>();
    private final int[] words;

    private GuestProgram(String resource) {
        try (InputStream in = GuestProgram.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing test resource " + resource);
            List<Integer> code = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList()) {
                String[] f = line.trim().split("\\s+");
                if (f[0].equals("label")) labels.put(f[1], Long.parseUnsignedLong(f[2].substring(2), 16));
                else for (String w : f) if (!w.isEmpty()) code.add((int) Long.parseLong(w, 16));
            }
            words = code.stream().mapToInt(Integer::intValue).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GuestProgram load(String resource) { return new GuestProgram(resource); }

    /** The offset of {@code label} from the start of the code. */
    public long offset(String label) {
        Long v = labels.get(label);
        if (v == null) throw new IllegalArgumentException("no label " + label);
        return v;
    }

    /** Writes the code at {@code base}. */
    public void writeTo(GuestMemory memory, long base) {
        for (int k = 0; k < words.length; k++) memory.write(base + 4L * k, 4, words[k] & 0xFFFF_FFFFL);
    }
}
