package org.polyvisor.kernel.domain;

import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.IsaProvider;

/**
 * The privileged operations {@link DomainBuilder} builds a domain with, in libxl's order. The toolstack's
 * implementation (ControlPlane) checks each against the policy as its caller and runs the same code the guests'
 * domctls run; the hypervisor's own (for dom0, which Xen builds itself) skips the check. Each step throws
 * {@link DomainOpException} with a message saying why it failed.
 */
public interface BuildSteps {
    /** XEN_DOMCTL_createdomain (CDF_hvm for HVM): an empty, paused domain of {@code isa}. */
    Domain createDomain(GuestType type, IsaProvider isa, int vcpus);

    /**
     * The toolstack's record of the domain's config (libxl keeps it; here the domain carries it): its name,
     * lifecycle actions, scheduling parameters, vCPU affinity and board options.
     */
    void configure(Domain d, DomainConfig config);

    /** XEN_DOMCTL_max_mem: the domain's first one gives it its RAM range of {@code pages} frames. */
    void maxMem(Domain d, long pages);

    /** XENMEM_populate_physmap of frames {@code first} to {@code first + count - 1} for the domain. */
    void populate(Domain d, long first, long count);

    /**
     * The domain's memory as the toolstack reaches it: its populated frames through foreign mappings
     * (XENMAPSPACE_gmfn_foreign), unmapped again once written. A write to a frame that is not populated RAM faults.
     */
    GuestMemory map(Domain d);

    /** Where start_info goes; shared_info and the XenStore and console rings are the three frames after it. */
    void placeSpecialPages(Domain d, long startInfo);

    /** vCPU 0's first context (XEN_DOMCTL_setvcpucontext of what the boot protocol or the board sets up). */
    void bootVcpu(Domain d, BootInfo info);

    /** XEN_DOMCTL_destroydomain of a domain whose build failed. */
    void destroy(Domain d);
}
