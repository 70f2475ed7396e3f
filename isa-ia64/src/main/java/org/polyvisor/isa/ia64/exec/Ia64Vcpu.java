package org.polyvisor.isa.ia64.exec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polyvisor.isa.ia64.Ia64Registers;
import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.cpu.RegisterStack;
import org.polyvisor.isa.ia64.decode.DecodedBundle;
import org.polyvisor.isa.ia64.decode.Decoder;
import org.polyvisor.isa.ia64.insn.Insn;
import org.polyvisor.isa.ia64.mmu.Translation;
import org.polyvisor.isa.ia64.trap.Interruptions;
import org.polyvisor.isa.ia64.trap.Vector;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.Register;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;
import org.polyvisor.spi.exec.DecodedPages;
import org.polyvisor.spi.exec.SoftTlb;
import java.util.function.BooleanSupplier;
import org.polyvisor.isa.ia64.fp.FpStatus;
import org.polyvisor.isa.ia64.trap.ExternalInterrupts;

/**
 * One Itanium vCPU: fetches bundles through the TLB, caches them decoded per page, and runs slot by slot.
 * Retired counts executed slots, predicated-off ones included (they issue and retire as no-ops); an L+X
 * instruction counts once. A fault leaves IP at the bundle and PSR.ri at the faulting slot.
 * <p>Interruptions: a fault an instruction raises is delivered through the guest's IVT once cr.iva has been
 * written, else it ends the run with a Fault exit (trap.Interruptions). External interrupts (raiseInterrupt,
 * and the interval timer, looked at every {@value #TIMER_POLL} bundles) are delivered at bundle starts while
 * PSR.i = 1 and an IVT is installed. A trap (Floating-point Trap) is delivered after its instruction completes, with
 * IIP / PSR.ri naming the next slot and ISR.ei the trapping one.
 * <p>ia64 has no halt instruction (idle is PAL_HALT_LIGHT, firmware this backend does not model): PV guests
 * idle with SCHEDOP_block, so this vCPU never returns {@link VcpuExit#HALT}.
 */
public final class Ia64Vcpu implements Vcpu {
    private static final ValueLayout.OfLong LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Bundles between two looks at the interval timer (ITM match). */
    private static final int TIMER_POLL = 64;
    /** Longs holding the NaT bits of {@link CpuState#gr}, 64 a long. */
    private static final int AR_UNAT = 36;
    private static final int NAT_WORDS = (32 + RegisterStack.PHYSICAL + 63) / 64;
    private static final int EXTRA_BYTES = 8 + 8 * RegisterStack.PHYSICAL + 8 * 128 + 8 * 16 + 16 + 8 * NAT_WORDS + 16;

    private final int id;
    private final GuestMemory memory;
    private final CpuState c = new CpuState();
    private final SoftTlb tlb = new SoftTlb();
    private final DecodedPages decoded;
    private final Translation mmu = new Translation();
    private final Decoder decoder = new Decoder();
    private final GuestData data;
    private long retired;

    /** The decoded-slot array of the page last fetched from, so a straight run skips the page map. */
    private long cachedGfn = -1;
    private Object[] cachedSlots;

    public Ia64Vcpu(VcpuConfig config) {
        this.id = config.vcpuId();
        this.memory = config.memory();
        this.decoded = new DecodedPages(16, tlb, memory);  // coherent with the other vCPUs' stores into code
        this.data = new GuestData(c, memory, tlb, decoded, mmu);
        c.memory = data;
        c.clock = config.clock();
        c.cr[CpuState.CR_LID] = (long) (id & 0xff) << 24; // cr.lid.id (bits 24-31): the processor's id
        c.cr[CpuState.CR_ITV] = 1L << 16;                   // interval timer masked until the guest sets cr.itv
        c.mmu = mmu;
        mmu.attach(c, memory);
        c.translationChanged = tlb::flush;
    }

    /** The architectural state, for the boot protocol and tests in this module. */
    public CpuState state() { return c; }

    @Override
    public int id() { return id; }

