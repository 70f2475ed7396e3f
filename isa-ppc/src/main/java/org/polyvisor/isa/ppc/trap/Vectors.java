package org.polyvisor.isa.ppc.trap;

/** Exception vector offsets of the 32-bit OEA (table 6-2) and the 7400's AltiVec unavailable (0xF20), added to the prefix MSR[IP] selects. */
public final class Vectors {
    private Vectors() { }

    public static final int SYSTEM_RESET = 0x100, MACHINE_CHECK = 0x200, DSI = 0x300, ISI = 0x400, EXTERNAL = 0x500,
            ALIGNMENT = 0x600, PROGRAM = 0x700, FP_UNAVAILABLE = 0x800, DECREMENTER = 0x900, SYSTEM_CALL = 0xc00,
            VECTOR_UNAVAILABLE = 0xf20;

    /** The exception prefix: 0xFFF00000 when MSR[IP] = 1, else 0. */
    public static long prefix(long msr) { return (msr & 0x40) != 0 ? 0xfff0_0000L : 0; }
}
