/** Long-mode trap decisions: SYSCALL from the PV kernel is Xen's x86_64 hypercall. */
package org.polyvisor.isa.x86_64.trap;
