/**
 * The exception model: entry to EL1 through VBAR_EL1's 16-entry table (ESR_EL1 with EC/IL/ISS, ELR_EL1,
 * SPSR_EL1, FAR_EL1), ERET, which exceptions go to the hypervisor (the Xen hypercall), and the "installed" policy
 * that lets a guest with no vectors crash with a clear fault instead.
 */
package org.polyvisor.isa.arm64.trap;
