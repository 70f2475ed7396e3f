package org.polyvisor.spi;

/**
 * Xen's {@code struct vcpu_guest_context} for one ISA, in that ISA's word size and byte order: what
 * {@code VCPUOP_initialise} reads to give a secondary vCPU its first state (SMP PV guests), and what
 * {@code XEN_DOMCTL_getvcpucontext} writes. The kernel copies the bytes in and out through checked guest pointers;
 * the ISA only parses and fills them.
 */
public interface GuestContext {

    /** {@code sizeof(struct vcpu_guest_context)} in this ISA's ABI. */
    int size();

    /**
     * Gives {@code vcpu}, which is offline, the state described by {@code context} ({@link #size()} bytes). Returns
     * null, or why the context is refused (the kernel answers -EINVAL, as Xen does for a bad context).
     */
    String load(byte[] context, Vcpu vcpu);

    /** The vCPU's state as the structure ({@link #size()} bytes). */
    byte[] store(Vcpu vcpu);
}
