/**
 * Decoding of 32-bit PowerPC instructions: the encoding table ({@link org.polyvisor.isa.ppc.decode.PpcPatterns}),
 * the lookup structure built from it at start-up ({@link org.polyvisor.isa.ppc.decode.DecodeTable}) and the decoded
 * instruction objects ({@link org.polyvisor.isa.ppc.decode.Insn}) that the interpreter caches and the disassembler
 * prints. Nothing here executes anything.
 */
package org.polyvisor.isa.ppc.decode;
