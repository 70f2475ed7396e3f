/**
 * x86 decoding: byte-indexed opcode maps (one-byte and 0F, with the SSE/SSE2 cells selected by their mandatory
 * prefix in {@link org.polyvisor.isa.x86.decode.SseMaps}; the x87 escapes D8-DF decode their ModRM and leave the
 * operation to the executor), prefixes, REX, ModRM/SIB, into {@link org.polyvisor.isa.x86.decode.Insn}.
 */
package org.polyvisor.isa.x86.decode;
