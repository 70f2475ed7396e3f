/**
 * The 32-bit PowerPC backend: its {@link org.polyvisor.isa.ppc.PpcIsaProvider} service, register numbering and
 * boot protocol. Decoding, execution, address translation, traps and disassembly live in the sub-packages.
 */
package org.polyvisor.isa.ppc;
