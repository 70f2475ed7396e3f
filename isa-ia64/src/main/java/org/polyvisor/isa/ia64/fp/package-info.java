/**
 * The floating-point unit's arithmetic (SDM rev 2.3 vol 1 chapter 5 "Floating-point Programming Model"): values
 * in the 82-bit register format (sign, 17-bit exponent biased by 0xFFFF, 64-bit significand with an explicit
 * integer bit) kept exactly, the computation models of ar.fpsr's status fields (precision control, exponent range,
 * rounding, flush-to-zero), IEEE flags and trap enables ({@link org.polyvisor.isa.ia64.fp.FpArith}), the
 * memory formats of ldf/stf/getf/setf ({@link org.polyvisor.isa.ia64.fp.FpFormats}) and the approximation tables
 * of frcpa / frsqrta ({@link org.polyvisor.isa.ia64.fp.ApproximationTables}). Pure computation: nothing here
 * knows the CPU state; the instructions in {@code insn} read and write the register file around it.
 */
package org.polyvisor.isa.ia64.fp;
