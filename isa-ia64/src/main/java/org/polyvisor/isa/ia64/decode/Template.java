package org.polyvisor.isa.ia64.decode;

import static org.polyvisor.isa.ia64.decode.Unit.*;

/**
 * The 32 bundle templates (SDM vol 3, table 3-10): the unit of each slot and the stops after slots.
 * Templates 06, 07, 14, 15, 1A, 1B, 1E and 1F are reserved ({@link #reserved()}).
 *
 * @param units the slot units, or null for a reserved template
 * @param stops bit k set when an instruction-group stop follows slot k
 */
public record Template(int number, Unit[] units, int stops) {
    private static final Template[] TABLE = new Template[32];

    static {
        def(0x00, 0, M, I, I); def(0x01, 4, M, I, I); def(0x02, 2, M, I, I); def(0x03, 6, M, I, I);
        def(0x04, 0, M, L, X); def(0x05, 4, M, L, X);
        def(0x08, 0, M, M, I); def(0x09, 4, M, M, I); def(0x0A, 1, M, M, I); def(0x0B, 5, M, M, I);
        def(0x0C, 0, M, F, I); def(0x0D, 4, M, F, I); def(0x0E, 0, M, M, F); def(0x0F, 4, M, M, F);
        def(0x10, 0, M, I, B); def(0x11, 4, M, I, B); def(0x12, 0, M, B, B); def(0x13, 4, M, B, B);
        def(0x16, 0, B, B, B); def(0x17, 4, B, B, B); def(0x18, 0, M, M, B); def(0x19, 4, M, M, B);
        def(0x1C, 0, M, F, B); def(0x1D, 4, M, F, B);
        for (int t = 0; t < 32; t++) if (TABLE[t] == null) TABLE[t] = new Template(t, null, 0);
    }

    private static void def(int t, int stops, Unit a, Unit b, Unit c) {
        TABLE[t] = new Template(t, new Unit[] {a, b, c}, stops);
    }

    public static Template of(int number) {
        return TABLE[number & 0x1f];
    }

    public boolean reserved() { return units == null; }

    public boolean stopAfter(int slot) { return (stops >>> slot & 1) != 0; }

    /** objdump's name: the units ("MLX"), or "-n-" with n = template / 2 in hex for a reserved one. */
    public String objdumpName() {
        if (reserved()) return "-" + Integer.toHexString(number >> 1) + "-";
        return "" + units[0] + units[1] + units[2];
    }
}
