package org.polyvisor.spi.platform;

import java.util.function.Consumer;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.Vcpu;

/**
 * What the kernel lends an HVM board: the domain's memory, vCPUs and console, and the power and CPU-start
 * controls that PSCI, a power-off register or an INIT/SIPI need. Thread-safe; callable from any vCPU's thread.
 */
public interface PlatformHost {
    GuestMemory memory();

    long ramBase();

    long ramBytes();

    /** The domain's id (Xen's domid), for what a board reports of it (x86's Xen HVM CPUID leaf); -1 when unknown. */
    default int domainId() { return -1; }

    /** The domain's vCPU count (xl.cfg {@code vcpus}). */
    int vcpuCount();

    /** vCPU {@code id}, to raise interrupts on; {@link Vcpu#raiseInterrupt} is the one call made from other threads. */
    Vcpu vcpu(int id);

    /** Wakes vCPU {@code id} if it is halted, after an interrupt was raised for it. */
    void kick(int id);

    /**
     * Brings vCPU {@code id} online (PSCI CPU_ON, an INIT-SIPI): {@code init} sets its entry state, then it is
     * scheduled. Returns false when the vCPU does not exist or is already online.
     */
    boolean startVcpu(int id, Consumer<Vcpu> init);

    /** Takes the calling vCPU offline (PSCI CPU_OFF); it stops at its next exit. */
    void stopVcpu(int id);

    /** Whether vCPU {@code id} is online (PSCI AFFINITY_INFO). */
    boolean vcpuOnline(int id);

    /** Bytes the guest wrote to its console UART. */
    void consoleOutput(byte[] bytes);

    /** The board asked to power off, reset or the like. */
    void shutdown(ShutdownReason reason);

    /** A test device's verdict ({@code isa-debug-exit}, a test finisher): the domain powers off and reports {@code code}. */
    void exit(int code);

    /** The domain's virtual time in nanoseconds. */
    long virtualNanos();

    /** An xl.cfg value for this domain (e.g. {@code gic_version}), or null when the config does not set it. */
    String option(String key);

    /** A message in the hypervisor log, once per key for this domain (an unimplemented register, say). */
    void logOnce(String key, String message);
}
