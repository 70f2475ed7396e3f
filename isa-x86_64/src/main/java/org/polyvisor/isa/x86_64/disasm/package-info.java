/** x86_64 disassembly: the x86 AT&T printer fed by the long-mode decoder. */
package org.polyvisor.isa.x86_64.disasm;
