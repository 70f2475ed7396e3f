/**
 * The x86 trap model: architectural vectors and their classes ({@link org.polyvisor.isa.x86.trap.Vectors}), the
 * descriptor and gate layouts ({@link org.polyvisor.isa.x86.trap.Descriptor}), and the policy of
 * {@link org.polyvisor.isa.x86.trap.TrapModel}: which instructions are hypercalls, and what an exception becomes
 * before the guest installed an IDT (a Fault exit). Delivery through the IDT is in the exec package.
 */
package org.polyvisor.isa.x86.trap;
