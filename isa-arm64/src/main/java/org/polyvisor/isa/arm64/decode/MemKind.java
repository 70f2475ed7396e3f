package org.polyvisor.isa.arm64.decode;

/** What a load/store does with the data: the {@code opc} column of the Arm ARM's load/store register tables. */
public final class MemKind {
    private MemKind() { }

    public static final int STORE = 0;
    /** Load, zero-extended into the register. */
    public static final int LOAD = 1;
    /** Load, sign-extended to 64 bits (LDRSB/LDRSH/LDRSW Xt, LDPSW). */
    public static final int LOAD_SX64 = 2;
    /** Load, sign-extended to 32 bits and zero-extended above (LDRSB/LDRSH Wt). */
    public static final int LOAD_SX32 = 3;
    /** Store and load of a SIMD&amp;FP register (B, H, S, D or Q; Insn.size up to 4): the access goes to V[rd]. */
    public static final int V_STORE = 4, V_LOAD = 5;

    /**
     * The kind for a load/store register encoding of {@code size} and {@code opc}, or -1 when the pair is a
     * prefetch or unallocated (PRFM, and the sign-extending loads that do not exist).
     */
    public static int of(int size, int opc) {
        return switch (opc) {
            case 0 -> STORE;
            case 1 -> LOAD;
            case 2 -> size < 3 ? LOAD_SX64 : -1;
            default -> size < 2 ? LOAD_SX32 : -1;
        };
    }
}
