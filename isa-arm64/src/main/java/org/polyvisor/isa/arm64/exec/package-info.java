/**
 * The AArch64 vCPU: architectural state (PSTATE, banked SP_EL0/SP_EL1, the EL1 system registers), the
 * fetch-decode-execute loop with its per-page decoded-instruction cache and soft TLB, interrupt polling, and the
 * instruction handlers grouped as the Arm ARM groups encodings (data processing, loads and stores, exclusives and
 * LSE atomics, branches, system registers and SYS operations), plus the generic timer. The SIMD&amp;FP unit is
 * {@link org.polyvisor.isa.arm64.exec.FloatingPoint} (scalar FP), {@link org.polyvisor.isa.arm64.exec.AdvancedSimd}
 * (vector integer) and {@link org.polyvisor.isa.arm64.exec.SoftFloat} (IEEE arithmetic with FPCR's modes and FPSR's
 * flags as the Arm ARM's pseudocode defines them), behind CPACR_EL1.FPEN.
 */
package org.polyvisor.isa.arm64.exec;
