/**
 * JMH benchmarks of the guest-visible hot paths per ISA: {@link org.polyvisor.benchmarks.WorkloadMipsBenchmark}
 * (a compiled sort/search/CRC workload with the MMU on, the figure benchmarks/README.md reports) and
 * {@link org.polyvisor.benchmarks.GuestMipsBenchmark} (the hello image's checksum loop, MMU off).
 */
package org.polyvisor.benchmarks;
