/**
 * What a paravirtualised ppc domain sees of Xen beyond the hypercall instruction: the vCPU context of
 * VCPUOP_initialise and XEN_DOMCTL_getvcpucontext ({@link org.polyvisor.isa.ppc.pv.PpcGuestContext}) and the rules
 * that refuse a context no 32-bit PowerPC could run ({@link org.polyvisor.isa.ppc.pv.ContextRules}).
 */
package org.polyvisor.isa.ppc.pv;
