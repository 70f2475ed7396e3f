package org.polyvisor.isa.x86.exec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.polyvisor.isa.x86.mmu.Mmu;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.exec.DecodedPages;
import org.polyvisor.spi.exec.SoftTlb;

/**
 * Loads and stores of the interpreter: the TLB hit is inline, the slow path translates, fills the TLB, turns
 * non-RAM into an exit and tells the decoded-instruction cache about stores into code. Faults are values:
 * {@link #abort} (the instruction must not complete) and {@link #after} (it completes, then the vCPU exits).
 */
public final class Bus {
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /**
     * The var handles of {@link #U32} and {@link #U64} (coordinates: segment, offset), for {@link FastPath#run}: a
     * constant handle makes each access a few checks and a load, where {@code MemorySegment.get(layout, offset)}
     * first asks the layout for its handle, which the JIT leaves as a call at sites it profiled as rare.
     */
    static final VarHandle INT = U32.varHandle(), LONG = U64.varHandle();

    private final GuestMemory memory;
    /** The TLB, whose hits {@link FastPath#run} takes inline. */
    final SoftTlb tlb;
    private final DecodedPages code;
    private final Mmu mmu;
    private final CpuState s;

    /** Marks {@link #abort} as a page fault ({@link #faultAddress}, {@link #faultCode}) for the interpreter to raise. */
    public static final VcpuExit PAGE_FAULT = new VcpuExit.Fault("page fault", 0);
    /** Marks {@link #abort} as a #GP(0) (a non-canonical address in long mode). */
    public static final VcpuExit GENERAL_PROTECTION = new VcpuExit.Fault("general protection", 0);
    /** Marks {@link #abort} as an alignment check, #AC(0) ({@link #alignmentChecks}). */
    public static final VcpuExit ALIGNMENT_CHECK = new VcpuExit.Fault("alignment check", 0);
    public long faultAddress;
    public int faultCode;

    /**
     * Alignment checking (SDM Vol. 3, 6.15): on while CR0.AM = 1, EFLAGS.AC = 1 and CPL = 3 ({@link #syncAlignmentCheck}).
     * While it is on, no read or write translation enters the TLB, so every data access, the block runner's included,
     * comes to {@link #readSlow}/{@link #writeSlow}, which refuse a 2-, 4- or 8-byte access not aligned to its size.
     */
    public boolean alignmentChecks;
    /** Set around accesses the SDM does not check (the 16-byte SSE operands, whose own rule is #GP or none). */
    public boolean alignmentExempt;
    /**
     * Set while the processor itself accesses system structures (descriptor tables, the TSS, an exception frame
     * on the new stack): those are supervisor accesses whatever the CPL, and they bypass the TLB.
     */
    public boolean implicitSupervisor;

    /**
     * Counts TLB invalidations (INVLPG, CR3/CR0/CR4 writes, privilege changes): a translation cached outside the
     * TLB (the vCPU's current code page) is good while the epoch it was made in lasts.
     */
    public int epoch;

    /** Counts stores into pages that hold decoded code: a {@link Block} that sees it change stops after the store. */
    public int codeWrites;

    /** Set when the current instruction cannot complete (fault, or an MMIO read waiting for its value). */
    public VcpuExit abort;
    /** Set when the current instruction completed with a store the hypervisor must see (MMIO write). */
    public VcpuExit after;
    /** The pc to report faults at. */
    public long pc;

    private boolean mmioValueReady;
    private long mmioAddress, mmioValue;

    /** What locked instructions of every vCPU of the domain synchronise on: the domain's one guest memory. */
    public Object lockMonitor() { return memory; }

    public Bus(GuestMemory memory, SoftTlb tlb, DecodedPages code, Mmu mmu, CpuState s) {
        this.memory = memory; this.tlb = tlb; this.code = code; this.mmu = mmu; this.s = s;
    }

    /** INVLPG: drops the translations of the page holding {@code va}. */
    public void flushPage(long va) {
        epoch++;
        tlb.flushPage(va);
        long page = va & ~0xFFFL;
        for (int i = 0; i < globalCount; i++) {
            if (globalVa[i] == page) {
                globalCount--;
                globalVa[i] = globalVa[globalCount];
                globalGfn[i] = globalGfn[globalCount];
                globalKind[i] = globalKind[globalCount];
                i--;
            }
        }
    }

