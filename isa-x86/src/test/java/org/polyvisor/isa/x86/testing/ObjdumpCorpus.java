package org.polyvisor.isa.x86.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.Disassembly;

/**
 * Holds a disassembler against a random-encoding corpus made by src/test/conformance/gen_objdump_corpus.py: records
 * of one or more instructions, back to back from address 0, each line {@code <map>:<row>} (or {@code +} for a
 * further instruction of the same record), the bytes in hex and objdump's text. Every record is disassembled at its
 * address in the whole buffer, as objdump read it; each instruction must have objdump's length and text. The agreement is
 * counted per class (opcode map) and printed, and any disagreement fails the check with its row, bytes, expected
 * and actual text.
 */
public final class ObjdumpCorpus {
    private ObjdumpCorpus() { }

    /** Records and agreeing records of one class. */
    private static final class Tally {
        int records, agreeing;
        final Map<String, Integer> failingRows = new TreeMap<>();
    }

    private record Line(String row, byte[] bytes, String text) { }

    public static void check(String mode, Disassembler disassembler, Path corpus, int minimumRecords) throws IOException {
        List<List<Line>> records = read(corpus);
        Map<String, Tally> tallies = new TreeMap<>();
        List<String> failures = new ArrayList<>(), all = new ArrayList<>();
        int total = 0;
        for (List<Line> record : records) for (Line l : record) total += l.bytes().length;
        byte[] code = new byte[total];  // the whole listing, as objdump read it
        int at = 0;
        for (List<Line> record : records) for (Line l : record) { System.arraycopy(l.bytes(), 0, code, at, l.bytes().length); at += l.bytes().length; }
        int address = 0;
        for (List<Line> record : records) {
            String row = record.get(0).row();
            Tally t = tallies.computeIfAbsent(row.substring(0, row.indexOf(':')), k -> new Tally());
            t.records++;
            int size = 0;
            for (Line l : record) size += l.bytes().length;
            String problem = compare(disassembler, record, code, address);
            if (problem == null) t.agreeing++;
            else {
                t.failingRows.merge(row, 1, Integer::sum);
                String f = mode + " " + row + " at 0x" + Integer.toHexString(address) + " "
                        + HexFormat.of().formatHex(code, address, address + size) + ": " + problem;
                if (failures.size() < 60) failures.add(f);
                all.add(f);
            }
            address += size;
        }
        StringBuilder report = new StringBuilder(mode + ": " + records.size() + " records\n");
        int agreeing = 0;
        for (var e : tallies.entrySet()) {
            Tally t = e.getValue();
            agreeing += t.agreeing;
            report.append(String.format("  %-6s %7d records %7d agree (%.2f %%)%s%n", e.getKey(), t.records, t.agreeing,
                    100.0 * t.agreeing / t.records, t.failingRows.isEmpty() ? "" : "  failing rows " + t.failingRows));
        }
        System.out.print(report);
        // Every disagreement, for whoever works on the disassembler: target/objdump-corpus-<mode>.failures
        Files.write(Path.of("target", "objdump-corpus-" + mode + ".failures"), all);
        assertTrue(records.size() >= minimumRecords, mode + ": corpus has " + records.size() + " records, fewer than " + minimumRecords);
        if (agreeing != records.size())
            fail(report.toString() + (records.size() - agreeing) + " records differ; the first:\n" + String.join("\n", failures));
    }

    /** Null when every instruction of the record agrees, else what differs. */
    private static String compare(Disassembler disassembler, List<Line> record, byte[] code, int start) {
        int offset = start;
        for (Line l : record) {
            Disassembly d;
            try {
                d = disassembler.disassemble(code, offset, offset);
            } catch (RuntimeException e) {
                return "threw " + e;
            }
            String text = text(d);
            if (d.length() != l.bytes().length || !text.equals(l.text()))
                return "\n  expected: " + l.bytes().length + " bytes  " + l.text() + "\n  actual:   " + d.length() + " bytes  " + text;
            offset += d.length();
        }
        return null;
    }

    /** The instruction text of a disassembly: its first line after the bytes column. */
    private static String text(Disassembly d) {
        String first = d.lines().get(0).text();
        int tab = first.indexOf('\t', 1);
        return tab < 0 ? "" : first.substring(tab + 1);
    }

    private static List<List<Line>> read(Path corpus) throws IOException {
        List<List<Line>> records = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(corpus), 1 << 16),
                StandardCharsets.UTF_8))) {
            String s;
            HexFormat hex = HexFormat.of();
            while ((s = r.readLine()) != null) {
                if (s.isEmpty()) continue;
                int t1 = s.indexOf('\t'), t2 = s.indexOf('\t', t1 + 1);
                Line l = new Line(s.substring(0, t1), hex.parseHex(s, t1 + 1, t2), s.substring(t2 + 1));
                if (l.row().equals("+")) records.get(records.size() - 1).add(l);
                else {
                    List<Line> rec = new ArrayList<>(2);
                    rec.add(l);
                    records.add(rec);
                }
            }
        }
        return records;
    }
}
