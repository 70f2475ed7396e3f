/**
 * The AArch64 vCPU: architectural state, the fetch-decode-execute loop with its per-page decoded-instruction cache
 * and soft TLB, and the instruction handlers grouped as the Arm ARM groups encodings (data processing, loads and
 * stores, branches).
 */
package org.polyvisor.isa.arm64.exec;
