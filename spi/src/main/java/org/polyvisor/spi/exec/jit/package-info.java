/**
 * The ISA-neutral half of a translating tier: guest code blocks that run often are translated by the ISA into JVM
 * classes (hidden classes, {@link org.polyvisor.spi.exec.jit.HiddenClassDefiner}), which the JVM's own JIT then
 * compiles. Translations are keyed by the content of the guest code ({@link org.polyvisor.spi.exec.jit.CodeKey}) and
 * held in one bounded cache shared by every vCPU of every domain ({@link org.polyvisor.spi.exec.jit.TranslationCache}):
 * a domain booted from the same kernel reuses classes the JVM has already compiled. A translation is never stale,
 * because its key is its content; a domain's link from its decoded code to a translation is dropped with the decoded
 * page when the guest writes it (the ISA's existing invalidation). {@link org.polyvisor.spi.exec.jit.BlockMethodEmitter}
 * is the shape of a translated class and its two methods (labels per instruction, the bounded variant's budget
 * checks, the exits), and {@link org.polyvisor.spi.exec.jit.RunnerTlbCode} the page lookup of a translated guest
 * access, so an ISA's translator writes only its prologue, instructions, address computations and exits.
 */
package org.polyvisor.spi.exec.jit;
