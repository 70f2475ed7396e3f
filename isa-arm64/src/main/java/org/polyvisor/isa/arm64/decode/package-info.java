/**
 * The A64 decoder: a table of mask/match patterns named after the Arm ARM, split by op0 at start-up, producing
 * {@link org.polyvisor.isa.arm64.decode.Insn} objects with their fields extracted and their dispatch class
 * ({@link org.polyvisor.isa.arm64.decode.ExecClass}) computed. The general-register rows are in
 * {@link org.polyvisor.isa.arm64.decode.A64Patterns}, the SIMD&amp;FP rows in {@code SimdPatterns}. Shared by the
 * interpreter and the disassembler.
 */
package org.polyvisor.isa.arm64.decode;
