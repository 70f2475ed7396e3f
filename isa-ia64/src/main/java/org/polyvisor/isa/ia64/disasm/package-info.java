/** Disassembly in GNU objdump's ia64 syntax, bundle by bundle. */
package org.polyvisor.isa.ia64.disasm;