    @Override
    public VcpuExit run(long budget) {
        long left = budget;
        c.interrupts.pollTimer();
        decoded.sync();
        int poll = TIMER_POLL;
        while (left > 0) {
            if (--poll == 0) { poll = TIMER_POLL; c.interrupts.pollTimer(); decoded.sync(); }
            if (c.interrupts.anyPending() && c.ivaInstalled && c.interrupts.shouldInterrupt() && !staleUpcallWithdrawn()) {
                // External Interrupt (vector 0x3000) between instructions: IIP/ri name the next slot to run.
                c.raise(Vector.EXTERNAL_INTERRUPT, 0, "external interrupt");
                Interruptions.deliver(c, c.ri);
            }
            DecodedBundle b = fetch(c.ip);
            if (b == null) {
                if (c.exit != null) return takeExit();
                left--; // an instruction TLB fault went to the guest's handler: retry there (bounded by the budget)
                continue;
            }
            Insn[] slots = b.slots;
            int k = c.ri;
            boolean branched = false;
            while (k < 3) {
                Insn in = slots[k];
                if (in == null) { k = 3; break; }
                if (left == 0) { c.ri = k; return VcpuExit.BUDGET_SPENT; }
                int flow = ((c.pr >>> in.qp) & 1) != 0 ? in.execute(c) : in.predicatedOff(c);
                if (flow == Flow.NEXT) {
                    left--; retired++;
                    k += in.width();
                    if ((c.psr & PSR_SS) != 0) {
                        int done = k - in.width(), next = k;
                        if (next >= 3) { c.ip += 16; next = 0; }
                        if (!debugTrap(false, next, done)) return takeExit();
                        branched = true;
                        break;
                    }
                } else if (flow == Flow.BRANCH) {
                    left--; retired++;
                    c.ip = c.branchTarget;
                    c.ri = 0;
                    branched = true;
                    if ((c.psr & (PSR_SS | PSR_TB)) != 0 && !debugTrap(true, 0, k)) return takeExit();
                    break;
                } else if (flow == Flow.EXIT_AFTER) {
                    retired++;
                    k += in.width();
                    if (k >= 3) { c.ip += 16; c.ri = 0; } else c.ri = k;
                    return takeExit();
                } else if (flow == Flow.INTERRUPT) {
                    if (!Interruptions.deliver(c, k)) { c.ri = k; return takeExit(); }
                    left--; // not retired, but it spends budget: a handler that faults on itself cannot hang the pCPU
                    branched = true;
                    break;
                } else if (flow == Flow.TRAP) {
                    // A trap (Floating-point Trap): the instruction completed; IIP / ri name the next one, ISR.ei this one.
                    left--; retired++;
                    int next = k + in.width();
                    if (next >= 3) { c.ip += 16; next = 0; }
                    if (!Interruptions.deliver(c, next)) { c.ri = next; return takeExit(); }
                    c.cr[CpuState.CR_ISR] = c.cr[CpuState.CR_ISR] & ~(3L << 41) | (long) k << 41;
                    branched = true;
                    break;
                } else if (flow == Flow.RETURN_TO_SLOT) {
                    left--; retired++;
                    c.ip = c.branchTarget;
                    c.ri = c.branchSlot;
                    branched = true;
                    break;
                } else {
                    c.ri = k;
                    return takeExit();
                }
            }
            if (!branched) { c.ip += 16; c.ri = 0; }
        }
        return VcpuExit.BUDGET_SPENT;
    }

    /** PSR.ss (bit 40) and PSR.tb (bit 26): trap after every instruction, or after every taken branch. */
    private static final long PSR_SS = 1L << 40, PSR_TB = 1L << 26;

    /**
     * The Single Step trap (vector 0x6000, ISR.code{3} = ss) or, for a taken branch with PSR.tb, the Taken Branch
     * trap (0x5f00, ISR.code{2} = tb; ss is reported with it when both apply), after the instruction in slot
     * {@code done} completed (SDM rev 2.3 vol 2 part I 5.8, vol 1 and vol 2 "Debugging"): IIP and ri name the next
     * instruction ({@code nextSlot} of the bundle at IP, already set), ISR.ei the one that trapped. PSR.ss and tb are
     * cleared by the delivery and come back with rfi, so the handler runs unstepped. False when no IVT is installed
     * (the domain then ends with the fault, as for any interruption it cannot take).
     */
    private boolean debugTrap(boolean taken, int nextSlot, int done) {
        boolean ss = (c.psr & PSR_SS) != 0, tb = taken && (c.psr & PSR_TB) != 0;
        if (!ss && !tb) return true;
        c.raise(tb ? Vector.TAKEN_BRANCH_TRAP : Vector.SINGLE_STEP_TRAP, (ss ? 8 : 0) | (tb ? 4 : 0),
                tb ? "taken branch trap" : "single step trap");
        if (!Interruptions.deliver(c, nextSlot)) {
            c.ri = nextSlot;
            return false;
        }
        c.cr[CpuState.CR_ISR] = c.cr[CpuState.CR_ISR] & ~(3L << 41) | (long) done << 41;
        return true;
    }

