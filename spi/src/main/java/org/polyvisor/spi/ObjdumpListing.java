package org.polyvisor.spi;

import java.util.ArrayList;
import java.util.List;

/** Lays out a whole buffer the way {@code objdump -D -b binary} lists its one section. */
public final class ObjdumpListing {
    private ObjdumpListing() { }

    /** The listing lines of {@code code} placed at {@code base}, without objdump's file and section headers. */
    public static List<String> lines(Disassembler disassembler, byte[] code, long base) {
        int width = addressWidth(base + code.length, disassembler.objdumpAddressDigits());
        List<String> out = new ArrayList<>();
        int offset = 0;
        while (offset < code.length) {
            int skip = zeroesToSkip(code, offset);
            if (skip > 0) {
                out.add("\t...");
                offset += skip;
                continue;
            }
            Disassembly d = disassembler.disassemble(code, offset, base + offset);
            for (Disassembly.Line line : d.lines()) out.add(addressColumn(line.address(), width) + line.text());
            offset += d.length();
        }
        return out;
    }

    /** Zero runs of at least this many bytes are shown as "..." (objdump without -z). */
    static final int SKIP_ZEROES = 8;
    /** A run of zeroes that ends the section and is shorter than this is shown as "..." too. */
    static final int SKIP_ZEROES_AT_END = 3;

    /**
     * How many zero bytes at {@code offset} objdump leaves out: a run that more code follows is only cut in
     * multiples of four, so that an instruction that starts with zeroes is not run over.
     */
    static int zeroesToSkip(byte[] code, int offset) {
        int z = offset;
        while (z < code.length && code[z] == 0) z++;
        boolean atEnd = z == code.length;
        int run = atEnd ? z - offset : (z - offset) & ~3;
        if (run == 0) return 0;
        return run >= SKIP_ZEROES || (atEnd && run < SKIP_ZEROES_AT_END) ? run : 0;
    }

    /**
     * objdump prints the section's end address in {@code bufferDigits} hex digits, counts its leading zeros z, and
     * drops {@code (z - 1) & ~3} of them from every address of the section (none when z is 0): so a 4 KiB listing
     * at 0 has a column of 8, one of 4095 bytes a column of 4.
     */
    static int addressWidth(long end, int bufferDigits) {
        long masked = bufferDigits >= 16 ? end : end & ((1L << (4 * bufferDigits)) - 1);
        int zeros = bufferDigits - (masked == 0 ? 0 : Long.toHexString(masked).length());
        int skip = zeros == 0 ? 0 : (zeros - 1) & ~3;
        return bufferDigits - skip;
    }

    static String addressColumn(long address, int width) {
        String hex = Long.toHexString(address);
        return " ".repeat(Math.max(0, width - hex.length())) + hex + ":";
    }
}
