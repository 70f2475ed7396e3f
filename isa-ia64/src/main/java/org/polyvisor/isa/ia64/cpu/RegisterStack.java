package org.polyvisor.isa.ia64.cpu;

/**
 * The register stack and the register stack engine (SDM rev 2.3 vol 2 part I, chapter 6): the current frame
 * marker (sof, sol, sor), the renaming of r32+ onto a physical stacked register file of
 * {@link #N_STACKED_PHYS} registers, and the backing store in guest memory addressed by ar.bsp, ar.bspstore
 * with the NaT collections in ar.rnat.
 * <p>Partitions (6.1.1): the current frame (sof registers from r32, whose backing address is ar.bsp), the dirty
 * partition below it ({@link #ndirty} registers belonging to parent frames, whose backing addresses run from
 * ar.bspstore up to ar.bsp), and invalid registers. This RSE keeps no clean partition: it behaves as enforced
 * lazy mode whatever ar.rsc.mode says (the manual lets eager modes do no more than lazy), so it spills only when
 * a frame would not fit (mandatory spills on alloc, and on br.ret when a caller frame regrows) and fills only
 * when br.ret, rfi or loadrs needs registers that are in memory (mandatory fills).
 * <p>Rotation (vol 1 4.5.1): the rotating region r32..r32+sor-1 and p16-p63 are stored by logical name, so
 * rotation and rrb changes move them (see {@link #rerotate}); the dirty partition is always in physical order,
 * as the backing store image requires.
 * <p>Backing store layout (6.5.2): registers at consecutive 8-byte slots, except the slot whose address has bits
 * 8:3 all ones: there the RSE stores ar.rnat, the NaT bits of the 63 registers below it, bit i for the register
 * at address bits 8:3 = i. Each spill records the register's NaT bit ({@link CpuState#nat}) in ar.rnat
 * and each fill takes it back from there, and every collection slot is written and read where the manual puts it.
 * <p>Physical layout in {@link CpuState#gr}: stacked position p is gr[32 + p]; the current frame starts at
 * {@link CpuState#bof} and the dirty registers sit just below it. When the window reaches an end of the array it
 * is moved (at most 192 longs copied, rarely), so renaming stays one add on the hot path.
 */
public final class RegisterStack {
    /** Physical stacked registers (N_STACKED_PHYS; 96 on Itanium 2 processors): at most this many dirty + current. */
    public static final int N_STACKED_PHYS = 96;
    public static final int MAX_FRAME = 96;
    /** Array room for the window (dirty below bof, frame above) to slide through before it is moved. */
    public static final int PHYSICAL = 1024;
    public static final int AR_RSC = 16, AR_BSP = 17, AR_BSPSTORE = 18, AR_RNAT = 19;

    private final CpuState cpu;
    /** CFM fields; sor is in registers here (CFM.sor * 8), the rrb fields as the architecture counts them. */
    private int sof, sol, sor, rrbGr, rrbFr, rrbPr;
    private final long[] scratch = new long[MAX_FRAME];
    private final boolean[] scratchNat = new boolean[MAX_FRAME];
    /** Dirty registers (not counting NaT collection slots) between ar.bspstore and ar.bsp. */
    private int ndirty;

    RegisterStack(CpuState cpu) {
        this.cpu = cpu;
    }

    public int sof() { return sof; }

    public int sol() { return sol; }

    /** Size of the rotating region in registers (CFM.sor counts groups of 8). */
    public int sor() { return sor; }

    public int rrbGr() { return rrbGr; }

    public int rrbFr() { return rrbFr; }

    public int rrbPr() { return rrbPr; }

    public int ndirty() { return ndirty; }

    public long bsp() { return cpu.ar[AR_BSP]; }

    public long bspstore() { return cpu.ar[AR_BSPSTORE]; }

