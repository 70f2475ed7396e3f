/**
 * The ppc translating tier: a decoded block that runs often is compiled to a hidden JVM class
 * ({@link org.polyvisor.isa.ppc.exec.jit.BlockTranslator}) doing what the block runner does for its fast forms, with
 * the GPRs it names in JVM locals (written through to the register file), guest memory read and written in place
 * through the runner's TLB copy, and a loop back into the block kept in the method while the budget allows. Anything
 * else (an instruction for its unit, a TLB miss, an access crossing its page) returns to the runner at that
 * instruction, not run. Translations are shared by content through spi.exec.jit's cache ({@link
 * org.polyvisor.isa.ppc.exec.jit.PpcJit}); {@code -Dpolyvisor.ppc.jit=off} leaves the interpreter alone.
 */
package org.polyvisor.isa.ppc.exec.jit;
