package org.polyvisor.isa.x86.trap;

/**
 * Fields of a segment, system or gate descriptor (SDM Vol. 3, 3.4.5 and 6.11), read from the two 32-bit words
 * of its first eight bytes as {@code raw = low | (long) high << 32}. 64-bit system descriptors and gates add
 * bits 63:32 of the base or offset in the next eight bytes. Static helpers: no allocation.
 */
public final class Descriptor {
    private Descriptor() { }

    /** System types (S = 0). */
    public static final int LDT = 0x2, TSS16_AVAILABLE = 0x1, TSS_AVAILABLE = 0x9, TSS_BUSY = 0xB, CALL_GATE = 0xC,
            CALL_GATE16 = 0x4, TSS16_BUSY = 0x3,
            TASK_GATE = 0x5, INTERRUPT_GATE16 = 0x6, TRAP_GATE16 = 0x7, INTERRUPT_GATE = 0xE, TRAP_GATE = 0xF;

    public static long base(long raw) {
        return ((raw >>> 16) & 0xFF_FFFFL) | ((raw >>> 32) & 0xFF00_0000L);
    }

    /** The limit in bytes (scaled by 4 KiB when G = 1). */
    public static long limit(long raw) {
        long l = (raw & 0xFFFF) | ((raw >>> 32) & 0xF_0000L);
        return granular(raw) ? (l << 12) | 0xFFF : l;
    }

    /** The access byte (P, DPL, S, type) in bits 7:0 and the flags nibble (G, D/B, L, AVL) in bits 15:12. */
    public static int attributes(long raw) { return (int) ((raw >>> 40) & 0xF0FF); }

    public static int type(long raw) { return (int) (raw >>> 40) & 0xF; }

    public static boolean system(long raw) { return ((raw >>> 44) & 1) == 0; }

    public static int dpl(long raw) { return (int) (raw >>> 45) & 3; }

    public static boolean present(long raw) { return ((raw >>> 47) & 1) != 0; }

    public static boolean longCode(long raw) { return ((raw >>> 53) & 1) != 0; }

    /** D/B: a 32-bit code segment (or a 32-bit stack). */
    public static boolean big(long raw) { return ((raw >>> 54) & 1) != 0; }

    /**
     * True for a code descriptor that IA-32e mode cannot run: L = 1 together with D = 1 (reserved). L = 1 enters
     * 64-bit mode, L = 0 compatibility mode (SDM Vol. 3, 5.2.1).
     */
    public static boolean invalidIa32eCode(long raw) { return longCode(raw) && big(raw); }

    public static boolean granular(long raw) { return ((raw >>> 55) & 1) != 0; }

    public static boolean code(long raw) { return !system(raw) && (type(raw) & 8) != 0; }

    public static boolean conforming(long raw) { return code(raw) && (type(raw) & 4) != 0; }

    /** Code with R = 1, or any data segment. */
    public static boolean readable(long raw) { return !system(raw) && ((type(raw) & 8) == 0 || (type(raw) & 2) != 0); }

    public static boolean writableData(long raw) { return !system(raw) && (type(raw) & 0xA) == 0x2; }

    /** The target selector of a gate. */
    public static int gateSelector(long raw) { return (int) (raw >>> 16) & 0xFFFF; }

    /** The 32-bit offset of a gate (bits 15:0 and 63:48). */
    public static long gateOffset(long raw) { return (raw & 0xFFFF) | ((raw >>> 32) & 0xFFFF_0000L); }

    /** The parameter count of a 16- or 32-bit call gate (bits 36:32): words or doublewords to copy on a stack switch. */
    public static int parameterCount(long raw) { return (int) (raw >>> 32) & 0x1F; }

    /** The interrupt stack table index of a 64-bit gate (0: none). */
    public static int ist(long raw) { return (int) (raw >>> 32) & 7; }
}