    /** CFM as the architecture lays it out (vol 1, 3.1.? "Current Frame Marker"): sof 0-6, sol 7-13, sor 14-17, rrb.gr 18-24, rrb.fr 25-31, rrb.pr 32-37. */
    public long cfm() {
        return sof | (long) sol << 7 | (long) (sor >> 3) << 14 | (long) rrbGr << 18 | (long) rrbFr << 25 | (long) rrbPr << 32;
    }

    /**
     * Sets CFM as a whole, taking the registers as they are for the new rotation (state restore, debugger). The
     * architectural paths that change rrb (br.ret, rotation, clrrrb) go through {@link #rerotate} instead.
     */
    public void setCfm(long cfm) {
        sof = (int) (cfm & 0x7f);
        sol = (int) (cfm >>> 7 & 0x7f);
        sor = (int) (cfm >>> 14 & 0xf) * 8;
        rrbGr = (int) (cfm >>> 18 & 0x7f);
        rrbFr = (int) (cfm >>> 25 & 0x7f) % 96; // beyond the 96 rotating FRs it wraps
        rrbPr = (int) (cfm >>> 32 & 0x3f);
    }

    // ---- backing store address arithmetic (6.5.2) ----

    /** Slot number of a backing store address: bits 8:3; 63 is a NaT collection. */
    public static int slot(long addr) { return (int) (addr >>> 3) & 0x3f; }

    /** The address {@code n} registers above (n &gt; 0) or below (n &lt; 0) {@code addr}, stepping over NaT collections. */
    public static long skip(long addr, long n) {
        long delta = slot(addr) + n;
        if (n < 0) delta -= 0x3e;
        return addr + ((n + delta / 0x3f) << 3);
    }

    /** Registers (not collections) stored in [from, to), for from &lt;= to. */
    public static int count(long from, long to) {
        long slots = (to - from) >> 3;
        return (int) (slots - (slot(from) + slots) / 0x40);
    }

    // ---- frame operations; each returns Flow.NEXT, or Flow.FAULT with cpu.exit set ----

    /**
     * alloc: resizes the current frame (6.1.2); spills the oldest dirty registers when the frame would not fit.
     * Returns -1 (nothing changed) when the sizes are illegal: an illegal-operation fault for the caller to raise.
     */
    public int alloc(int newSof, int newSol, int newSor) {
        if (newSof > MAX_FRAME || newSol > newSof || newSor * 8 > newSof) return -1;
        // The rotating region may change size only while nothing is rotated (vol 3 alloc).
        if (newSor * 8 != sor && (rrbGr | rrbFr | rrbPr) != 0) return -1;
        int flow = makeRoom(newSof);
        if (flow != Flow.NEXT) return flow;
        sof = newSof;
        sol = newSol;
        sor = newSor * 8;
        return Flow.NEXT;
    }

    /**
     * br.call (6.1.3): saves CFM, EC and the privilege level in ar.pfs, makes the caller's locals dirty and opens
     * a frame made of its outputs. Never spills: dirty + current is unchanged.
     */
    public void call() {
        cpu.ar[CpuState.AR_PFS] = cfm() | (cpu.ar[CpuState.AR_EC] & 0x3f) << 52 | (long) cpu.cpl << 62;
        rerotate(0, 0, 0); // the callee's frame starts unrotated; the caller's registers go dirty in physical order
        int locals = Math.min(sol, sof); // a guest-written ar.pfs may hold sol > sof
        slide(locals);
        cpu.bof += locals;
        ndirty += locals;
        cpu.ar[AR_BSP] = skip(cpu.ar[AR_BSP], locals);
        sof -= locals;
        sol = 0;
        sor = 0;
    }

    // ---- register rotation (vol 1 4.5.1 and 4.5.? "Register Rotation"; vol 2 part I 6.1) ----

