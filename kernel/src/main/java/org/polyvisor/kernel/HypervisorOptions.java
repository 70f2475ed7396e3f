package org.polyvisor.kernel;

import org.polyvisor.spi.sched.Scheduler;

/**
 * How to boot the hypervisor.
 *
 * @param pcpus          host threads that act as physical CPUs (default: the host's cores)
 * @param hostMemoryMiB  machine memory that domains may be given, backed only when touched
 * @param dom0MemoryMiB  dom0's memory
 * @param scheduler      the {@link Scheduler} service by name ("credit", "rr")
 */
public record HypervisorOptions(int pcpus, long hostMemoryMiB, long dom0MemoryMiB, String scheduler) {
    public static final String DEFAULT_SCHEDULER = "credit";

    public HypervisorOptions {
        if (pcpus < 1 || pcpus > 256) throw new IllegalArgumentException("pcpus must be 1 to 256, was " + pcpus);
        if (hostMemoryMiB < 1) throw new IllegalArgumentException("host memory must be at least 1 MiB");
        if (dom0MemoryMiB < 1 || dom0MemoryMiB > hostMemoryMiB)
            throw new IllegalArgumentException("dom0 memory must be 1 MiB to the host's " + hostMemoryMiB + " MiB");
        if (scheduler == null || scheduler.isBlank()) scheduler = DEFAULT_SCHEDULER;
    }

    public HypervisorOptions(int pcpus, long hostMemoryMiB, long dom0MemoryMiB) {
        this(pcpus, hostMemoryMiB, dom0MemoryMiB, DEFAULT_SCHEDULER);
    }

    public static HypervisorOptions defaults() {
        return new HypervisorOptions(Runtime.getRuntime().availableProcessors(), 4096, 16);
    }

    public HypervisorOptions withPcpus(int n) { return new HypervisorOptions(n, hostMemoryMiB, dom0MemoryMiB, scheduler); }

    public HypervisorOptions withHostMemoryMiB(long m) { return new HypervisorOptions(pcpus, m, dom0MemoryMiB, scheduler); }

    public HypervisorOptions withScheduler(String s) { return new HypervisorOptions(pcpus, hostMemoryMiB, dom0MemoryMiB, s); }
}
