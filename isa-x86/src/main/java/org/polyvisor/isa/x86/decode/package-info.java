/**
 * x86 decoding: byte-indexed opcode maps (one-byte and 0F, with the SSE/SSE2 and MMX cells selected by their
 * mandatory prefix in {@link org.polyvisor.isa.x86.decode.SseMaps}; the 0F 38 cells of MOVBE and CRC32 in
 * {@link org.polyvisor.isa.x86.decode.OpcodeMaps#threeByte38}; the x87 escapes D8-DF decode their ModRM and leave
 * the operation to the executor), prefixes, REX, ModRM/SIB, into {@link org.polyvisor.isa.x86.decode.Insn}. A few
 * operations are decoded only so that their length and operands are known (the disassembler names them) and the
 * executor answers them with #UD, as a CPU without the feature does: RTM, XSAVE, UD0/UD1, WBNOINVD,
 * RSM, GETSEC ({@link org.polyvisor.isa.x86.decode.Op} says which).
 */
package org.polyvisor.isa.x86.decode;
