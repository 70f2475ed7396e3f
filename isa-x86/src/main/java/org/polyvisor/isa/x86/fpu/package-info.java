/**
 * Floating point of the x87 FPU and of SSE/SSE2, free of interpreter state: {@link org.polyvisor.isa.x86.fpu.Float80}
 * is exact 80-bit extended-precision arithmetic in software (every result is the correctly rounded one under the
 * control word's rounding and precision control, as the hardware gives it), {@link org.polyvisor.isa.x86.fpu.X87}
 * the register stack with its status, control and tag words, and {@link org.polyvisor.isa.x86.fpu.SseMath} the
 * scalar IEEE single/double operations with MXCSR rounding, flags, DAZ/FTZ and the x86 NaN rules.
 */
package org.polyvisor.isa.x86.fpu;
