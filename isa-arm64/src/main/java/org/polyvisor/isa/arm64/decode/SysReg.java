package org.polyvisor.isa.arm64.decode;

/**
 * The system registers MRS and MSR reach, identified as the encoding's {@code o0:op1:CRn:CRm:op2} (bits 19:5, with
 * op0 = 2 + o0), and numbered densely ({@link #index}) so the interpreter keeps them in one small array. Any
 * register not in this table is UNDEFINED, as an unimplemented system register is on hardware; an MSR to a
 * read-only one is UNDEFINED too. Whether EL0 may reach a register is {@link #el0Access} (checked at execution,
 * because a decoded instruction is cached independently of the exception level).
 */
public final class SysReg {
    private SysReg() { }

    /** EL0 access: none (UNDEFINED at EL0), read only, read and write, or gated by a CNTKCTL_EL1 bit. */
    public static final int EL0_NONE = 0, EL0_READ = 1, EL0_RW = 2, EL0_TIMER = 3;

    // Dense indices, in the order of the table below.
    public static final int NZCV = 0, DAIF = 1, CURRENT_EL = 2, SPSEL = 3, SP_EL0 = 4, ELR_EL1 = 5, SPSR_EL1 = 6,
            ESR_EL1 = 7, FAR_EL1 = 8, VBAR_EL1 = 9, SCTLR_EL1 = 10, TCR_EL1 = 11, TTBR0_EL1 = 12, TTBR1_EL1 = 13,
            MAIR_EL1 = 14, CONTEXTIDR_EL1 = 15, TPIDR_EL0 = 16, TPIDR_EL1 = 17, TPIDRRO_EL0 = 18, PAR_EL1 = 19,
            CNTFRQ_EL0 = 20, CNTVCT_EL0 = 21, CNTPCT_EL0 = 22, CNTV_CTL_EL0 = 23, CNTV_CVAL_EL0 = 24,
            CNTV_TVAL_EL0 = 25, CNTP_CTL_EL0 = 26, CNTP_CVAL_EL0 = 27, CNTP_TVAL_EL0 = 28, CNTKCTL_EL1 = 29,
            MIDR_EL1 = 30, MPIDR_EL1 = 31, AMAIR_EL1 = 32, ACTLR_EL1 = 33, CPACR_EL1 = 34, AFSR0_EL1 = 35,
            AFSR1_EL1 = 36, DCZID_EL0 = 37,
            ID_AA64PFR0_EL1 = 38, ID_AA64MMFR0_EL1 = 39, ID_AA64ISAR0_EL1 = 40, FPCR = 41, FPSR = 42,
            ICC_SRE_EL1 = 43, ICC_PMR_EL1 = 44, ICC_IGRPEN1_EL1 = 45, ICC_IAR1_EL1 = 46, ICC_EOIR1_EL1 = 47,
            ICC_DIR_EL1 = 48, ICC_HPPIR1_EL1 = 49, ICC_SGI1R_EL1 = 50, ICC_BPR1_EL1 = 51, ICC_RPR_EL1 = 52,
            ICC_CTLR_EL1 = 53;
    /** The GICv3 CPU interface registers: {@link #ICC_SRE_EL1} to {@link #ICC_CTLR_EL1}. */
    public static final int FIRST_ICC = ICC_SRE_EL1, LAST_ICC = ICC_CTLR_EL1;
    public static final int COUNT = 54;

    private record Def(String name, int id, boolean writable, int el0) { }