    /** Translates for a data access; on failure sets {@link #abort} to the #PF or #GP marker and returns -1. */
    private long translate(long va, int access) {
        if (!s.canonical(va)) {
            abort = GENERAL_PROTECTION;
            return -1;
        }
        long gpa = mmu.translate(va, access, !implicitSupervisor && s.cpl() == 3);
        if (gpa < 0) {
            faultAddress = va;
            faultCode = mmu.errorCode;
            abort = PAGE_FAULT;
        }
        return gpa;
    }

    /** Drops every translation, global pages too (CR0/CR4/EFER writes, a change of privilege level). */
    public void flushTlb() {
        epoch++;
        tlb.flush();
        globalCount = 0;
    }

    /**
     * A CR3 load: drops every translation but those of global pages (CR4.PGE), which the SoftTlb cannot mark, so
     * they are remembered here as they are filled (up to {@link #GLOBAL_SLOTS}) and filled again after the flush.
     */
    public void flushNonGlobal() {
        epoch++;
        tlb.flush();
        for (int i = 0; i < globalCount; i++) {
            MemorySegment p = memory.page(globalGfn[i]);
            boolean codeWrite = globalKind[i] == SoftTlb.WRITE && code.mayHoldCode(globalGfn[i]);  // stores must see the code cache
            if (p != null && !codeWrite && (!alignmentChecks || globalKind[i] == SoftTlb.FETCH)) tlb.fill(globalKind[i], globalVa[i], globalGfn[i], p);
        }
    }

    private static final int GLOBAL_SLOTS = 64;
    private final long[] globalVa = new long[GLOBAL_SLOTS], globalGfn = new long[GLOBAL_SLOTS];
    private final int[] globalKind = new int[GLOBAL_SLOTS];
    private int globalCount;

    /** Fills the TLB after a walk, remembering the entry when the walk found a global page. */
    public void fill(int kind, long va, long gfn, MemorySegment page) {
        if (alignmentChecks && kind != SoftTlb.FETCH) return;  // data accesses must reach the alignment check
        tlb.fill(kind, va, gfn, page);
        if (mmu.pagingOn() && mmu.global && globalCount < GLOBAL_SLOTS) {
            globalVa[globalCount] = va & ~0xFFFL;
            globalGfn[globalCount] = gfn;
            globalKind[globalCount++] = kind;
        }
    }

    /** The value of the MMIO read that the last {@link VcpuExit.Mmio} asked for; the re-executed load takes it. */
    public void completeRead(long value) {
        mmioValueReady = true;
        mmioValue = value;
    }

    public long read(long va, int size) {
        int off = (int) (va & 0xFFF);
        MemorySegment p = tlb.lookup(SoftTlb.READ, va);
        // One 8-byte load serves every size away from the page's end: a single access path to inline per call site.
        if (p != null && off <= 4096 - 8) return p.get(U64, off) & CpuState.mask(size);
        return readSlow(va, size);
    }

    public void write(long va, int size, long v) {
        int off = (int) (va & 0xFFF);
        MemorySegment p = tlb.lookup(SoftTlb.WRITE, va);
        if (p != null && off + size <= 4096) {
            put(p, off, size, v);
            return;
        }
        writeSlow(va, size, v);
    }

    private static void put(MemorySegment p, int off, int size, long v) {
        switch (size) {
            case 1 -> p.set(ValueLayout.JAVA_BYTE, off, (byte) v);
            case 2 -> p.set(U16, off, (short) v);
            case 4 -> p.set(U32, off, (int) v);
            default -> p.set(U64, off, v);
        }
    }

    private static long readPage(MemorySegment p, int off, int size) {
        return switch (size) {
            case 1 -> p.get(ValueLayout.JAVA_BYTE, off) & 0xFFL;
            case 2 -> p.get(U16, off) & 0xFFFFL;
            case 4 -> p.get(U32, off) & 0xFFFF_FFFFL;
            default -> p.get(U64, off);
        };
    }

