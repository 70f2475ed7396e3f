/** Xen on ARM's paravirtual structures for arm64 guests: {@code struct vcpu_guest_context} ({@link org.polyvisor.isa.arm64.pv.ArmGuestContext}). */
package org.polyvisor.isa.arm64.pv;
