package org.polyvisor.spi.exec.jit;

import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.foreign.MemorySegment;

import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.exec.RunnerTlb;
import org.polyvisor.spi.exec.SoftTlb;

/**
 * The bytecode of a translated guest access's page lookup, the same on every ISA: the runner's {@link RunnerTlb} read
 * in place (a tag compare and an array load), refilled from the soft TLB on a miss there, and an exit to the
 * interpreter when there is no page (a miss, MMIO, a store into code) or the access crosses the page's end. The
 * locals it uses are the ISA's, named by {@link Locals}.
 */
public final class RunnerTlbCode {
    private static final ClassDesc CD_TLB = ClassDesc.of(RunnerTlb.class.getName()),
            CD_SEGMENT = ClassDesc.of(MemorySegment.class.getName()), CD_LONGS = CD_long.arrayType(),
            CD_SEGMENTS = CD_SEGMENT.arrayType();
    private static final MethodTypeDesc MTD_REFILL = MethodTypeDesc.of(CD_SEGMENT, CD_int, CD_long);
    private static final int PAGE = GuestMemory.PAGE_SIZE, PAGE_SHIFT = GuestMemory.PAGE_SHIFT;

    /**
     * Local variable slots: the RunnerTlb and its four arrays (reference slots), the looked-up page (reference), its
     * offset and the TLB slot index (ints), and the guest virtual address (a long).
     */
    public record Locals(int tlb, int readTags, int readPages, int writeTags, int writePages, int page, int offset,
                         int slot, int address) { }

    private final CodeBuilder cb;
    private final Locals l;

    public RunnerTlbCode(CodeBuilder cb, Locals locals) {
        this.cb = cb;
        this.l = locals;
    }

    /** With the RunnerTlb on the stack: stores it and its four arrays in their locals (the method's prologue). */
    public void storeArrays() {
        cb.astore(l.tlb());
        cb.aload(l.tlb()).getfield(CD_TLB, "readTags", CD_LONGS).astore(l.readTags());
        cb.aload(l.tlb()).getfield(CD_TLB, "readPages", CD_SEGMENTS).astore(l.readPages());
        cb.aload(l.tlb()).getfield(CD_TLB, "writeTags", CD_LONGS).astore(l.writeTags());
        cb.aload(l.tlb()).getfield(CD_TLB, "writePages", CD_SEGMENTS).astore(l.writePages());
    }

    /**
     * Looks the address up ({@code write} side or read side) into the page local and its page offset into the offset
     * local; goes to {@code exit} when there is no page or the {@code size} bytes cross its end.
     */
    public void page(boolean write, int size, Label exit) {
        Label miss = cb.newLabel(), got = cb.newLabel();
        cb.lload(l.address()).loadConstant(PAGE_SHIFT).lushr().l2i().loadConstant(RunnerTlb.MASK).iand().istore(l.slot());
        cb.aload(write ? l.writeTags() : l.readTags()).iload(l.slot()).laload()
                .lload(l.address()).loadConstant(PAGE_SHIFT).lushr().lcmp().ifne(miss);
        cb.aload(write ? l.writePages() : l.readPages()).iload(l.slot()).aaload().astore(l.page()).goto_(got);
        cb.labelBinding(miss);
        cb.aload(l.tlb()).loadConstant(write ? SoftTlb.WRITE : SoftTlb.READ).lload(l.address())
                .invokevirtual(CD_TLB, "refill", MTD_REFILL).astore(l.page());
        cb.labelBinding(got);
        cb.aload(l.page()).ifnull(exit);
        cb.lload(l.address()).l2i().loadConstant(PAGE - 1).iand().istore(l.offset());
        if (size > 1) cb.iload(l.offset()).loadConstant(PAGE - size).if_icmpgt(exit);
    }
}
