/** The x86_64 backend: {@link org.polyvisor.isa.x86_64.X86_64IsaProvider}, built on the IA-32 backend's decoder and interpreter. */
package org.polyvisor.isa.x86_64;