    /**
     * Renames the rotating registers to new rrb values. Storage is by logical name for the current frame (r32+i
     * holds physical (i + rrb.gr) mod sor, p16+i holds (i + rrb.pr) mod 48), so a change of rrb moves the
     * rotating region once, and every other register access stays one add. The FRs are not moved: they stay in physical order and
     * CpuState.frIndex renames f32-f127 through rrb.fr on each access.
     */
    public void rerotate(int newGr, int newFr, int newPr) {
        if (sor > 0) {
            int shift = Math.floorMod(newGr - rrbGr, sor);
            if (shift != 0) {
                cpu.alat.clear();
                int base = 32 + cpu.bof;
                System.arraycopy(cpu.gr, base, scratch, 0, sor);
                System.arraycopy(cpu.nat, base, scratchNat, 0, sor);
                for (int i = 0; i < sor; i++) {
                    cpu.gr[base + i] = scratch[(i + shift) % sor];
                    cpu.nat[base + i] = scratchNat[(i + shift) % sor];
                }
            }
        }
        int shiftPr = Math.floorMod(newPr - rrbPr, 48);
        if (shiftPr != 0) {
            long f = cpu.pr >>> 16;
            f = (f >>> shiftPr | f << (48 - shiftPr)) & ((1L << 48) - 1);
            cpu.pr = (cpu.pr & 0xffffL) | f << 16;
        }
        rrbGr = sor > 0 ? newGr : 0;
        rrbFr = newFr % 96;
        rrbPr = newPr;
    }

    /** rotate_regs() of the modulo-scheduled loop branches: every rrb goes down by one (r32 becomes r33). */
    public void rotate() {
        if (sor > 0 && cpu.alat.count > 0) cpu.alat.clear();
        long base = 32 + cpu.bof;
        if (sor > 0) {
            int b = (int) base;
            long last = cpu.gr[b + sor - 1];
            boolean lastNat = cpu.nat[b + sor - 1];
            System.arraycopy(cpu.gr, b, cpu.gr, b + 1, sor - 1);
            System.arraycopy(cpu.nat, b, cpu.nat, b + 1, sor - 1);
            cpu.gr[b] = last;
            cpu.nat[b] = lastNat;
            rrbGr = rrbGr == 0 ? sor - 1 : rrbGr - 1;
        }
        long f = cpu.pr >>> 16;
        f = (f << 1 | f >>> 47) & ((1L << 48) - 1);
        cpu.pr = (cpu.pr & 0xffffL) | f << 16;
        rrbPr = rrbPr == 0 ? 47 : rrbPr - 1;
        rrbFr = rrbFr == 0 ? 95 : rrbFr - 1;
    }

    /**
     * br.ret (6.1.3, rse_restore_frame): restores CFM and EC from ar.pfs and goes back to the caller's frame,
     * filling from the backing store the caller registers that were spilled (then ar.bspstore = ar.bsp).
     */
    public int ret() {
        long pfs = cpu.ar[CpuState.AR_PFS];
        int callerSol = (int) (pfs >>> 7 & 0x7f), callerSof = (int) (pfs & 0x7f);
        if (callerSol > callerSof || callerSof > MAX_FRAME) callerSol = Math.min(callerSol, callerSof);
        int flow = restoreFrame(pfs, callerSol);
        if (flow == Flow.NEXT) cpu.ar[CpuState.AR_EC] = pfs >>> 52 & 0x3f;
        return flow;
    }

    /**
     * rfi with IFS.v = 1 (vol 3 rfi; vol 2 part I 6.?): the frame cover made dirty becomes current again with
     * the frame marker from IFS: ar.bsp goes back by IFS.sof registers, filling from the backing store if needed.
     */
    public int restoreCovered(long ifs) {
        return restoreFrame(ifs, (int) Math.min(ifs & 0x7f, MAX_FRAME));
    }

