package org.polyvisor.isa.ia64.cpu;

import org.polyvisor.isa.ia64.mmu.Translation;
import org.polyvisor.isa.ia64.trap.ExternalInterrupts;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VirtualClock;
import org.polyvisor.isa.ia64.fp.FpArith;
import org.polyvisor.isa.ia64.fp.FpStatus;
import org.polyvisor.isa.ia64.trap.Vector;

/**
 * The architectural state of one Itanium processor that instructions read and write: general registers
 * (with the stacked ones renamed through {@link RegisterStack}) and their NaT bits, predicates, branch and application registers,
 * IP with the slot to resume at (PSR.ri), PSR, CFM and the privilege level, control registers and the r16-r31
 * banks, the ALAT, the external interrupt state, and the interruption an instruction is raising. Plain fields,
 * for the hot path.
 */
public final class CpuState {
    public static final int AR_PFS = 64, AR_LC = 65, AR_EC = 66;
    /** PSR bits the PV boot state clears (SDM vol 2, 3.3.2); ri (41-42) and cpl (32-33) live in their own fields. */
    public static final long PSR_IC = 1L << 13, PSR_I = 1L << 14, PSR_PK = 1L << 15, PSR_DT = 1L << 17, PSR_RT = 1L << 27, PSR_IT = 1L << 36;

    /** r0..r31, then the physical stacked registers; r32+ live at index n + bof. */
    public final long[] gr = new long[32 + RegisterStack.PHYSICAL];
    /**
     * The NaT bit of each register in {@link #gr}, at the same index (SDM rev 2.3 vol 1 4.4.4 "Control
     * Speculation"): set by a deferred speculative load, propagated by computation, consumed by chk.s. r0's is 0.
     */
    public final boolean[] nat = new boolean[32 + RegisterStack.PHYSICAL];
    /** The stacked-register base in {@link #gr}, kept here so register access is one add. */
    public int bof;
    /** p0..p63 as bits; bit 0 is always set. */
    public long pr = 1;
    public final long[] br = new long[8];
    public final long[] ar = new long[128];
    /** Address of the current bundle (16-byte aligned). */
    public long ip;
    /** The slot (0..2) to execute next in the bundle at {@link #ip}: PSR.ri. */
    public int ri;
    public long psr;
    public int cpl;
    public final RegisterStack rse = new RegisterStack(this);
    /**
     * The floating-point registers f0-f127 by physical number (SDM rev 2.3 vol 1 5.1): the 64-bit significand and
     * the sign and exponent (bit 17 the sign, bits 16-0 the exponent) of the 82-bit register format. f0 (+0.0)
     * and f1 (+1.0) never change; f32-f127 rotate through CFM.rrb.fr ({@link #frIndex}).
     */
    public final long[] frSig = new long[128];
    public final int[] frSe = new int[128];
    /** The arithmetic unit of this CPU (scratch state of one FP operation). */
    public final FpArith fpu = new FpArith();
    public static final int AR_FPSR = 40;
    /** PSR.mfl, mfh (FR f2-f31 / f32-f127 written), dfl, dfh (disabled: vol 2 part I 3.3.2). */
    public static final long PSR_MFL = 1L << 4, PSR_MFH = 1L << 5, PSR_DFL = 1L << 18, PSR_DFH = 1L << 19;
    public final Alat alat = new Alat();

    /** Where a taken branch goes; read by the run loop when an instruction returns {@code BRANCH}. */
    public long branchTarget;
    /** The exit an instruction asks for when it returns {@code EXIT_AFTER} or {@code FAULT}. */
    public VcpuExit exit;
    /** Control registers cr0..cr127 (SDM vol 2 part I, 3.3), by their architected numbers. */
    public final long[] cr = new long[128];
    public static final int CR_DCR = 0, CR_ITM = 1, CR_IVA = 2, CR_PTA = 8, CR_IPSR = 16, CR_ISR = 17, CR_IIP = 19,
            CR_IFA = 20, CR_ITIR = 21, CR_IIPA = 22, CR_IFS = 23, CR_IIM = 24, CR_IHA = 25, CR_LID = 64, CR_IVR = 65,
            CR_TPR = 66, CR_EOI = 67, CR_IRR0 = 68, CR_ITV = 72, CR_PMV = 73, CR_CMCV = 74, CR_LRR0 = 80, CR_LRR1 = 81;
    public static final long PSR_BN = 1L << 44;
    /** "Installed": the guest has written cr.iva (see trap.Interruptions); until then faults end the domain. */
    public boolean ivaInstalled;
    /** The other bank of r16-r31 (PSR.bn selects which one gr[16..31] holds: SDM vol 2 part I, 3.3.7.? banked general registers). */
    public final long[] bank = new long[16];
    public final boolean[] bankNat = new boolean[16];

    /** The interruption an instruction raised (valid while it returns {@link Flow#INTERRUPT}). */
    public int trapVector;
    public long trapIsr, trapIfa, trapIim, trapItir, trapIha;
    public boolean trapWritesIfa, trapWritesIim, trapWritesTranslation;
    /** The Fault reason used when no IVT is installed. */
    public String trapReason;
    /** The domain's virtual time: ar.itc = clock nanoseconds + {@link #itcOffset} (written by mov ar.itc). */
    public VirtualClock clock = () -> 0;
    public long itcOffset;
    public final ExternalInterrupts interrupts = new ExternalInterrupts(this);

