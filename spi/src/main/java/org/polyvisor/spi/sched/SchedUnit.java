package org.polyvisor.spi.sched;

/** What a scheduler sees of one vCPU: who it belongs to and whether it can run. The kernel implements it. */
public interface SchedUnit {
    int domainId();

    int vcpuId();

    /** Runnable now: not blocked, not paused, not shut down. */
    boolean runnable();

    /** The domain's weight (Xen credit: 1..65535, default 256). */
    default int weight() { return 256; }
}
