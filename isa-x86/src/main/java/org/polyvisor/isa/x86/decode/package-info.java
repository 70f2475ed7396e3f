/** x86 decoding: byte-indexed opcode maps (one-byte and 0F), prefixes, REX, ModRM/SIB, into {@link org.polyvisor.isa.x86.decode.Insn}. */
package org.polyvisor.isa.x86.decode;
