/**
 * The arm64 translating tier: a decoded block that the runner has entered often enough
 * ({@link org.polyvisor.isa.arm64.exec.jit.Arm64Jit}: a threshold, a switch, one shared cache) is compiled by
 * {@link org.polyvisor.isa.arm64.exec.jit.BlockTranslator} into a hidden class implementing
 * {@link org.polyvisor.isa.arm64.exec.jit.TranslatedBlock}, which the JVM's JIT then compiles like any Java method.
 * The generated code does what {@code BlockRunner} does for the same fast forms (it is the reference: the
 * differential tests run both), with the block's registers in JVM locals (every write also reaches the register
 * file), NZCV in a local, constants folded, guest memory read and written in place through the runner's TLB copy,
 * and a branch back into the block looping while the budget covers another pass. Everything it does not do (a TLB
 * miss, a page-crossing or SP-misaligned access, MMIO, a fault, a GENERIC instruction) returns to the runner with that
 * instruction not run and the state exactly as after the ones before it ({@link org.polyvisor.isa.arm64.exec.jit.JitFrame}
 * carries the index, the flags and the PC base back). Translations are keyed by the block's instruction words
 * ({@link org.polyvisor.spi.exec.jit.CodeKey}; nothing in the code depends on its address or on a mode), so every
 * vCPU of every domain running the same code shares one class; a decoded block's link to it is dropped with the block
 * when its page is written. Nothing is allocated per block executed.
 */
package org.polyvisor.isa.arm64.exec.jit;
