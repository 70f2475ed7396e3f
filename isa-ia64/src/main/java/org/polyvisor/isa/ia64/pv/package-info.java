/**
 * The ia64 PV guest ABI structures the kernel exchanges with the guest: {@link org.polyvisor.isa.ia64.pv.Ia64GuestContext},
 * Polyvisor's {@code struct vcpu_guest_context} for ia64 (VCPUOP_initialise, XEN_DOMCTL_getvcpucontext).
 */
package org.polyvisor.isa.ia64.pv;
