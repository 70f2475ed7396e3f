/**
 * The core kernel: the {@link org.polyvisor.kernel.Hypervisor} owns domains, machine memory, the pCPU threads
 * and the hypercall interface. It never names an ISA class: ISAs come from {@link java.util.ServiceLoader}
 * and are reached through {@code org.polyvisor.spi}.
 */
package org.polyvisor.kernel;
