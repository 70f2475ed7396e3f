/** The x86 CPU state, lazy flags, loads/stores through the soft TLB, the interpreter and the vCPU built on them. */
package org.polyvisor.isa.x86.exec;
