/**
 * The service-provider interface between the kernel and the ISA backends: {@link org.polyvisor.spi.IsaProvider}
 * (found by {@link java.util.ServiceLoader}), {@link org.polyvisor.spi.Vcpu} and its sealed
 * {@link org.polyvisor.spi.VcpuExit}, {@link org.polyvisor.spi.GuestMemory}, disassembly, boot (with an ISA's raw kernel
 * format, {@link org.polyvisor.spi.RawImage}) and hypercall ABI.
 * Depends on nothing but the JDK.
 */
package org.polyvisor.spi;
