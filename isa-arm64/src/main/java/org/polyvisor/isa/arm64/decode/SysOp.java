package org.polyvisor.isa.arm64.decode;

/**
 * The SYS aliases this backend implements (Arm ARM C5.3 and C6.2.*: TLBI, AT, DC, IC), identified by
 * {@code op1:CRn:CRm:op2} (bits 18:5). Any other SYS encoding is UNDEFINED here. {@link Insn#aux} holds the dense
 * index into this table.
 */
public final class SysOp {
    private SysOp() { }

    /** What the operation does in this model. */
    public static final int TLBI_ALL = 0, TLBI_VA = 1, TLBI_ASID = 2, AT = 3, CACHE = 4;

    private record Def(String mnemonic, String operation, int key, boolean register, int kind, boolean el0) { }

    private static Def d(String mnemonic, String operation, int op1, int crn, int crm, int op2, boolean register,
                         int kind, boolean el0) {
        return new Def(mnemonic, operation, key(op1, crn, crm, op2), register, kind, el0);
    }

    private static final Def[] TABLE = {
        d("tlbi", "vmalle1is", 0, 8, 3, 0, false, TLBI_ALL, false),
        d("tlbi", "vae1is", 0, 8, 3, 1, true, TLBI_VA, false),
        d("tlbi", "aside1is", 0, 8, 3, 2, true, TLBI_ASID, false),
        d("tlbi", "vaae1is", 0, 8, 3, 3, true, TLBI_VA, false),
        d("tlbi", "vale1is", 0, 8, 3, 5, true, TLBI_VA, false),
        d("tlbi", "vaale1is", 0, 8, 3, 7, true, TLBI_VA, false),
        d("tlbi", "vmalle1", 0, 8, 7, 0, false, TLBI_ALL, false),
        d("tlbi", "vae1", 0, 8, 7, 1, true, TLBI_VA, false),
        d("tlbi", "aside1", 0, 8, 7, 2, true, TLBI_ASID, false),
        d("tlbi", "vaae1", 0, 8, 7, 3, true, TLBI_VA, false),
        d("tlbi", "vale1", 0, 8, 7, 5, true, TLBI_VA, false),
        d("tlbi", "vaale1", 0, 8, 7, 7, true, TLBI_VA, false),
        d("at", "s1e1r", 0, 7, 8, 0, true, AT, false),
        d("at", "s1e1w", 0, 7, 8, 1, true, AT, false),
        d("at", "s1e0r", 0, 7, 8, 2, true, AT, false),
        d("at", "s1e0w", 0, 7, 8, 3, true, AT, false),
        d("ic", "ialluis", 0, 7, 1, 0, false, CACHE, false),
        d("ic", "iallu", 0, 7, 5, 0, false, CACHE, false),
        d("ic", "ivau", 3, 7, 5, 1, true, CACHE, true),
        d("dc", "ivac", 0, 7, 6, 1, true, CACHE, false),
        d("dc", "isw", 0, 7, 6, 2, true, CACHE, false),
        d("dc", "csw", 0, 7, 10, 2, true, CACHE, false),
        d("dc", "cisw", 0, 7, 14, 2, true, CACHE, false),
        d("dc", "cvac", 3, 7, 10, 1, true, CACHE, true),
        d("dc", "cvau", 3, 7, 11, 1, true, CACHE, true),
        d("dc", "civac", 3, 7, 14, 1, true, CACHE, true),
    };

    /** AT operations by the low two bits of op2: S1E1R, S1E1W, S1E0R, S1E0W. */
    public static boolean atIsWrite(int raw) { return ((raw >>> 5) & 1) != 0; }

    public static int atEl(int raw) { return ((raw >>> 6) & 1) != 0 ? 0 : 1; }

    public static int key(int op1, int crn, int crm, int op2) { return (op1 << 11) | (crn << 7) | (crm << 3) | op2; }

    /** The dense index for {@code key}, or -1 when that SYS operation is not implemented. */
    public static int index(int key) {
        for (int k = 0; k < TABLE.length; k++) if (TABLE[k].key == key) return k;
        return -1;
    }

    public static int kind(int index) { return TABLE[index].kind; }

    /** True for the inner-shareable TLBI variants (CRm = 3), which reach every PE of the domain. */
    public static boolean innerShareable(int index) { return TABLE[index].operation.endsWith("is"); }

    /** True for the cache maintenance operations EL0 may use when SCTLR_EL1.UCI is set. */
    public static boolean el0WithUci(int index) { return TABLE[index].el0; }

    /** objdump's text: "tlbi\tvae1, x1", "ic\tiallu". */
    public static String text(int index, String register) {
        Def d = TABLE[index];
        return d.mnemonic + "\t" + d.operation + (d.register ? ", " + register : "");
    }
}
