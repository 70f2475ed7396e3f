/** Itanium architectural state: registers, predicates, the register stack frame, and the data-memory port instructions use. */
package org.polyvisor.isa.ia64.cpu;
