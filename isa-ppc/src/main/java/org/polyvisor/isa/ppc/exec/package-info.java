/**
 * The PowerPC interpreter: architectural state ({@link org.polyvisor.isa.ppc.exec.PpcCpu}), the vCPU and its run
 * loop ({@link org.polyvisor.isa.ppc.exec.PpcVcpu}: synchronous exceptions raised by the units, asynchronous ones
 * polled while MSR[EE] = 1), the data bus over the software TLB, the time base and decrementer
 * ({@link org.polyvisor.isa.ppc.exec.TimeBase}), the SPR map of the modelled 750 ({@link org.polyvisor.isa.ppc.exec.Sprs}),
 * and one execution unit per instruction group (fixed point, rotate, load/store, branch, condition register, system,
 * and the first part of the floating-point unit: FP loads/stores, sign moves, compares, mffs/mtfsf, {@link
 * org.polyvisor.isa.ppc.exec.Fpscr}; with MSR[FP] = 0 every FP instruction raises FP unavailable, 0x800).
 */
package org.polyvisor.isa.ppc.exec;
