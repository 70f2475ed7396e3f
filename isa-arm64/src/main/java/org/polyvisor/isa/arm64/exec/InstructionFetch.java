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

/**
 * Fetch and decode with the per-page cache of {@link DecodedPages}: the page the PC is on is remembered, so the
 * common case is one compare and one array load. Stores that overwrite code clear slots of the same array,
 * so the next fetch decodes the new bytes.
 */
final class InstructionFetch {
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final long NO_PAGE = -1;

    private final A64Decoder decoder;
    private final GuestMemory memory;
    private final SoftTlb tlb;
    private final DecodedPages code;
    private final Translation mmu;

    private long pageVa = NO_PAGE;
    private MemorySegment page;
    private Object[] slots;

    /** Why the last {@link #fetch} returned null. */
    VcpuExit exit;
    /** With {@link #exit}: true for a misaligned PC, else the fetch's instruction abort status code. */
    boolean misaligned;
    int abortFsc;

    InstructionFetch(A64Decoder decoder, GuestMemory memory, SoftTlb tlb, DecodedPages code, Translation mmu) {
        this.decoder = decoder;
        this.memory = memory;
        this.tlb = tlb;
        this.code = code;
        this.mmu = mmu;
    }

    /** The instruction at {@code pc}, or null with {@link #exit} set. */
    Insn fetch(long pc) {
        // One compare covers both checks: pageVa is 4-aligned, so a misaligned PC never equals it.
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
        if (cached != null) return (Insn) cached;
        Insn insn = decoder.decode(page.get(U32, slot << 2));
        slots[slot] = insn;
        return insn;
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
        slots = code.slots(gfn);
        pageVa = pc & ~GuestMemory.PAGE_MASK;
        return true;
    }
}
