/**
 * The x86 CPU state, lazy flags, loads/stores through the soft TLB, the interpreter and the vCPU built on them.
 * Hot path: the vCPU serves instructions from the current code page's decoded slots while that page's translation
 * stands ({@code Bus.epoch}), and {@code FastPath} runs straight-line stretches of common 32/64-bit instructions
 * (classified once per decoded instruction) without the interpreter's operand-kind switches; everything else,
 * and every fault, goes through {@code Interpreter}. Floating point: {@code X87Instructions} (the D8-DF escapes),
 * {@code SseInstructions} (SSE/SSE2, MXCSR, FXSAVE/FXRSTOR through {@code FxImage}), on the arithmetic of the
 * {@code fpu} package;
 * the system side: segment and system-register loads ({@code Segments}, {@code SystemInstructions}), fast system
 * calls and MSRs ({@code SystemCalls}), IDT delivery and IRET ({@code ExceptionEntry}, with the real-mode IVT),
 * decimal adjust ({@code Bcd}), the multi-slot stack instructions PUSHA/POPA/ENTER ({@code StackFrames}).
 * Modes: {@code CpuState.updateMode} derives real / protected (16- or 32-bit CS) /
 * compatibility / 64-bit mode from CR0.PE, EFER.LMA and CS; the vCPU re-decodes after a switch.
 * "Installed" exception table: the IDT (IVT in real mode) once IDTR.limit != 0. The reset state has the IVT
 * installed (base 0, limit 0x3FF), a PV vCPU starts with none (limit 0) and gets Fault exits until LIDT.
 */
package org.polyvisor.isa.x86.exec;