    /** Address translation (region registers, TLBs), for the TLB management instructions. */
    public Translation mmu;
    /** Called when what translations allow may have changed (PSR.dt/it/rt/cpl, TLB or region register writes). */
    public Runnable translationChanged = () -> { };

    /** The slot an rfi resumes at, with {@link Flow#RETURN_TO_SLOT}. */
    public int branchSlot;
    /** The value of the last {@link DataMemory#rseLoad} or {@link DataMemory#loadValue} (an FP load: the significand). */
    public long loaded;
    /** The sign and exponent of the register image an FP load just formed (with {@link #loaded}). */
    public int loadedSe;
    /** Data memory as the current translation mode sees it. */
    public DataMemory memory;

    {
        frSe[1] = 0xFFFF;
        frSig[1] = 1L << 63;
        ar[AR_FPSR] = FpStatus.RESET;
    }

    /** The physical index of FR {@code n}: f32+ rename through rrb.fr (vol 1 4.5.1), modulo the 96 rotating registers. */
    public int frIndex(int n) {
        if (n < 32) return n;
        int p = n - 32 + rse.rrbFr();
        return 32 + (p >= 96 ? p - 96 : p);
    }

    /** Writes FR {@code n} (n &gt;= 2) and sets PSR.mfl or mfh. */
    public void setFr(int n, int se, long sig) {
        int i = frIndex(n);
        frSe[i] = se;
        frSig[i] = sig;
        psr |= n < 32 ? PSR_MFL : PSR_MFH;
    }

    public long gr(int n) {
        return n < 32 ? gr[n] : gr[n + bof];
    }

    /** The index of GR {@code n} in {@link #gr} (the ALAT's register tag). */
    public int grIndex(int n) {
        return n < 32 ? n : n + bof;
    }

    /** Writes to r0 are dropped (the architecture raises an illegal-operation fault; the assembler warns). Clears the NaT bit. */
    public void setGr(int n, long v) {
        if (n >= 32) { gr[n + bof] = v; nat[n + bof] = false; }
        else if (n != 0) { gr[n] = v; nat[n] = false; }
    }

    /** GR {@code n}'s NaT bit. */
    public boolean nat(int n) {
        return nat[n < 32 ? n : n + bof];
    }

    /** Writes a value with its NaT bit (a NaT result's value is 0 here, as deferred loads leave it). */
    public void setGr(int n, long v, boolean isNat) {
        if (n >= 32) { gr[n + bof] = v; nat[n + bof] = isNat; }
        else if (n != 0) { gr[n] = v; nat[n] = isNat; }
    }

    public boolean pred(int p) {
        return ((pr >>> p) & 1) != 0;
    }

    /** p0 stays 1 whatever is written to it. */
    public void setPred(int p, boolean v) {
        if (p == 0) return;
        if (v) pr |= 1L << p;
        else pr &= ~(1L << p);
    }

    public long cfm() {
        return rse.cfm();
    }

    /** Records an interruption (SDM vol 2 part I, 5.?) for the run loop; returns {@link Flow#INTERRUPT}. */
    public int raise(int vector, long isr, String reason) {
        trapVector = vector;
        trapIsr = isr;
        trapReason = reason;
        trapWritesIfa = false;
        trapWritesIim = false;
        trapWritesTranslation = false;
        return Flow.INTERRUPT;
    }

    /** ISR.r and ISR.w (SDM rev 2.3 vol 2 part I, 8.? ISR layout: w bit 32, r bit 33). */
    public static final long ISR_W = 1L << 32, ISR_R = 1L << 33;

    /**
     * A Register NaT Consumption fault (vol 2 part I, 5.8 "NaT Consumption vector", 0x5600: ISR.code{7:4} = 1),
     * raised by an instruction that may not consume a NaT source; {@code access} is ISR.r / ISR.w for memory
     * references. Returns {@link Flow#INTERRUPT}.
     */
    public int natConsumption(long access, String what) {
        return raise(Vector.NAT_CONSUMPTION, 0x10 | access, "Register NaT Consumption: " + what);
    }

    /** ar.itc, the interval time counter. */
    public long itc() {
        return clock.nanos() + itcOffset;
    }

    /** PSR with ri and cpl folded in, as the guest reads it (mov r=psr, cr.ipsr). */
    public long fullPsr() {
        return (psr & ~(3L << 41 | 3L << 32)) | (long) ri << 41 | (long) cpl << 32;
    }

    /** Sets PSR (but not ri and cpl), switching the r16-r31 bank when PSR.bn changes. */
    public void setPsr(long v) {
        if (((psr ^ v) & PSR_BN) != 0) {
            for (int i = 0; i < 16; i++) {
                long t = gr[16 + i];
                gr[16 + i] = bank[i];
                bank[i] = t;
                boolean n = nat[16 + i];
                nat[16 + i] = bankNat[i];
                bankNat[i] = n;
            }
        }
        long changed = psr ^ v;
        psr = v & ~(3L << 41 | 3L << 32);
        if ((changed & (PSR_DT | PSR_IT | PSR_RT | PSR_PK)) != 0) translationChanged.run();
    }
}
