/**
 * Itanium architectural state: registers (with r16-r31 banks, control registers), predicates, the register stack
 * and its engine (frames, rotation, backing store), and the data-memory port instructions use.
 */
package org.polyvisor.isa.ia64.cpu;
