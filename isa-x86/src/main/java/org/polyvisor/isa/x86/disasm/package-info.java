/** x86 disassembly in GNU objdump's AT&T syntax and layout, from the same decoder the interpreter uses. */
package org.polyvisor.isa.x86.disasm;
