/**
 * The x86 CPU state, lazy flags, loads/stores through the soft TLB, the interpreter and the vCPU built on them.
 * Hot path: the vCPU serves instructions from the current code page's decoded slots while that page's translation
 * stands ({@code Bus.epoch}). Common 32/64-bit instructions (classified once per decoded instruction,
 * {@code FastPath.classify}) are gathered into {@code Block}s: straight-line runs up to and including a control
 * transfer, kept in the decoded slot of their first instruction (so whatever drops decoded code drops them: a store
 * clears the slots up to {@code Block.MAX_BYTES - 1} bytes before it, a mode switch or restore clears them all).
 * A block holds its instructions prepared as {@code Uop}s: the handler, the registers, and the memory operand's
 * address arithmetic packed (no tests on the operand form); a CMP, SUB or TEST and the Jcc that ends the block
 * are one {@code Uop}, whose condition is a truth table over how the operands compare (TEST: its result with 0).
 * {@code FastPath.run} executes blocks one after another while they stay on the page, counting instructions
 * exactly against the budget (a fused pair splits when one instruction is left), stopping after a store into code
 * ({@code Bus.codeWrites}) so that self-modifying code sees its new bytes, and after one instruction in an STI /
 * MOV SS shadow with an interrupt pending; it stores the instruction pointer only when it stops. A fault leaves the
 * state at the faulting instruction with the ones before it retired. Everything else, and every fault, goes
 * through {@code Interpreter}. Floating point: {@code X87Instructions} (the D8-DF escapes),
 * {@code SseInstructions} (SSE/SSE2, MXCSR, FXSAVE/FXRSTOR through {@code FxImage}), on the arithmetic of the
 * {@code fpu} package;
 * the system side: segment and system-register loads ({@code Segments}, {@code SystemInstructions}), fast system
 * calls and MSRs ({@code SystemCalls}), IDT delivery and IRET ({@code ExceptionEntry}, with the real-mode IVT and
 * the virtual-8086 frames), far JMP/CALL/RET ({@code FarTransfers}) and call gates ({@code CallGates}), the I/O
 * permission check ({@code PortPermission}),
 * decimal adjust ({@code Bcd}), the multi-slot stack instructions PUSHA/POPA/ENTER ({@code StackFrames}), SHLD/SHRD
 * results and flags ({@code DoubleShifts}). {@code Cpuid} is the CPU model: what it advertises is what runs.
 * Modes: {@code CpuState.updateMode} derives real / protected (16- or 32-bit CS) / virtual-8086 /
 * compatibility / 64-bit mode from CR0.PE, EFER.LMA, EFLAGS.VM and CS; the vCPU re-decodes after a switch.
 * Alignment checks (#AC): while CR0.AM, EFLAGS.AC and CPL 3 hold ({@code Bus.syncAlignmentCheck}, after every
 * interpreted instruction and exception delivery) no data translation enters the TLB, so every access, the block
 * runner's too, reaches {@code Bus}'s slow path, which checks it; with either bit clear nothing changes.
 * "Installed" exception table: the IDT (IVT in real mode) once IDTR.limit != 0. The reset state has the IVT
 * installed (base 0, limit 0x3FF), a PV vCPU starts with none (limit 0) and gets Fault exits until LIDT.
 */
package org.polyvisor.isa.x86.exec;
