package org.polyvisor.spi;

import java.util.ArrayList;
import java.util.List;

/** Lays out a whole buffer the way {@code objdump -D -b binary} lists its one section. */
public final class ObjdumpListing {
    private ObjdumpListing() { }

    /** The listing lines of {@code code} placed at {@code base}, without objdump's file and section headers. */
    public static List<String> lines(Disassembler disassembler, byte[] code, long base) {
        int width = addressWidth(base + code.length);
        List<String> out = new ArrayList<>();
        int offset = 0;
        while (offset < code.length) {
            Disassembly d = disassembler.disassemble(code, offset, base + offset);
            for (Disassembly.Line line : d.lines()) out.add(addressColumn(line.address(), width) + line.text());
            offset += d.length();
        }
        return out;
    }

    /**
     * objdump drops the leading zeros that every address of the section shares, four digits at a time:
     * the column is as wide as the section's end address needs, rounded up to a multiple of four.
     */
    static int addressWidth(long end) {
        int digits = Math.max(1, Long.toHexString(end).length());
        return Math.max(4, (digits + 3) / 4 * 4);
    }

    static String addressColumn(long address, int width) {
        String hex = Long.toHexString(address);
        return " ".repeat(Math.max(0, width - hex.length())) + hex + ":";
    }
}
