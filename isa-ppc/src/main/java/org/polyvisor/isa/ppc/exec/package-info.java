/**
 * The PowerPC interpreter: architectural state ({@link org.polyvisor.isa.ppc.exec.PpcCpu}), the vCPU and its run
 * loop ({@link org.polyvisor.isa.ppc.exec.PpcVcpu}), the data bus over the software TLB, and one execution unit per
 * instruction group (fixed point, rotate, load/store, branch, condition register, system).
 */
package org.polyvisor.isa.ppc.exec;
