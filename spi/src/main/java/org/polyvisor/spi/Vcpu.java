package org.polyvisor.spi;

import java.util.function.BooleanSupplier;

/**
 * One virtual CPU. Not thread-safe: the kernel runs a vCPU on one pCPU thread at a time.
 * Guest faults are values ({@link VcpuExit.Fault} or an architectural exception taken inside the guest),
 * never Java exceptions.
 */
public interface Vcpu {

    int id();

    /**
     * Executes guest instructions until something needs the hypervisor or {@code budget} instructions
     * have retired. After a {@link VcpuExit.Hypercall} the program counter is already past the
     * hypercall instruction; the kernel writes the result with {@link #setRegister}.
     */
    VcpuExit run(long budget);

    /** Instructions retired since creation (slots on ia64). */
    long retired();

    long pc();

    void setPc(long pc);

    /** Register by number in {@link IsaProvider#registers()}; values wider than 64 bits are not reachable here. */
    long register(int number);

    void setRegister(int number, long value);

    /**
     * Translates a guest-virtual address with the guest's current MMU state, as the guest would for a
     * data access. Returns the guest-physical address, or -1 when the guest could not access it
     * (hypercall pointers are checked with this, then against the domain's memory).
     */
    long translate(long virtualAddress, boolean write);

    /** Completes the read that the last {@link VcpuExit.Mmio} or {@link VcpuExit.PortIo} exit asked for. */
    default void completeRead(long value) { }

    /**
     * Raises an external interrupt line (vector on x86) for the guest; delivered when the guest allows it. Unlike
     * the rest of this interface, this and {@link #lowerInterrupt} may be called from any thread (a device on
     * another vCPU's thread): implementations publish the line safely.
     */
    default void raiseInterrupt(int line) { }

    /** Lowers a level-triggered line that {@link #raiseInterrupt} raised (an OpenPIC or GIC level source). */
    default void lowerInterrupt(int line) { }

    /**
     * Xen set this vCPU's {@code evtchn_upcall_pending} with upcalls unmasked: deliver the event upcall the way this
     * ISA's Xen ABI does (x86 PV: a bounce frame to the registered event callback; Xen on ARM: the event PPI; an
     * external-interrupt exception where the ISA has no callback) as soon as the guest can take it. Callable from
     * any thread. An ISA without an upcall path leaves this empty: its guests find events by blocking and polling.
     */
    default void raiseEventUpcall() { }

    /**
     * Xen's event upcall is a level, not an edge: it is pending exactly while this vCPU's {@code vcpu_info}
     * has {@code evtchn_upcall_pending} set and {@code evtchn_upcall_mask} clear. The kernel gives the vCPU that
     * level as {@code level} (once, before the vCPU runs with event channels; safe to call from the vCPU's thread; it
     * reads guest memory, so call it only when an upcall is about to be taken). An ISA that latches
     * {@link #raiseEventUpcall} asks it at the moment it would take the upcall and drops the latch when the level is
     * low (the guest cleared upcall_pending, or masked upcalls, since the raise), so no stale upcall is delivered.
     * The default ignores it (ISAs whose upcall path is Xen's callback check the level themselves).
     */
    default void setEventUpcallLevel(BooleanSupplier level) { }

    /**
     * This vCPU's {@code vcpu_info} moved to guest-physical {@code address} (VCPUOP_register_vcpu_info, after the
     * kernel copied it there): an ISA that reads or writes the upcall mask and pending bits itself (x86 PV's bounce
     * frames and iret) follows it from now on. The default ignores it. Called from the registering vCPU's thread.
     */
    default void vcpuInfoMoved(long address) { }

    /**
     * When the vCPU halted ({@link VcpuExit.Halt}) with a timer of its own armed (a generic timer, decrementer,
     * local APIC or ar.itc match), the {@link VirtualClock} time at which it fires; -1 when none is armed. The kernel
     * wakes a halted vCPU then, as the hardware would.
     */
    default long wakeDeadline() { return -1; }

    /**
     * Whether something is pending that ends a halt (an interrupt the ISA's WFI/HLT/wait wakes for). Called from
     * the kernel after it put a halted vCPU to sleep, closing the race with an interrupt raised meanwhile; must be
     * safe to call from another thread.
     */
    default boolean hasWakeEvent() { return false; }

    /** {@link #archHypercall}'s answer for a hypercall number this ISA does not implement itself. */
    long NOT_ARCH = Long.MIN_VALUE;

    /**
     * A hypercall that acts on this vCPU's architectural state rather than on the hypervisor's (Xen's arch_do_*:
     * x86 PV set_trap_table, mmu_update, mmuext_op, update_va_mapping, set_gdt, stack_switch, iret...). The kernel
     * asks here for every hypercall number it has no handler of its own for, directly or inside a multicall.
     * {@code args} are cut to the guest's word size; pointers among them are guest-virtual, read through this vCPU's
     * MMU and checked like any guest pointer. Returns the result for the guest (negative Xen errno on failure), or
     * {@link #NOT_ARCH} when the ISA has no such hypercall (the kernel then answers -ENOSYS).
     */
    default long archHypercall(long op, long[] args) { return NOT_ARCH; }

    /** A complete snapshot of the architectural state, for save/restore and migration. */
    VcpuState save();

    void restore(VcpuState state);
}
