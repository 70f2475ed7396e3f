/** Long-mode decoding: the x86 decoder and maps with the 64-bit cells patched (REX, MOVSXD, SYSCALL). */
package org.polyvisor.isa.x86_64.decode;