    /** rse_restore_frame: {@code preserved} registers below the frame become the start of the frame {@code pfm} describes. */
    private int restoreFrame(long pfs, int callerSol) {
        rerotate(0, 0, 0); // the callee's frame back in physical order: the caller's outputs are in it
        int flow = fillBelow(callerSol);
        if (flow != Flow.NEXT) return flow;
        cpu.bof -= callerSol;
        ndirty -= callerSol;
        cpu.ar[AR_BSP] = skip(cpu.ar[AR_BSP], -callerSol);
        setCfm(pfs & ((1L << 18) - 1));
        if (sor > sof) sor = 0; // an inconsistent ar.pfs: nothing to rotate
        sof = Math.min(sof, MAX_FRAME);
        rerotate((int) (pfs >>> 18 & 0x7f) % Math.max(1, sor), (int) (pfs >>> 25 & 0x7f), (int) (pfs >>> 32 & 0x3f) % 48);
        return makeRoom(sof);
    }

    /** cover (6.1.4): the current frame joins the dirty partition and a zero-size frame starts above it. */
    public void cover() {
        rerotate(0, 0, 0);
        slide(sof);
        cpu.bof += sof;
        ndirty += sof;
        cpu.ar[AR_BSP] = skip(cpu.ar[AR_BSP], sof);
        sof = sol = sor = 0;
    }

    /** clrrrb / clrrrb.pr (vol 3): every rrb, or rrb.pr alone, back to 0. */
    public void clearRrb(boolean predicatesOnly) {
        if (predicatesOnly) rerotate(rrbGr, rrbFr, 0);
        else rerotate(0, 0, 0);
    }

    /** flushrs (6.4): spills every dirty register; afterwards ar.bspstore = ar.bsp. */
    public int flushrs() {
        while (ndirty > 0) {
            int flow = spillOne();
            if (flow != Flow.NEXT) return flow;
        }
        long a = cpu.ar[AR_BSPSTORE];
        if (slot(a) == 0x3f) {
            // A guest-written ar.bspstore on a collection slot: the collection is the last RSE store needed.
            int flow = cpu.memory.rseStore(a, cpu.ar[AR_RNAT]);
            if (flow != Flow.NEXT) return flow;
            cpu.ar[AR_RNAT] = 0;
            cpu.ar[AR_BSPSTORE] = a + 8;
        }
        return Flow.NEXT;
    }

    /**
     * loadrs (6.4): makes the {@code ar.rsc.loadrs} bytes below ar.bsp the dirty partition, loading from the
     * backing store those not in the physical file and dropping the others; ar.bspstore = ar.bsp - loadrs.
     * Returns -1 for the illegal-operation cases (CFM.sof != 0, or more than the physical file can hold).
     */
    public int loadrs() {
        long loadrs = cpu.ar[AR_RSC] >>> 16 & 0x3fff;
        long bsp = cpu.ar[AR_BSP];
        long target = (bsp - loadrs) & ~7L;
        if (sof != 0) return -1;
        int want = count(target, bsp);
        if (want > N_STACKED_PHYS) return -1;
        if (want > ndirty) {
            int flow = fillBelow(want);
            if (flow != Flow.NEXT) return flow;
        } else {
            ndirty = want;
        }
        cpu.ar[AR_BSPSTORE] = target;
        return Flow.NEXT;
    }

    /** mov ar.bspstore=r (6.4.1): the dirty registers stay and follow it: ar.bsp = bspstore + ndirty registers. */
    public void writeBspstore(long v) {
        v &= ~7L;
        cpu.ar[AR_BSPSTORE] = v;
        cpu.ar[AR_BSP] = skip(v, ndirty);
    }

    public void reset() {
        sof = sol = sor = rrbGr = rrbFr = rrbPr = 0;
        ndirty = 0;
        cpu.bof = 0;
    }

    /** Restores the partition sizes and the frame base (state restore). */
    public void restore(int bof, int ndirty) {
        cpu.bof = bof;
        this.ndirty = ndirty;
    }

    // ---- the engine ----

