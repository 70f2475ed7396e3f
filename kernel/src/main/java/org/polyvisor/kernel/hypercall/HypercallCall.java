package org.polyvisor.kernel.hypercall;

import org.polyvisor.kernel.console.ConsoleInputRing;
import java.nio.ByteOrder;
import org.polyvisor.kernel.event.EventHub;
import org.polyvisor.kernel.grant.GrantHub;

/**
 * One hypercall as the guest made it: what it asked for, and the services of the hypervisor it may use.
 * Arguments are already cut to the guest's word size.
 */
public interface HypercallCall {
    long op();

    long arg(int index);

    /** Domain id of the caller. */
    int domainId();

    boolean privileged();

    /** The guest's word size, 32 or 64: structure layouts follow it. */
    int wordBits();

    ByteOrder byteOrder();

    /** Guest memory as the caller sees it through its MMU. */
    GuestPointers memory();

    /** The caller's console output (Xen's console_io write). */
    void consoleWrite(byte[] bytes);

    /**
     * The hypervisor console's input (Xen's serial_rx ring), which only the privileged domain reads
     * (CONSOLEIO_read); null for any other caller.
     */
    ConsoleInputRing consoleInput();

    /** The calling vCPU gives up the rest of its timeslice. */
    void yieldVcpu();

    /** The caller's domain's vCPUs, for vcpu_op. */
    VcpuOp.Vcpus vcpus();

    /** The calling vCPU's id in its domain. */
    int vcpuId();

    /** The privileged operations, checked against the policy for this caller. */
    ControlService control();

    /** The hypervisor's grant tables. */
    GrantHub grants();

    /** The hypervisor's event channels. */
    EventHub events();

    /**
     * SCHEDOP_block: enables event delivery for the calling vCPU and sleeps until an event is deliverable to it
     * (at once if one is already), as Xen's do_block does.
     */
    void blockVcpu();

    /**
     * SCHEDOP_poll: sleeps until one of these ports of the caller is pending (at once if one is already), or until
     * virtual time {@code deadline} (-1: no timeout).
     */
    void pollVcpu(int[] ports, long deadline);

    /** The calling vCPU's virtual time in ns: Xen's system time as this guest sees it. */
    long now();

    /** set_timer_op: the vCPU's one-shot timer at virtual time {@code deadline} (-1 cancels); VIRQ_TIMER when due. */
    void setTimer(long deadline);

    /** SCHEDOP_watchdog for the caller's domain, in its virtual time: a timer id, 0, or a negative Xen errno. */
    long watchdog(long id, long timeoutSeconds);

    /** The caller's domain shuts down for this Xen reason code. */
    void shutdownDomain(int reason);

    /** Whether a domain with this id exists. */
    boolean domainExists(int domid);

    /** The parameters of HVM domain {@code domid}, or null when it is not an HVM domain (or does not exist). */
    HvmParams hvmParams(int domid);

    /**
     * The calling vCPU's own answer for a hypercall number the kernel has no handler for (Vcpu.archHypercall), or
     * Vcpu.NOT_ARCH.
     */
    long archHypercall(long op, long[] args);

    /** A once-per-domain note in the hypervisor's log. */
    void logOnce(String key, String message);

    /** The same caller making another hypercall (a multicall entry): same vCPU, services and memory. */
    HypercallCall subCall(long op, long[] args);

    /**
     * Whether the calling vCPU must leave the hypervisor now (Xen's hypercall_preempt_check after an entry): it blocked
     * or polls, asked to yield, or its domain is no longer running (paused, shut down).
     */
    default boolean preempted() { return false; }

    /**
     * Xen's hypercall_create_continuation: this hypercall is not finished; {@code op} with {@code args} runs in its
     * place before the vCPU's next instruction (once it is runnable again), and that call's result is the guest's.
     * The result of the current call is then not written.
     */
    default void continueWith(long op, long[] args) { }
}
