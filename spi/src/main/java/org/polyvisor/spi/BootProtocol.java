package org.polyvisor.spi;

/** Puts a freshly created vCPU into the first state its guest expects (PV entry, or the platform's reset state). */
@FunctionalInterface
public interface BootProtocol {
    void boot(Vcpu vcpu, BootInfo info);

    /**
     * The bytes the domain builder leaves between a PV kernel (with these Xen notes) and its start_info for the P2M
     * list the boot lays out there: Xen's builder allocates the phys2mach segment of {@code nrPages} entries after
     * the kernel and before start_info (xc_dom_build_image: alloc_p2m_list, then alloc_magic_pages). A multiple of
     * the page size; 0 (the default) for a boot that lays out no P2M list.
     */
    default long p2mBytes(XenElfNotes notes, long nrPages) { return 0; }
}
