/**
 * The x86 paravirtual guest ABI that lives in the vCPU: the event, failsafe, syscall and NMI callbacks a PV kernel
 * registers (callback_op, set_callbacks), the bounce frame that delivers an event upcall to the event callback, and
 * Xen's {@code struct vcpu_guest_context} for x86_32 and x86_64 (VCPUOP_initialise, DOMCTL_getvcpucontext).
 */
package org.polyvisor.isa.x86.pv;
