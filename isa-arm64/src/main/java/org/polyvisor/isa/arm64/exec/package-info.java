/**
 * The AArch64 vCPU: architectural state (PSTATE, banked SP_EL0/SP_EL1, the EL1 system registers), the
 * fetch-decode-execute loop with its per-page decoded-block cache and soft TLB, interrupt polling, and the
 * instruction handlers grouped as the Arm ARM groups encodings (data processing, loads and stores, exclusives and
 * LSE atomics, branches, system registers and SYS operations), plus the generic timer. The SIMD&amp;FP unit is
 * {@link org.polyvisor.isa.arm64.exec.FloatingPoint} (scalar FP), {@link org.polyvisor.isa.arm64.exec.AdvancedSimd}
 * (vector integer) and {@link org.polyvisor.isa.arm64.exec.SoftFloat} (IEEE arithmetic with FPCR's modes and FPSR's
 * flags as the Arm ARM's pseudocode defines them), behind CPACR_EL1.FPEN.
 *
 * <h2>Block-level execution</h2>
 * {@link org.polyvisor.isa.arm64.exec.InstructionFetch} decodes a block at a time: the instructions from the
 * PC up to and including the first unconditional branch or system instruction
 * ({@link org.polyvisor.isa.arm64.exec.FastForm#endsBlock}; a conditional branch leaves the block only when taken),
 * within one page and at most {@code MAX_BLOCK} long. Each becomes a {@link org.polyvisor.isa.arm64.exec.FastOp}:
 * a {@link org.polyvisor.isa.arm64.exec.FastForm} (a common shape such as ADD immediate, CMP register, LDR W with a
 * register offset, LDR with post-index write-back, LDP/STP, CSEL, MADD, B.NE) with its operands worked out once, or
 * GENERIC for the {@link org.polyvisor.isa.arm64.exec.Executor} to run. The block is cached in the
 * {@link org.polyvisor.spi.exec.DecodedPages} slot of its first instruction; pages with slots never enter the TLB for
 * writes, so every store to them reaches {@link org.polyvisor.isa.arm64.exec.DataBus}, which drops exactly the
 * blocks that contain a byte written (they start at most {@code MAX_BLOCK - 1} slots before it).
 * <p>{@link org.polyvisor.isa.arm64.exec.BlockRunner} runs blocks in one loop (the PC is the block's start plus four
 * times the index, not counted per instruction), from block
 * to block (the next is found through the remembered page: one compare and one array load, written out in the runner),
 * with NZCV in a local int (written back to {@link org.polyvisor.isa.arm64.exec.Arm64State} before the executor runs
 * an instruction and when the runner stops, read again after), and with no call on the fast forms' path: a fast load
 * or store reads or writes the host page its own copy of the soft TLB's data entries gives
 * ({@link org.polyvisor.spi.exec.RunnerTlb}: read in place, refilled from the soft TLB, flushed with it and
 * emptied of writes when a page is first decoded), and anything else
 * (a TLB miss, MMIO, a fault, an SP alignment check, a GENERIC instruction) leaves the loop for the executor, which
 * runs that one instruction with the PC written back. Two pairs run as one dispatch (a CMP and its B.cond, two register
 * moves), the second op staying in the block for a budget that ends between them; a branch whose target is in its
 * own block ({@code FastOp.target}) goes on there without leaving the loop, so a loop body that is one block (the
 * heapsort's sift) costs no block lookup per iteration. Hence the invariants of the one-at-a-time interpreter hold:
 * <ul>
 *   <li>exact counts: {@link org.polyvisor.isa.arm64.exec.Arm64Vcpu#run} hands the runner the instructions left
 *       before the budget or the next interrupt poll, and the runner stops at exactly that many, even inside a block;
 *   <li>precise exceptions: an instruction that faults has changed nothing, and the instructions before it in its
 *       block have retired;
 *   <li>self-modifying code: a store that overwrites decoded code (such pages never enter the TLB for writes, so the
 *       store takes the executor's path) drops the blocks holding it and sets {@code DataBus.codeWritten}, and the
 *       runner leaves the block after it;
 *   <li>interrupts and translation changes: instructions that can unmask or raise an interrupt or change
 *       translation (MSR, SYS, ERET, exception entry...) end their block, and the runner does not go on to the next
 *       block when PSTATE or the GIC asked for a look ({@code Arm64State.recheckInterrupts}); a TLB flush also makes
 *       the fetch forget its remembered page.
 * </ul>
 * Nothing is allocated per instruction or per block executed; a block is allocated once, when decoded. The runner is
 * one large method, and C2 stops inlining into it once it is big enough, which then leaves calls (and spills of every
 * local) on the fast path, and whether a call at a given site is inlined depends on the profile C2 saw there (a
 * site it thought cold stays a call, "low call site frequency"), which differs from one JVM to the next. Hence the
 * fast path makes no call at all: guest memory is read and written through {@code static final VarHandle}s (a
 * {@code MemorySegment.get(layout, offset)} first calls the layout's {@code varHandleInternal()}, and where that
 * stayed a call every access went through a method-handle call), NZCV is computed inline and branch-free, every
 * load runs one straight path whatever its size and addressing mode, and the TLB is read in place. Check with
 * {@code -XX:+PrintInlining} (under {@code BlockRunner::run}, only {@code generic} and {@code RunnerTlb::refill} may
 * be calls; no {@code varHandleInternal} or {@code linkToStatic}) after adding forms.
 *
 * <h2>Translating tier</h2>
 * Each {@link org.polyvisor.isa.arm64.exec.DecodedBlock} counts the runner's entries; past a threshold (32 by
 * default) the block is translated to a JVM class ({@link org.polyvisor.isa.arm64.exec.jit}), linked to the decoded
 * block, and from then on the runner calls the translation instead of interpreting the block, whenever the budget
 * left covers the whole block. The translation returns the index to go on with (the block's end, or an instruction
 * it did not run, which the runner then runs exactly as above), so the invariants above hold unchanged: exact counts
 * (a loop inside the block goes round again only while the budget covers a pass), precise exceptions, self-modifying
 * code (translated stores use the same TLB copy, which never holds code pages for writing; the decoded block and its
 * link go when the page is written), and interrupts (a loop in a translation stops when an interrupt asked for a
 * look). {@code -Dpolyvisor.arm64.jit=off} leaves the interpreter alone; the tests run the block-runner, MMU and SMP
 * suites a second time with every block translated, and compare translated runs at every budget with single steps.
 */
package org.polyvisor.isa.arm64.exec;
