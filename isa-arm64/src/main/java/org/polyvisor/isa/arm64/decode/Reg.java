package org.polyvisor.isa.arm64.decode;

/**
 * Register-file indices the decoder puts into {@link Insn}. Encoding 31 means SP or XZR depending on the
 * instruction (Arm ARM C1.2.5); the decoder resolves that once, so the interpreter indexes one array without tests:
 * reads of {@link #ZR} give 0 and writes to {@link #SINK} are discarded.
 */
public final class Reg {
    private Reg() { }

    /** Reads as zero, never written. */
    public static final int ZR = 31;
    /** The current stack pointer. */
    public static final int SP = 32;
    /** Where writes to XZR go. */
    public static final int SINK = 33;
    /** Size of the register file array. */
    public static final int FILE_SIZE = 34;

    /** Field value as a source operand where 31 is XZR. */
    public static int zr(int field) { return field; }

    /** Field value as a destination where 31 is XZR. */
    public static int zrDest(int field) { return field == 31 ? SINK : field; }

    /** Field value (source or destination) where 31 is SP. */
    public static int sp(int field) { return field == 31 ? SP : field; }

    public static boolean isZero(int index) { return index == ZR || index == SINK; }
}