    /** A load that is not a TLB hit away from the page's last bytes: translation, TLB fill, MMIO and faults. */
    long readSlow(long va, int size) {
        if (alignmentChecks && misaligned(va, size)) { alignmentFault(va, size, Mmu.READ); return 0; }
        if ((va & 0xFFF) + size > 4096) {
            long v = 0;
            for (int i = 0; i < size; i++) {
                v |= readSlow(va + i, 1) << (8 * i);
                if (abort != null) return 0;
            }
            return v;
        }
        MemorySegment hit = tlb.lookup(SoftTlb.READ, va);  // a hit in the last bytes of a page
        if (hit != null) return readPage(hit, (int) (va & 0xFFF), size);
        long gpa = translate(va, Mmu.READ);
        if (gpa < 0) return 0;
        MemorySegment p = memory.page(gpa >>> 12);
        if (p == null) {
            if (memory.isMmio(gpa)) {
                if (mmioValueReady && mmioAddress == gpa) {
                    mmioValueReady = false;
                    return mmioValue & CpuState.mask(size);
                }
                mmioAddress = gpa;
                mmioValueReady = false;
                abort = new VcpuExit.Mmio(gpa, size, false, 0);
            } else {
                abort = new VcpuExit.Fault("load outside guest memory at 0x" + Long.toHexString(va), pc);
            }
            return 0;
        }
        if (!implicitSupervisor) fill(SoftTlb.READ, va, gpa >>> 12, p);
        return readPage(p, (int) (gpa & 0xFFF), size);
    }

    /** A store that is not a TLB hit away from the page's last bytes (stores into code come here). */
    void writeSlow(long va, int size, long v) {
        if (alignmentChecks && misaligned(va, size)) { alignmentFault(va, size, Mmu.WRITE); return; }
        if ((va & 0xFFF) + size > 4096) {
            for (int i = 0; i < size && abort == null; i++) writeSlow(va + i, 1, v >>> (8 * i));
            return;
        }
        long gpa = translate(va, Mmu.WRITE);
        if (gpa < 0) return;
        long gfn = gpa >>> 12;
        MemorySegment p = memory.page(gfn);
        if (p == null) {
            if (memory.isMmio(gpa)) after = new VcpuExit.Mmio(gpa, size, true, v & CpuState.mask(size));
            else abort = new VcpuExit.Fault("store outside guest memory at 0x" + Long.toHexString(va), pc);
            return;
        }
        put(p, (int) (gpa & 0xFFF), size, v);
        if (code.mayHoldCode(gfn)) {  // drops the instructions and blocks that may overlap the stored bytes
            code.written(gpa, size, Block.MAX_BYTES - 1);
            codeWrites++;
        } else if (!implicitSupervisor) fill(SoftTlb.WRITE, va, gfn, p);
    }

    /** CR0.AM (bit 18). */
    private static final long CR0_AM = 1L << 18;

    /** Turns alignment checking on or off after CR0, EFLAGS or CPL may have changed; turning it on empties the TLB. */
    public void syncAlignmentCheck() {
        boolean on = (s.cr0 & CR0_AM) != 0 && s.flags.alignmentCheck() && s.cpl() == 3;
        if (on == alignmentChecks) return;
        alignmentChecks = on;
        if (on) flushTlb();
    }

    /** A 2-, 4- or 8-byte data access not aligned to its size, made by the program (not the processor itself). */
    private boolean misaligned(long va, int size) {
        return (va & (size - 1)) != 0 && size > 1 && size <= 8 && !implicitSupervisor && !alignmentExempt;
    }

    /** #AC(0) for a misaligned access, unless one of its bytes faults first (a #PF or #GP ranks above #AC: SDM Table 6-2). */
    private void alignmentFault(long va, int size, int access) {
        if (translate(va, access) < 0) return;
        if (((va ^ (va + size - 1)) >>> 12) != 0 && translate(va + size - 1, access) < 0) return;
        abort = ALIGNMENT_CHECK;
    }
}
