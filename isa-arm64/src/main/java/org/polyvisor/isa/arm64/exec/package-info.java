/**
 * The AArch64 vCPU: architectural state (PSTATE, banked SP_EL0/SP_EL1, the EL1 system registers), the
 * fetch-decode-execute loop with its per-page decoded-instruction cache and soft TLB, interrupt polling, and the
 * instruction handlers grouped as the Arm ARM groups encodings (data processing, loads and stores, exclusives and
 * LSE atomics, branches, system registers and SYS operations), plus the generic timer.
 */
package org.polyvisor.isa.arm64.exec;