    private VcpuExit takeExit() {
        VcpuExit e = c.exit;
        c.exit = null;
        return e;
    }

    private DecodedBundle fetch(long ip) {
        MemorySegment page = tlb.lookup(SoftTlb.FETCH, ip);
        long gfn;
        if (page == null) {
            long gpa = mmu.translate(ip, Translation.FETCH);
            if (gpa < 0) {
                // An instruction TLB fault: delivered at the bundle's next slot, or the run ends.
                c.raise(mmu.faultVector, mmu.faultIsr, mmu.faultReason);
                c.trapIfa = mmu.faultIfa;
                c.trapWritesIfa = true;
                c.trapItir = mmu.faultItir;
                c.trapIha = mmu.faultIha;
                c.trapWritesTranslation = true;
                if (Interruptions.deliver(c, c.ri)) c.exit = null;
                return null;
            }
            gfn = gpa >>> GuestMemory.PAGE_SHIFT;
            page = gpa < 0 ? null : memory.page(gfn);
            if (page == null) {
                c.exit = new VcpuExit.Fault("fetch outside guest memory at 0x" + Long.toHexString(ip), ip);
                return null;
            }
            tlb.fill(SoftTlb.FETCH, ip, gfn, page);
        } else {
            gfn = tlb.frame(SoftTlb.FETCH, ip);
        }
        if (gfn != cachedGfn) {
            cachedSlots = decoded.slots(gfn);
            cachedGfn = gfn;
        }
        int off = (int) (ip & GuestMemory.PAGE_MASK) & ~0xf;
        int idx = off >> 4;
        DecodedBundle b = (DecodedBundle) cachedSlots[idx];
        if (b == null) {
            b = decoder.decode(page.get(LE, off), page.get(LE, off + 8));
            cachedSlots[idx] = b;
        }
        return b;
    }

    @Override
    public long retired() { return retired; }

    @Override
    public long pc() { return c.ip; }

    /** Sets IP to the bundle holding {@code pc} and starts at its slot 0. */
    @Override
    public void setPc(long pc) {
        c.ip = pc & ~0xfL;
        c.ri = 0;
    }

    @Override
    public long register(int n) {
        if (n >= 0 && n < 128) return c.gr(n);
        if (n >= Ia64Registers.B0 && n < Ia64Registers.B0 + 8) return c.br[n - Ia64Registers.B0];
        if (n >= Ia64Registers.CR0 && n < Ia64Registers.COUNT) return c.cr[Ia64Registers.CONTROL_NUMBER[n - Ia64Registers.CR0]];
        if (n >= Ia64Registers.FR0 && n < Ia64Registers.FR_SE0) return c.frSig[c.frIndex(n - Ia64Registers.FR0)];
        if (n >= Ia64Registers.FR_SE0 && n < Ia64Registers.ALL) return c.frSe[c.frIndex(n - Ia64Registers.FR_SE0)];
        if (n == Ia64Registers.AR_FPSR) return c.ar[CpuState.AR_FPSR];
        return switch (n) {
            case Ia64Registers.IP -> c.ip;
            case Ia64Registers.PSR -> (c.psr & ~(3L << 41 | 3L << 32)) | (long) c.ri << 41 | (long) c.cpl << 32;
            case Ia64Registers.CFM -> c.rse.cfm();
            case Ia64Registers.PR -> c.pr;
            case Ia64Registers.AR_PFS -> c.ar[CpuState.AR_PFS];
            case Ia64Registers.AR_LC -> c.ar[CpuState.AR_LC];
            case Ia64Registers.AR_EC -> c.ar[CpuState.AR_EC];
            case Ia64Registers.AR_RSC -> c.ar[RegisterStack.AR_RSC];
            case Ia64Registers.AR_BSP -> c.ar[RegisterStack.AR_BSP];
            case Ia64Registers.AR_BSPSTORE -> c.ar[RegisterStack.AR_BSPSTORE];
            case Ia64Registers.AR_RNAT -> c.ar[RegisterStack.AR_RNAT];
            default -> throw new IllegalArgumentException("ia64: no register " + n);
        };
    }

