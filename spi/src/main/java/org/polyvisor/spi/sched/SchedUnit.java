package org.polyvisor.spi.sched;

/** What a scheduler sees of one vCPU: who it belongs to and whether it can run. The kernel implements it. */
public interface SchedUnit {
    int domainId();

    int vcpuId();

    /** Runnable now: not blocked, not paused, not shut down. */
    boolean runnable();

    /** The domain's weight (Xen credit: 1..65535, default 256). */
    default int weight() { return 256; }

    /** The domain's cap in percent of one pCPU; 0 means none (Xen credit's cap). */
    default int cap() { return 0; }

    /** Hard affinity: whether this vCPU may run on {@code pcpu} (xl vcpu-pin). */
    default boolean canRunOn(int pcpu) { return true; }
}
