/**
 * The x86 CPU state, lazy flags, loads/stores through the soft TLB, the interpreter and the vCPU built on them;
 * the system side: segment and system-register loads ({@code Segments}, {@code SystemInstructions}), fast system
 * calls and MSRs ({@code SystemCalls}), IDT delivery and IRET ({@code ExceptionEntry}), decimal adjust ({@code Bcd}).
 */
package org.polyvisor.isa.x86.exec;
