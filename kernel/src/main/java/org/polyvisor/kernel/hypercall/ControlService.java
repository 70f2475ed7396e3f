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

    /** XEN_DOMCTL_createdomain: a guest cannot build a domain this way (see the implementation). */
    long createDomain(int caller);

    /** XEN_DOMCTL_max_mem: the domain's memory ceiling in KiB. */
    long maxMem(int caller, long domid, long maxKiB);

    /** XEN_DOMCTL_max_vcpus: the vCPUs the domain may use (at most those it was built with). */
    long maxVcpus(int caller, long domid, long max);

    /**
     * XEN_DOMCTL_get/setvcpuaffinity, hard affinity: sets it when {@code hard} is not null (read from the guest only
     * once the policy allows); the effective hard affinity (pCPUs of this host) goes into {@code out[0]}.
     */
    long vcpuAffinity(int caller, long domid, long vcpu, java.util.function.Supplier<java.util.BitSet> hard, java.util.BitSet[] out);

    /** XEN_DOMCTL_getvcpucontext: the vCPU's registers, in its ISA's register-set order, into {@code out[0]}. */
    long vcpuContext(int caller, long domid, long vcpu, java.nio.ByteOrder order, byte[][] out);

    /** XEN_SYSCTL_getdomaininfolist: domains from id {@code first} on, at most {@code max}, into {@code out}. */
    long domainInfoList(int caller, long first, long max, java.util.List<DomainInfoOut> out);

    /** XEN_SYSCTL_readconsole: the hypervisor's console ring (see HypervisorLog.readRing) into {@code out[0]}. */
    long readConsole(int caller, boolean clear, boolean incremental, int index, int max,
                     org.polyvisor.kernel.console.HypervisorLog.RingRead[] out);

    /** pCPUs of this host (the width of affinity bitmaps). */
    int pcpus();
}
