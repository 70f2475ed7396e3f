/**
 * The PowerPC interpreter: architectural state ({@link org.polyvisor.isa.ppc.exec.PpcCpu}), the vCPU and its run
 * loop ({@link org.polyvisor.isa.ppc.exec.PpcVcpu}: synchronous exceptions raised by the units, asynchronous ones
 * polled while MSR[EE] = 1), the data bus over the software TLB, the time base and decrementer
 * ({@link org.polyvisor.isa.ppc.exec.TimeBase}), the SPR map of the modelled 7400 ({@link org.polyvisor.isa.ppc.exec.Sprs}),
 * and one execution unit per instruction group: fixed point, rotate, load/store, branch, condition register, system,
 * the floating-point unit ({@link org.polyvisor.isa.ppc.exec.FloatingPointUnit}: loads/stores, arithmetic rounded in
 * the FPSCR's mode by {@link org.polyvisor.isa.ppc.exec.FpRounder}, the FPSCR and its exceptions; MSR[FP] = 0 raises
 * FP unavailable, 0x800) and the 7400's AltiVec unit ({@link org.polyvisor.isa.ppc.exec.VectorUnit}; MSR[VEC] = 0
 * raises vector unavailable, 0xF20).
 *
 * <h2>Block execution</h2>
 * Code runs as blocks ({@link org.polyvisor.isa.ppc.exec.Block}): the straight-line instructions from one
 * address up to and including a branch or a system instruction (mtmsr, rfi, sc, mtspr other than LR/CTR...), within
 * one 4 KiB page and at most 64 long; a conditional bc is a side exit, so the block goes on after it when it is not
 * taken.
 * <ul>
 * <li><b>Decode once.</b> A block is decoded on first use, each instruction both as the decoder's
 * {@link org.polyvisor.isa.ppc.decode.Insn} (for the units) and packed into one {@code long}
 * ({@link org.polyvisor.isa.ppc.exec.BlockOps}: a dense operation code specialised for its form, register numbers,
 * a 32-bit immediate or rotate mask; a word compare followed by bc becomes one fused code). It is cached in the
 * {@link org.polyvisor.spi.exec.DecodedPages} slot of its first instruction, keyed by guest-physical page, so one
 * decoding serves every virtual mapping of the page and survives TLB flushes.</li>
 * <li><b>Find it.</b> {@link org.polyvisor.isa.ppc.exec.BlockCache} keeps the current code page in hand (virtual page
 * number, host page, slots); a block on that page is an array read, another page goes through the fetch TLB and
 * then the MMU (ISI on failure). A change of translation (MSR[IR/DR/PR], SRs, BATs, SDR1, tlbie) drops the page in
 * hand with the software TLB.</li>
 * <li><b>Run it.</b> {@link org.polyvisor.isa.ppc.exec.BlockRunner} runs a block in one loop over its packed words
 * with one switch: the forms compiled C runs most (addi, the logical and rotate forms, word compares, lwz/stw/lbz/stb
 * and friends with their indexed and update forms, b/bc/bclr/bcctr, mflr/mtlr/mfctr/mtctr) are computed in place;
 * loads and stores go straight to the software TLB's host page (big-endian, no allocation), and a TLB miss hands
 * the instruction to the load/store unit, which walks the BATs and the hashed page table. Every other instruction
 * goes to its unit exactly as before. At the end of a block the next one is looked up and run at once (chained),
 * so the vCPU's loop only sees the run again after a slice.</li>
 * <li><b>Translate it.</b> A block entered more than 32 times is compiled to a JVM class
 * ({@link org.polyvisor.isa.ppc.exec.jit}: the same fast forms with the GPRs in locals, a loop back into the block
 * kept in the class while the budget and the slice allow), shared by content across vCPUs and domains; an instruction
 * for its unit, a TLB miss or a page-crossing access returns to the loop above at that instruction.
 * {@code -Dpolyvisor.ppc.jit=off} runs the interpreter alone.</li>
 * <li><b>Exact state.</b> The pc and the retired count are kept in locals and written back when the run returns
 * and before any instruction goes to its unit, which may read them (the time base counts from retired instructions)
 * or raise an exception: a DSI in the middle of a block leaves SRR0, DAR, DSISR and all earlier instructions'
 * effects as one-at-a-time execution would. {@code run(budget)} stops after exactly {@code budget} instructions,
 * inside a block if need be (the rest of it runs as a block of its own next time).</li>
 * <li><b>Self-modifying code.</b> Pages with decoded code are never in the write TLB, so every store, dcbz, stwcx.
 * and icbi that reaches one goes through {@link org.polyvisor.isa.ppc.exec.DataBus}'s slow path, which clears the
 * slots of every block that may cover the written bytes (those starting up to 63 instructions before them in the
 * page) and ends the running block after the store: the next instruction is fetched from the new code, with or
 * without icbi/isync, as before.</li>
 * <li><b>Interrupts.</b> The decrementer, the board's OpenPIC and Xen's upcall are looked at between slices of at
 * least 256 instructions, at a block boundary, and after every system instruction (which ends its block), so an
 * interrupt made deliverable by mtmsr or rfi is still taken before the next instruction.</li>
 * </ul>
 */
package org.polyvisor.isa.ppc.exec;
