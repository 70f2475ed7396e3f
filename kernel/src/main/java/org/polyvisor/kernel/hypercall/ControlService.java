package org.polyvisor.kernel.hypercall;

/**
 * What the domctl and sysctl hypercalls ask of the control plane, for a calling domain. Every method returns 0
 * or a negative Xen errno (-EPERM when the policy refuses, -ESRCH for no such domain).
 */
public interface ControlService {
    /** XEN_DOMCTL_getdomaininfo's answer. */
    record DomainInfoOut(int domain, long flags, long totPages, long maxPages, long sharedInfoFrame, long cpuTimeNs,
                         int onlineVcpus, int maxVcpuId) { }

    long pause(int caller, long domid);

    long unpause(int caller, long domid);

    long destroy(int caller, long domid);

    /** Fills {@code out[0]}; returns 0 or -errno. */
    long domainInfo(int caller, long domid, DomainInfoOut[] out);

    /** Credit weight and cap: read into {@code weightCap} (put = false) or set from it (put = true). */
    long schedCredit(int caller, long domid, boolean put, int[] weightCap);

    /** XEN_SCHEDULER_* id of the running scheduler into {@code out[0]}. */
    long schedId(int caller, long[] out);

    /** nr_cpus, total_pages, free_pages, cpu_khz into {@code out}. */
    long physinfo(int caller, long[] out);
}
