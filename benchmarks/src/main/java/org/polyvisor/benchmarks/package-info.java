/** JMH benchmarks of the guest-visible hot paths: fetch, decode, execute and memory access per ISA. */
package org.polyvisor.benchmarks;
