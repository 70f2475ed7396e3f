package org.polyvisor.spi;

/** Puts a freshly created vCPU into the first state its guest expects (PV entry, or the platform's reset state). */
@FunctionalInterface
public interface BootProtocol {
    void boot(Vcpu vcpu, BootInfo info);
}
