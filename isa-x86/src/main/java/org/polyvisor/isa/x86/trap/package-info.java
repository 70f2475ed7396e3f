/** The x86 trap model: which exceptions, software interrupts and hypercall instructions become which exits. */
package org.polyvisor.isa.x86.trap;
