package org.polyvisor.isa.ppc.decode;

/**
 * Invalid instruction forms (Power ISA Book I 1.8.2) that a mask and match cannot express: the decoder rejects
 * them, so they are undefined instructions for the interpreter and {@code .long} for the disassembler.
 */
public enum Validity {
    /** Every encoding that matches is valid. */
    ANY,
    /** Load with update: RA = 0 or RA = RT is invalid. */
    LOAD_UPDATE,
    /** Store with update, and floating-point load with update: RA = 0 is invalid. */
    STORE_UPDATE,
    /** lmw: RA in the range of registers loaded is invalid. */
    LOAD_MULTIPLE,
    /** lswx: RT = RA or RT = RB is invalid (as objdump decides it; it then prints POWER's lsx). */
    LOAD_STRING_INDEXED;

    public boolean accepts(int word) {
        int rt = (word >>> 21) & 31, ra = (word >>> 16) & 31;
        return switch (this) {
            case ANY -> true;
            case LOAD_UPDATE -> ra != 0 && ra != rt;
            case STORE_UPDATE -> ra != 0;
            case LOAD_MULTIPLE -> ra < rt;
            case LOAD_STRING_INDEXED -> rt != ra && rt != ((word >>> 11) & 31);
        };
    }
}
