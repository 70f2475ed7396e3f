/**
 * The x86 CPU state, lazy flags, loads/stores through the soft TLB, the interpreter and the vCPU built on them;
 * the system side: segment and system-register loads ({@code Segments}, {@code SystemInstructions}), fast system
 * calls and MSRs ({@code SystemCalls}), IDT delivery and IRET ({@code ExceptionEntry}, with the real-mode IVT),
 * decimal adjust ({@code Bcd}). Modes: {@code CpuState.updateMode} derives real / protected (16- or 32-bit CS) /
 * compatibility / 64-bit mode from CR0.PE, EFER.LMA and CS; the vCPU re-decodes after a switch.
 * "Installed" exception table: the IDT (IVT in real mode) once IDTR.limit != 0. The reset state has the IVT
 * installed (base 0, limit 0x3FF), a PV vCPU starts with none (limit 0) and gets Fault exits until LIDT.
 */
package org.polyvisor.isa.x86.exec;
