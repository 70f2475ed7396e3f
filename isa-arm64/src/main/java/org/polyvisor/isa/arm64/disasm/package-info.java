/** A64 disassembly in GNU objdump's syntax, byte for byte, from the shared decode table. */
package org.polyvisor.isa.arm64.disasm;
