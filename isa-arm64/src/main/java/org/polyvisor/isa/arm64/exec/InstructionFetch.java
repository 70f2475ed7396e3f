package org.polyvisor.isa.arm64.exec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import org.polyvisor.isa.arm64.decode.A64Decoder;
import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.mmu.Translation;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.exec.DecodedPages;
import org.polyvisor.spi.exec.SoftTlb;
import org.polyvisor.spi.exec.RunnerTlb;

/**
 * Fetch and decode, a block at a time, with the per-page cache of {@link DecodedPages}: the slot of a block's first
 * instruction holds the block ({@link DecodedBlock}), an array of {@link FastOp}s running up to and including the first instruction that
 * {@link FastForm#endsBlock ends a block}, the end of the page, or {@link #MAX_BLOCK} instructions. The page the PC
 * is on is remembered, so the common case (a branch to the same page) is one compare and one array load. Stores
 * that overwrite code clear the slots of every block that may contain the bytes written (see {@link DataBus}), so
 * the next fetch decodes the new bytes.
 */
final class InstructionFetch {
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final long NO_PAGE = -1;
    /** The most instructions in one block: it bounds the slots a store into a code page must clear. */
    static final int MAX_BLOCK = 32;
    private static final int SLOTS = GuestMemory.PAGE_SIZE / 4;

    private final A64Decoder decoder;
    private final GuestMemory memory;
    private final SoftTlb tlb;
    private final DecodedPages code;
    private final Translation mmu;
    private final RunnerTlb dataTlb;

    /** The remembered page's virtual address, or NO_PAGE; with {@link #slots}, what {@link BlockRunner} reads inline. */
    long pageVa = NO_PAGE;
    private MemorySegment page;
    /** The remembered page's {@link DecodedPages} slots (null when no page is remembered). */
    Object[] slots;

    /** Why the last {@link #fetch} returned null. */
    VcpuExit exit;
    /** With {@link #exit}: true for a misaligned PC, else the fetch's instruction abort status code. */
    boolean misaligned;
    int abortFsc;

    InstructionFetch(A64Decoder decoder, GuestMemory memory, SoftTlb tlb, DecodedPages code, Translation mmu,
                     RunnerTlb dataTlb) {
        this.dataTlb = dataTlb;
        this.decoder = decoder;
        this.memory = memory;
        this.tlb = tlb;
        this.code = code;
        this.mmu = mmu;
    }

    /** The block starting at {@code pc}, or null with {@link #exit} set. */
    DecodedBlock block(long pc) {
        // One compare covers both checks: pageVa is 4-aligned, so a misaligned PC never equals it.
        if (((pc & ~GuestMemory.PAGE_MASK) | (pc & 3)) == pageVa) {
            Object cached = slots[((int) pc & (int) GuestMemory.PAGE_MASK) >>> 2];
            if (cached != null) return (DecodedBlock) cached;
        }
        return blockSlow(pc);
    }

    /** {@link #block} when the PC left the remembered page or its block is not decoded yet. */
    private DecodedBlock blockSlow(long pc) {
        if (((pc & ~GuestMemory.PAGE_MASK) | (pc & 3)) != pageVa) {
            if ((pc & 3) != 0) {
                // PC alignment fault; with no exception vectors installed it ends the guest.
                exit = new VcpuExit.Fault("misaligned pc 0x" + Long.toHexString(pc), pc);
                misaligned = true;
                return null;
            }
            if (!enterPage(pc)) return null;
        }
        int slot = ((int) pc & (int) GuestMemory.PAGE_MASK) >>> 2;
        Object cached = slots[slot];
        if (cached != null) return (DecodedBlock) cached;
        DecodedBlock block = decode(slot);
        slots[slot] = block;
        return block;
    }

    /** Decodes the block starting at {@code slot} of the current page. */
    private DecodedBlock decode(int slot) {
        int end = Math.min(SLOTS, slot + MAX_BLOCK);
        Insn[] insns = new Insn[end - slot];
        int n = 0;
        for (int k = slot; k < end; k++) {
            Insn insn = decoder.decode(page.get(U32, k << 2));
            insns[n++] = insn;
            if (FastForm.endsBlock(insn)) break;
        }
        FastOp[] block = new FastOp[n];
        for (int k = 0; k < n; k++) block[k] = FastForm.prepare(insns[k]);
        for (int k = 0; k + 1 < n; k++) {
            FastOp fused = FastForm.fuse(block[k], block[k + 1]);
            if (fused != null) block[k] = fused;
        }
        for (int k = 0; k < n; k++) block[k] = FastForm.link(block[k], k, n);
        return new DecodedBlock(block);
    }

    /** Forgets the remembered page: after a TLB flush or a restore. */
    void invalidate() {
        pageVa = NO_PAGE;
        page = null;
        slots = null;
    }

    private boolean enterPage(long pc) {
        MemorySegment p = tlb.lookup(SoftTlb.FETCH, pc);
        long gfn;
        if (p != null) {
            gfn = tlb.frame(SoftTlb.FETCH, pc);
        } else {
            long gpa = mmu.translate(pc, Translation.FETCH);
            gfn = gpa >>> GuestMemory.PAGE_SHIFT;
            p = gpa == Translation.FAULT ? null : memory.page(gfn);
            if (p == null) {
                exit = gpa == Translation.FAULT
                        ? new VcpuExit.Fault(String.format("instruction abort (IFSC 0x%02x) at 0x%x with no exception vectors installed",
                                mmu.faultStatus, pc), pc)
                        : new VcpuExit.Fault("fetch outside guest memory at 0x" + Long.toHexString(pc), pc);
                misaligned = false;
                abortFsc = gpa == Translation.FAULT ? mmu.faultStatus : Translation.FSC_EXTERNAL;
                return false;
            }
            tlb.fill(SoftTlb.FETCH, pc, gfn, p);
        }
        page = p;
        // A page that gets decoded code loses its write entries in the soft TLB (DecodedPages.slots): the runner's
        // copy loses them too, so stores into it keep taking the executor's path.
        boolean fresh = !code.mayHoldCode(gfn);
        slots = code.slots(gfn);
        if (fresh) dataTlb.flushWrites();
        pageVa = pc & ~GuestMemory.PAGE_MASK;
        return true;
    }
}
