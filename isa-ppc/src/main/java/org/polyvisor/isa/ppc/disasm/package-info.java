/** PowerPC disassembly in GNU objdump's syntax, driven by the same decode table as the interpreter. */
package org.polyvisor.isa.ppc.disasm;
