package org.polyvisor.isa.ppc.exec;

import java.lang.foreign.MemorySegment;

import org.polyvisor.isa.ppc.decode.DecodeTable;
import org.polyvisor.isa.ppc.mmu.Mmu;
import org.polyvisor.isa.ppc.trap.Srr1;
import org.polyvisor.isa.ppc.trap.Vectors;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.exec.DecodedPages;
import org.polyvisor.spi.exec.SoftTlb;
import org.polyvisor.spi.exec.RunnerTlb;

/**
 * The fetch side: the {@link Block} that starts at a pc. It keeps the current code page at hand (its virtual page
 * number, host page and decoded-page slots), so a block on the same page as the last one costs a compare and an
 * array read; another page goes through the fetch TLB, then the MMU (an ISI when it fails). A block is decoded on
 * first use and kept in the slot of its first instruction until a store, dcbz, stwcx. or icbi clears it
 * ({@link DataBus}), or the slots are dropped with the whole cache.
 */
final class BlockCache {
    private final PpcCpu cpu;
    private final GuestMemory memory;
    private final SoftTlb tlb;
    private final DecodedPages code;
    private final Mmu mmu;
    private final DecodeTable decoder = DecodeTable.standard();
    /** The run loop's copy of the data side of the software TLB, kept in step with it here. */
    final RunnerTlb dataTlb;

    private long vpn = -1;
    private MemorySegment page;
    private Object[] slots;
    /** Why the last {@link #lookup} returned null: a raised ISI or program exception, or a fault. */
    VcpuExit exit;

    BlockCache(PpcCpu cpu, GuestMemory memory, SoftTlb tlb, DecodedPages code, Mmu mmu) {
        this.cpu = cpu;
        this.memory = memory;
        this.tlb = tlb;
        this.code = code;
        this.mmu = mmu;
        this.dataTlb = new RunnerTlb(tlb);
    }

    /** The block at {@code pc}, or null with {@link #exit} set. */
    Block lookup(long pc) {
        if (pc >>> GuestMemory.PAGE_SHIFT != vpn && !enterCodePage(pc)) return null;
        int slot = (int) (pc & GuestMemory.PAGE_MASK) >>> 2;
        Object o = slots[slot];
        if (o != null) return (Block) o;
        Block b = Block.decode(decoder, page, slot);
        if (b == null) {
            exit = cpu.raise(Vectors.PROGRAM, Srr1.PROGRAM_ILLEGAL, DataBus.word(page, slot << 2));
            return null;
        }
        slots[slot] = b;
        return b;
    }

    /** The decoded-block slots of the code page of the last successful {@link #lookup}. */
    Object[] pageSlots() { return slots; }

    /** Forgets the code page in hand and the run loop's data TLB: the translation changed (the TLB was flushed). */
    void forget() {
        vpn = -1;
        page = null;
        slots = null;
        dataTlb.flush();
    }

    private boolean enterCodePage(long pc) {
        MemorySegment p = tlb.lookup(SoftTlb.FETCH, pc);
        long gfn;
        if (p != null) {
            gfn = tlb.frame(SoftTlb.FETCH, pc);
        } else {
            long gpa = mmu.translate(pc, Mmu.FETCH);
            if (gpa < 0) {
                exit = cpu.raise(Vectors.ISI, mmu.faultBits() & Srr1.ISI_CAUSES, 0);
                return false;
            }
            gfn = gpa >>> GuestMemory.PAGE_SHIFT;
            p = memory.page(gfn);
            if (p == null) {
                exit = new VcpuExit.Fault("fetch outside guest memory at 0x" + Long.toHexString(pc), pc);
                return false;
            }
            tlb.fill(SoftTlb.FETCH, pc, gfn, p);
        }
        vpn = pc >>> GuestMemory.PAGE_SHIFT;
        page = p;
        // a page that gets decoded code loses its write entries in the software TLB: the run loop's copy too
        boolean fresh = !code.mayHoldCode(gfn);
        slots = code.slots(gfn);
        if (fresh) dataTlb.flushWrites();
        return true;
    }
}
