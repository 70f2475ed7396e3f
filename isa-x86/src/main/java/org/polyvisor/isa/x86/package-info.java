/** The IA-32 backend: {@link org.polyvisor.isa.x86.X86IsaProvider}, its boot protocol; the x86_64 backend builds on it. */
package org.polyvisor.isa.x86;
