/**
 * Long-mode trap decisions: SYSCALL from the PV kernel is Xen's x86_64 hypercall; elsewhere it is the architectural
 * SYSCALL once the guest set EFER.SCE (else #UD, a Fault exit while no IDT is installed).
 */
package org.polyvisor.isa.x86_64.trap;
