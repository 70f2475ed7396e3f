/**
 * x86 decoding: byte-indexed opcode maps (one-byte and 0F, with the SSE/SSE2 and MMX cells selected by their
 * mandatory prefix in {@link org.polyvisor.isa.x86.decode.SseMaps}; the x87 escapes D8-DF decode their ModRM and leave
 * the operation to the executor), prefixes, REX, ModRM/SIB, into {@link org.polyvisor.isa.x86.decode.Insn}. Some
 * operations are decoded so that their length and operands are known (the disassembler names them) but are not
 * executed yet: the {@link org.polyvisor.isa.x86.decode.Op} values from ARPL on, which the executor answers with #UD.
 */
package org.polyvisor.isa.x86.decode;
