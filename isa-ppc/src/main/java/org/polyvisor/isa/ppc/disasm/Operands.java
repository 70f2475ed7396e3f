package org.polyvisor.isa.ppc.disasm;

/** How objdump spells PowerPC operands: registers, CR fields and bits, and branch targets. */
final class Operands {
    private static final String[] CR_BIT = {"lt", "gt", "eq", "so"};

    private Operands() { }

    static String r(int n) { return "r" + n; }

    /** RA in the "RA|0" position of loads and stores: register 0 reads as the number 0. */
    static String ra0(int n) { return n == 0 ? "0" : "r" + n; }

    static String crField(int f) { return "cr" + f; }

    /** A CR bit: lt, gt, eq, so in CR0, else 4*crN+xx. */
    static String crBit(int bit) {
        return bit < 4 ? CR_BIT[bit] : "4*cr" + (bit >>> 2) + "+" + CR_BIT[bit & 3];
    }

    /** A relative target: objdump adds on a 64-bit vma, so targets below 0 print as 64-bit numbers. */
    static String relative(long address, long displacement) { return "0x" + Long.toHexString(address + displacement); }

    /** An absolute target (AA = 1): the sign-extended field, shown as a 32-bit address. */
    static String absolute(long displacement) { return "0x" + Long.toHexString(displacement & 0xffff_ffffL); }
}
