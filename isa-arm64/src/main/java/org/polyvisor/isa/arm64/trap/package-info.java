/** Trap decisions: which exceptions go to the hypervisor (hypercalls) and which end the guest with a fault. */
package org.polyvisor.isa.arm64.trap;
