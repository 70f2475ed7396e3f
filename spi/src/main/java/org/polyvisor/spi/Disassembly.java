package org.polyvisor.spi;

import java.util.List;

/**
 * One decoded unit (an instruction; a bundle on ia64) as GNU {@code objdump -D -b binary} prints it.
 *
 * @param length bytes consumed (at least 1)
 * @param lines  the listing lines of this unit; x86 continues long encodings on extra lines, ia64 prints a line a slot
 */
public record Disassembly(int length, List<Line> lines) {
    public Disassembly {
        if (length < 1) throw new IllegalArgumentException("length < 1");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) throw new IllegalArgumentException("no lines");
    }

    /** A unit of one line. */
    public static Disassembly of(int length, long address, String text) {
        return new Disassembly(length, List.of(new Line(address, text)));
    }

    /**
     * @param address the address objdump prints in the line's address column
     * @param text    everything objdump prints after the address column's colon, starting with its tab
     */
    public record Line(long address, String text) { }
}
