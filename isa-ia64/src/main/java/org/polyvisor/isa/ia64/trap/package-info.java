/** Itanium interruption decisions: which break is a hypercall, and which faults end the domain while no IVT exists. */
package org.polyvisor.isa.ia64.trap;
