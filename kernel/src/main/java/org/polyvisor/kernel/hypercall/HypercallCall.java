package org.polyvisor.kernel.hypercall;

/**
 * One hypercall as the guest made it: what it asked for, and the services of the hypervisor it may use.
 * Arguments are already cut to the guest's word size.
 */
public interface HypercallCall {
    long op();

    long arg(int index);

    /** Domain id of the caller. */
    int domainId();

    boolean privileged();

    /** Guest memory as the caller sees it through its MMU. */
    GuestPointers memory();

    /** The caller's console output (Xen's console_io write). */
    void consoleWrite(byte[] bytes);

    /** The calling vCPU gives up the rest of its timeslice. */
    void yieldVcpu();

    /** The calling vCPU sleeps until an event is pending for it. */
    void blockVcpu();

    /** The caller's domain shuts down for this Xen reason code. */
    void shutdownDomain(int reason);

    /** A once-per-domain note in the hypervisor's log. */
    void logOnce(String key, String message);
}