    @Override
    public void setRegister(int n, long v) {
        if (n >= 0 && n < 128) { c.setGr(n, v); return; }
        if (n >= Ia64Registers.B0 && n < Ia64Registers.B0 + 8) { c.br[n - Ia64Registers.B0] = v; return; }
        // Control registers as a debugger sets them: the IVT counts as installed only when the guest writes cr.iva.
        if (n >= Ia64Registers.CR0 && n < Ia64Registers.COUNT) { c.cr[Ia64Registers.CONTROL_NUMBER[n - Ia64Registers.CR0]] = v; return; }
        // f0 and f1 are constants; the others take any 82-bit image (significand, and sign:exponent in 18 bits).
        if (n >= Ia64Registers.FR0 + 2 && n < Ia64Registers.FR_SE0) { c.frSig[c.frIndex(n - Ia64Registers.FR0)] = v; return; }
        if (n >= Ia64Registers.FR_SE0 + 2 && n < Ia64Registers.ALL) { c.frSe[c.frIndex(n - Ia64Registers.FR_SE0)] = (int) (v & 0x3ffff); return; }
        if (n >= Ia64Registers.FR0 && n < Ia64Registers.ALL) return;
        if (n == Ia64Registers.AR_FPSR) { c.ar[CpuState.AR_FPSR] = v & ~FpStatus.RESERVED; return; }
        switch (n) {
            case Ia64Registers.IP -> { c.ip = v & ~0xfL; c.ri = 0; }
            case Ia64Registers.PSR -> {
                c.psr = v & ~(3L << 41 | 3L << 32);
                c.ri = (int) (v >>> 41 & 3);
                if (c.ri == 3) c.ri = 0;
                c.cpl = (int) (v >>> 32 & 3);
                c.translationChanged.run();
            }
            case Ia64Registers.CFM -> c.rse.setCfm(v);
            case Ia64Registers.PR -> c.pr = v | 1;
            case Ia64Registers.AR_PFS -> c.ar[CpuState.AR_PFS] = v;
            case Ia64Registers.AR_LC -> c.ar[CpuState.AR_LC] = v;
            case Ia64Registers.AR_EC -> c.ar[CpuState.AR_EC] = v & 0x3f;
            case Ia64Registers.AR_RSC -> c.ar[RegisterStack.AR_RSC] = v;
            // ar.bsp follows ar.bspstore and the dirty count; set directly it is a debugger's override.
            case Ia64Registers.AR_BSP -> c.ar[RegisterStack.AR_BSP] = v & ~7L;
            case Ia64Registers.AR_BSPSTORE -> c.rse.writeBspstore(v);
            case Ia64Registers.AR_RNAT -> c.ar[RegisterStack.AR_RNAT] = v;
            default -> throw new IllegalArgumentException("ia64: no register " + n);
        }
    }

    /** Makes external interrupt vector {@code line} (16-255, or 2 for NMI) pending in IRR; safe from any thread. */
    @Override
    public void raiseInterrupt(int line) {
        c.interrupts.raise(line);
    }

    /**
     * The PV event upcall (Xen set evtchn_upcall_pending with upcalls unmasked): external interrupt vector
     * {@link ExternalInterrupts#EVENT_UPCALL_VECTOR} (0xe9) is made pending in IRR and
     * taken through the guest's IVT at vector 0x3000 once PSR.i = 1 and cr.iva was written, and only while Xen's level
     * holds (evtchn_upcall_pending set and unmasked, {@link #setEventUpcallLevel}); raised again while already pending
     * or in service it is delivered once (the kernel raises it again on each hypercall return while upcall_pending
     * stays set and unmasked, so an upcall the handler did not clear comes back after cr.eoi). Thread-safe.
     */
    @Override
    public void raiseEventUpcall() {
        c.interrupts.raise(ExternalInterrupts.EVENT_UPCALL_VECTOR);
    }

    /** Xen's upcall level (Vcpu.setEventUpcallLevel); null until the kernel gives it (then IRR alone counts). */
    private volatile BooleanSupplier upcallLevel;

    @Override
    public void setEventUpcallLevel(BooleanSupplier level) { upcallLevel = level; }

    /**
     * Asked when an external interrupt is about to be delivered: the event upcall vector pending in IRR while Xen's
     * level is low (the guest cleared evtchn_upcall_pending or masked upcalls since the raise) is withdrawn, so the
     * guest never takes a stale upcall; the kernel raises it again when the level rises. True when it withdrew one
     * (the other pending vectors are looked at on the next instruction boundary).
     */
    private boolean staleUpcallWithdrawn() {
        BooleanSupplier level = upcallLevel;
        int v = ExternalInterrupts.EVENT_UPCALL_VECTOR;
        if (level == null || (c.interrupts.pendingWord(v >> 6) & 1L << (v & 63)) == 0 || level.getAsBoolean()) return false;
        c.interrupts.withdraw(v);
        return true;
    }