    /** Mandatory spills until ndirty + frameSize fits the physical file; then the window has room for it. */
    private int makeRoom(int frameSize) {
        while (ndirty + frameSize > N_STACKED_PHYS) {
            int flow = spillOne();
            if (flow != Flow.NEXT) return flow;
        }
        slide(0);
        return Flow.NEXT;
    }

    /** RSE store of the oldest dirty register at ar.bspstore, with the NaT collection first when its slot is due. */
    private int spillOne() {
        long a = cpu.ar[AR_BSPSTORE];
        if (slot(a) == 0x3f) {
            int flow = cpu.memory.rseStore(a, cpu.ar[AR_RNAT]);
            if (flow != Flow.NEXT) return flow;
            cpu.ar[AR_RNAT] = 0;
            a += 8;
            cpu.ar[AR_BSPSTORE] = a;
        }
        int at = 32 + cpu.bof - ndirty;
        // A NaT register is spilled as its value with its NaT bit in the collection (6.5.2; the value of a NaT is 0 here).
        int flow = cpu.memory.rseStore(a, cpu.gr[at]);
        if (flow != Flow.NEXT) return flow;
        if (cpu.nat[at]) cpu.ar[AR_RNAT] |= 1L << slot(a);
        else cpu.ar[AR_RNAT] &= ~(1L << slot(a));
        a += 8;
        ndirty--;
        if (slot(a) == 0x3f) {
            // A completed collection is stored next, so ar.bspstore (like ar.bsp) never rests on a collection slot.
            flow = cpu.memory.rseStore(a, cpu.ar[AR_RNAT]);
            if (flow != Flow.NEXT) { cpu.ar[AR_BSPSTORE] = a; return flow; }
            cpu.ar[AR_RNAT] = 0;
            a += 8;
        }
        cpu.ar[AR_BSPSTORE] = a;
        return Flow.NEXT;
    }

    /**
     * Ensures the {@code n} registers below bof are in the physical file: the ones above ar.bspstore are dirty
     * there already; the others are RSE loads going down from ar.bspstore (reading each NaT collection as it is
     * crossed into ar.rnat), after which ar.bspstore = the lowest address filled and they count as dirty.
     */
    private int fillBelow(int n) {
        int missing = n - ndirty;
        if (missing <= 0) return Flow.NEXT;
        int low = cpu.bof - n;
        if (low < 0) move(PHYSICAL - MAX_FRAME - (cpu.bof + sof)); // bof < n <= 96: always a move up
        long a = cpu.ar[AR_BSPSTORE];
        for (int i = 0; i < missing; i++) {
            a -= 8;
            if (slot(a) == 0x3f) {
                int flow = cpu.memory.rseLoad(a);
                if (flow != Flow.NEXT) return flow;
                cpu.ar[AR_RNAT] = cpu.loaded;
                a -= 8;
            }
            int flow = cpu.memory.rseLoad(a);
            if (flow != Flow.NEXT) return flow;
            cpu.gr[32 + cpu.bof - ndirty - 1] = cpu.loaded;
            cpu.nat[32 + cpu.bof - ndirty - 1] = (cpu.ar[AR_RNAT] >>> slot(a) & 1) != 0;
            ndirty++;
            cpu.ar[AR_BSPSTORE] = a;
        }
        return Flow.NEXT;
    }

    /** Moves the window down to the array base when a frame of MAX_FRAME at bof + grow would not fit. */
    private void slide(int grow) {
        if (cpu.bof + grow + MAX_FRAME > PHYSICAL) move(-(cpu.bof - ndirty));
    }

    /** Moves the dirty and current registers by {@code delta} positions (registers above sof are undefined). */
    private void move(int delta) {
        cpu.alat.clear();
        int lo = cpu.bof - ndirty;
        System.arraycopy(cpu.gr, 32 + lo, cpu.gr, 32 + lo + delta, ndirty + sof);
        System.arraycopy(cpu.nat, 32 + lo, cpu.nat, 32 + lo + delta, ndirty + sof);
        cpu.bof += delta;
    }
}
