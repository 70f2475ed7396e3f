/**
 * The PowerPC interpreter: architectural state ({@link org.polyvisor.isa.ppc.exec.PpcCpu}), the vCPU and its run
 * loop ({@link org.polyvisor.isa.ppc.exec.PpcVcpu}: synchronous exceptions raised by the units, asynchronous ones
 * polled while MSR[EE] = 1), the data bus over the software TLB, the time base and decrementer
 * ({@link org.polyvisor.isa.ppc.exec.TimeBase}), the SPR map of the modelled 7400 ({@link org.polyvisor.isa.ppc.exec.Sprs}),
 * and one execution unit per instruction group: fixed point, rotate, load/store, branch, condition register, system,
 * the floating-point unit ({@link org.polyvisor.isa.ppc.exec.FloatingPointUnit}: loads/stores, arithmetic rounded in
 * the FPSCR's mode by {@link org.polyvisor.isa.ppc.exec.FpRounder}, the FPSCR and its exceptions; MSR[FP] = 0 raises
 * FP unavailable, 0x800) and the 7400's AltiVec unit ({@link org.polyvisor.isa.ppc.exec.VectorUnit}; MSR[VEC] = 0
 * raises vector unavailable, 0xF20).
 */
package org.polyvisor.isa.ppc.exec;