    private static final Def[] TABLE = {
        new Def("nzcv", id(3, 3, 4, 2, 0), true, EL0_RW),
        new Def("daif", id(3, 3, 4, 2, 1), true, EL0_NONE),
        new Def("currentel", id(3, 0, 4, 2, 2), false, EL0_NONE),
        new Def("spsel", id(3, 0, 4, 2, 0), true, EL0_NONE),
        new Def("sp_el0", id(3, 0, 4, 1, 0), true, EL0_NONE),
        new Def("elr_el1", id(3, 0, 4, 0, 1), true, EL0_NONE),
        new Def("spsr_el1", id(3, 0, 4, 0, 0), true, EL0_NONE),
        new Def("esr_el1", id(3, 0, 5, 2, 0), true, EL0_NONE),
        new Def("far_el1", id(3, 0, 6, 0, 0), true, EL0_NONE),
        new Def("vbar_el1", id(3, 0, 12, 0, 0), true, EL0_NONE),
        new Def("sctlr_el1", id(3, 0, 1, 0, 0), true, EL0_NONE),
        new Def("tcr_el1", id(3, 0, 2, 0, 2), true, EL0_NONE),
        new Def("ttbr0_el1", id(3, 0, 2, 0, 0), true, EL0_NONE),
        new Def("ttbr1_el1", id(3, 0, 2, 0, 1), true, EL0_NONE),
        new Def("mair_el1", id(3, 0, 10, 2, 0), true, EL0_NONE),
        new Def("contextidr_el1", id(3, 0, 13, 0, 1), true, EL0_NONE),
        new Def("tpidr_el0", id(3, 3, 13, 0, 2), true, EL0_RW),
        new Def("tpidr_el1", id(3, 0, 13, 0, 4), true, EL0_NONE),
        new Def("tpidrro_el0", id(3, 3, 13, 0, 3), true, EL0_READ),
        new Def("par_el1", id(3, 0, 7, 4, 0), true, EL0_NONE),
        new Def("cntfrq_el0", id(3, 3, 14, 0, 0), true, EL0_READ),
        new Def("cntvct_el0", id(3, 3, 14, 0, 2), false, EL0_TIMER),
        new Def("cntpct_el0", id(3, 3, 14, 0, 1), false, EL0_TIMER),
        new Def("cntv_ctl_el0", id(3, 3, 14, 3, 1), true, EL0_TIMER),
        new Def("cntv_cval_el0", id(3, 3, 14, 3, 2), true, EL0_TIMER),
        new Def("cntv_tval_el0", id(3, 3, 14, 3, 0), true, EL0_TIMER),
        new Def("cntp_ctl_el0", id(3, 3, 14, 2, 1), true, EL0_TIMER),
        new Def("cntp_cval_el0", id(3, 3, 14, 2, 2), true, EL0_TIMER),
        new Def("cntp_tval_el0", id(3, 3, 14, 2, 0), true, EL0_TIMER),
        new Def("cntkctl_el1", id(3, 0, 14, 1, 0), true, EL0_NONE),
        new Def("midr_el1", id(3, 0, 0, 0, 0), false, EL0_NONE),
        new Def("mpidr_el1", id(3, 0, 0, 0, 5), false, EL0_NONE),
        new Def("amair_el1", id(3, 0, 10, 3, 0), true, EL0_NONE),
        new Def("actlr_el1", id(3, 0, 1, 0, 1), true, EL0_NONE),
        new Def("cpacr_el1", id(3, 0, 1, 0, 2), true, EL0_NONE),
        new Def("afsr0_el1", id(3, 0, 5, 1, 0), true, EL0_NONE),
        new Def("afsr1_el1", id(3, 0, 5, 1, 1), true, EL0_NONE),
        new Def("dczid_el0", id(3, 3, 0, 0, 7), false, EL0_READ),
        new Def("id_aa64pfr0_el1", id(3, 0, 0, 4, 0), false, EL0_NONE),
        new Def("id_aa64mmfr0_el1", id(3, 0, 0, 7, 0), false, EL0_NONE),
        new Def("id_aa64isar0_el1", id(3, 0, 0, 6, 0), false, EL0_NONE),
        new Def("fpcr", id(3, 3, 4, 4, 0), true, EL0_RW),
        new Def("fpsr", id(3, 3, 4, 4, 1), true, EL0_RW),
        new Def("icc_sre_el1", id(3, 0, 12, 12, 5), true, EL0_NONE),
        new Def("icc_pmr_el1", id(3, 0, 4, 6, 0), true, EL0_NONE),
        new Def("icc_igrpen1_el1", id(3, 0, 12, 12, 7), true, EL0_NONE),
        new Def("icc_iar1_el1", id(3, 0, 12, 12, 0), false, EL0_NONE),
        new Def("icc_eoir1_el1", id(3, 0, 12, 12, 1), true, EL0_NONE),
        new Def("icc_dir_el1", id(3, 0, 12, 11, 1), true, EL0_NONE),
        new Def("icc_hppir1_el1", id(3, 0, 12, 12, 2), false, EL0_NONE),
        new Def("icc_sgi1r_el1", id(3, 0, 12, 11, 5), true, EL0_NONE),
        new Def("icc_bpr1_el1", id(3, 0, 12, 12, 3), true, EL0_NONE),
        new Def("icc_rpr_el1", id(3, 0, 12, 11, 3), false, EL0_NONE),
        new Def("icc_ctlr_el1", id(3, 0, 12, 12, 4), true, EL0_NONE),
    };

    /** The PSTATE fields MSR (immediate) can write, as {@link Insn#shift} holds them. */
    public static final int DAIF_SET = 0, DAIF_CLEAR = 1, SPSEL_IMM = 2;

    public static int id(int op0, int op1, int crn, int crm, int op2) {
        return ((op0 - 2) << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;
    }

    /** The dense index of encoding id {@code id}, or -1 for a register this backend does not implement. */
    public static int index(int id) {
        for (int k = 0; k < TABLE.length; k++) if (TABLE[k].id == id) return k;
        return -1;
    }

    /** The name objdump prints for the register of encoding id {@code id}, or null when not implemented. */
    public static String name(int id) {
        int k = index(id);
        return k < 0 ? null : TABLE[k].name;
    }

    public static boolean writable(int id) {
        int k = index(id);
        return k >= 0 && TABLE[k].writable;
    }

    /** EL0 access to the register of dense index {@code index}: one of the {@code EL0_} constants. */
    public static int el0Access(int index) { return TABLE[index].el0; }

    /** The objdump name of dense index {@code index}. */
    public static String nameOf(int index) { return TABLE[index].name; }
}