    /** Pending external interrupts end a wait (thread-safe: the pending set is atomic); a stale upcall does not. */
    @Override
    public boolean hasWakeEvent() {
        if (!c.interrupts.anyPending()) return false;
        BooleanSupplier level = upcallLevel;
        int v = ExternalInterrupts.EVENT_UPCALL_VECTOR;
        boolean onlyUpcall = true;
        for (int w = 0; w < 4; w++) onlyUpcall &= c.interrupts.pendingWord(w) == (w == v >> 6 ? 1L << (v & 63) : 0);
        return !onlyUpcall || level == null || level.getAsBoolean();
    }

    /** The virtual time at which the armed interval timer matches (ar.itc reaches cr.itm), or -1. */
    @Override
    public long wakeDeadline() {
        return c.interrupts.timerDeadline();
    }

    @Override
    public long translate(long va, boolean write) {
        return mmu.translate(va, write);
    }

    @Override
    public void completeRead(long value) {
        data.complete(value);
    }

    /**
     * Named registers, plus in {@code extra} the frame base, the RSE's dirty count and the physical stacked
     * register file; ar.bspstore is restored after the dirty count, so ar.bsp comes out consistent.
     */
    @Override
    public VcpuState save() {
        Map<String, Long> regs = new LinkedHashMap<>();
        for (Register r : Ia64Registers.SET.all()) regs.put(r.name(), register(r.number()));
        ByteBuffer extra = ByteBuffer.allocate(EXTRA_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        extra.putInt(c.bof);
        extra.putInt(c.rse.ndirty());
        for (int i = 32; i < c.gr.length; i++) extra.putLong(c.gr[i]);
        for (long v : c.cr) extra.putLong(v);
        for (long v : c.bank) extra.putLong(v);
        extra.putLong(c.ivaInstalled ? 1 : 0);
        extra.putLong(c.itcOffset);
        // NaT bits of every register and of the other r16-r31 bank (vol 1 4.4.4), and ar.unat
        for (int w = 0; w < NAT_WORDS; w++) {
            long bits = 0;
            for (int i = 0; i < 64 && 64 * w + i < c.nat.length; i++) if (c.nat[64 * w + i]) bits |= 1L << i;
            extra.putLong(bits);
        }
        long bankBits = 0;
        for (int i = 0; i < 16; i++) if (c.bankNat[i]) bankBits |= 1L << i;
        extra.putLong(bankBits);
        extra.putLong(c.ar[AR_UNAT]);
        return new VcpuState("ia64", regs, extra.array());
    }

    @Override
    public void restore(VcpuState state) {
        if (!"ia64".equals(state.isa())) throw new IllegalArgumentException("not an ia64 state: " + state.isa());
        byte[] extra = state.extra();
        long[] natWords = new long[NAT_WORDS];
        long bankNat = 0;
        if (extra.length == EXTRA_BYTES) {
            ByteBuffer b = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
            int bof = b.getInt();
            c.rse.restore(bof, b.getInt());
            for (int i = 32; i < c.gr.length; i++) c.gr[i] = b.getLong();
            for (int i = 0; i < c.cr.length; i++) c.cr[i] = b.getLong();
            for (int i = 0; i < c.bank.length; i++) c.bank[i] = b.getLong();
            c.ivaInstalled = b.getLong() != 0;
            c.itcOffset = b.getLong();
            for (int w = 0; w < NAT_WORDS; w++) natWords[w] = b.getLong();
            bankNat = b.getLong();
            c.ar[AR_UNAT] = b.getLong();
        }
        for (Register r : Ia64Registers.SET.all()) {
            Long v = state.registers().get(r.name());
            // Stacked registers are in the extra blob already; the named ones would only repeat them.
            if (v != null && !(r.number() >= 32 && r.number() < 128 && extra.length > 0)) setRegister(r.number(), v);
        }
        Long psr = state.registers().get("psr");
        if (psr != null) setRegister(Ia64Registers.PSR, psr);
        // After the named registers, whose writes clear NaT bits; a state without the blob has no NaTs.
        for (int i = 0; i < c.nat.length; i++) c.nat[i] = (natWords[i >>> 6] >>> (i & 63) & 1) != 0;
        for (int i = 0; i < 16; i++) c.bankNat[i] = (bankNat >>> i & 1) != 0;
        c.alat.clear();
        tlb.flush();
        decoded.clear();
        cachedGfn = -1;
        cachedSlots = null;
    }
}
