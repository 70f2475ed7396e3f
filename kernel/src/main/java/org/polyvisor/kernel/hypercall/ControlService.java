package org.polyvisor.kernel.hypercall;

import java.nio.ByteOrder;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.polyvisor.kernel.console.HypervisorLog;

/**
 * What the domctl and sysctl hypercalls ask of the control plane, for a calling domain. Every method returns 0
 * or a negative Xen errno (-EPERM when the policy refuses, -ESRCH for no such domain).
 */
public interface ControlService {
    /** XEN_DOMCTL_getdomaininfo's answer. */
    record DomainInfoOut(int domain, long flags, long totPages, long maxPages, long sharedInfoFrame, long cpuTimeNs,
                         int onlineVcpus, int maxVcpuId, long ssidref, byte[] handle) { }

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

    /**
     * XEN_DOMCTL_createdomain's {@code struct xen_domctl_createdomain}, as read (see Domctl), with the requested domid
     * (0 or a reserved id: the next free one). {@code elfMachine}/{@code elfClass} name the new domain's ISA (Polyvisor's
     * extension); -1 when the caller did not name one (the caller's own ISA).
     */
    record CreateDomainIn(long ssidref, byte[] handle, int requestedDomid, long flags, long iommuOpts, long maxVcpus, long maxEvtchnPort, int maxGrantFrames,
                          int maxMaptrackFrames, long grantOpts, long vmtraceSize, long cpupoolId, int elfMachine, int elfClass) { }

    /** XEN_DOMCTL_createdomain: an empty paused domain; returns its domid, or -errno. */
    long createDomain(int caller, CreateDomainIn in);

    /**
     * XEN_DOMCTL_setvcpucontext: {@code read} gives the ISA's vcpu_guest_context of the length asked for (read from the
     * caller only once the policy allows), or is null for a null handle (Xen's vcpu_reset).
     */
    long setVcpuContext(int caller, long domid, long vcpu, IntFunction<byte[]> read);

    /** XEN_DOMCTL_max_mem: the domain's memory ceiling in KiB. */
    long maxMem(int caller, long domid, long maxKiB);

    /** XEN_DOMCTL_max_vcpus: the vCPUs the domain may use (at most those it was built with). */
    long maxVcpus(int caller, long domid, long max);

    /**
     * XEN_DOMCTL_get/setvcpuaffinity, hard affinity: sets it when {@code hard} is not null (read from the guest only
     * once the policy allows); the effective hard affinity (pCPUs of this host) goes into {@code out[0]}.
     */
    long vcpuAffinity(int caller, long domid, long vcpu, Supplier<BitSet> hard, BitSet[] out);

    /**
     * XEN_DOMCTL_getvcpucontext: the vCPU's state (its ISA's vcpu_guest_context) into {@code out[0]}. A vCPU other than
     * the caller's own ({@code callerVcpu} of domain {@code caller}) is paused while it is read, as Xen's vcpu_pause.
     */
    long vcpuContext(int caller, int callerVcpu, long domid, long vcpu, ByteOrder order, byte[][] out);

    /** XEN_SYSCTL_getdomaininfolist: domains from id {@code first} on, at most {@code max}, into {@code out}. */
    long domainInfoList(int caller, long first, long max, List<DomainInfoOut> out);

    /** XEN_SYSCTL_readconsole: the hypervisor's console ring (see HypervisorLog.readRing) into {@code out[0]}. */
    long readConsole(int caller, boolean clear, boolean incremental, int index, int max,
                     HypervisorLog.RingRead[] out);

    /** pCPUs of this host (the width of affinity bitmaps). */
    int pcpus();
}
