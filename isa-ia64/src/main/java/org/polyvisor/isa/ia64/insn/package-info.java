/** Decoded instruction slots: one class per instruction format family, holding its fields, semantics and objdump text. */
package org.polyvisor.isa.ia64.insn;
