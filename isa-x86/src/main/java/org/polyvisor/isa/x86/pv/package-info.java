/**
 * The x86 paravirtual guest ABI that lives in the vCPU: the hypercalls that act on a vCPU's own state, dispatched by
 * {@link org.polyvisor.isa.x86.pv.PvHypercalls} (the SPI's {@code Vcpu.archHypercall}) to one class per family: the
 * trap table and its bounce frames ({@code TrapTable}), direct paging on the domain's page types ({@code PvMmu},
 * {@link org.polyvisor.isa.x86.pv.PageTypes}), descriptor tables ({@code PvDescriptors}), CPU-state calls
 * ({@code PvCpuOps}) and the event, failsafe, syscall and NMI callbacks ({@link org.polyvisor.isa.x86.pv.PvCallbacks});
 * the bounce frame that delivers an event upcall; and Xen's {@code struct vcpu_guest_context} for x86_32 and x86_64
 * (VCPUOP_initialise, DOMCTL_getvcpucontext). For a kernel that carries Xen's notes, Xen's ring model
 * ({@link org.polyvisor.isa.x86.pv.GuestModes}): the kernel at ring 3 (x86_64) or 1 (x86), Xen's bounce frames
 * ({@code XenBounce}), privileged-instruction emulation ({@code PrivilegedOps}), CPUID faulting ({@code PvCpuidView})
 * and the builder's bootstrap page tables ({@code BootstrapPageTables}).
 */
package org.polyvisor.isa.x86.pv;
