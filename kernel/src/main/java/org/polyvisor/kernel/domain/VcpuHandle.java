package org.polyvisor.kernel.domain;

import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.sched.SchedUnit;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;

/** The kernel's side of one vCPU: what the scheduler sees and the per-vCPU flags hypercalls set. */
public final class VcpuHandle implements SchedUnit {
    private final Domain domain;
    private final Vcpu vcpu;
    private volatile boolean up;
    private volatile boolean blocked;
    private volatile boolean onCpu;
    private boolean yieldRequested;
    /** Hard affinity; null means every pCPU. */
    private volatile BitSet affinity;

    VcpuHandle(Domain domain, Vcpu vcpu, boolean up, BitSet affinity) {
        this.domain = domain;
        this.vcpu = vcpu;
        this.up = up;
        this.initialised = up;
        this.affinity = affinity;
    }

    @Override public int weight() { return domain.weight(); }

    @Override public int cap() { return domain.cap(); }

    @Override
    public boolean canRunOn(int pcpu) {
        BitSet a = affinity;
        return a == null || a.get(pcpu);
    }

    /** xl vcpu-pin: null for every pCPU. */
    public void pin(BitSet pcpus) { affinity = pcpus == null ? null : (BitSet) pcpus.clone(); }

    public BitSet affinity() { return affinity == null ? null : (BitSet) affinity.clone(); }

    public Domain domain() { return domain; }

    public Vcpu vcpu() { return vcpu; }

    @Override public int domainId() { return domain.id(); }

    @Override public int vcpuId() { return vcpu.id(); }

    @Override public boolean runnable() { return up && !blocked && pauses.get() == 0 && domain.state() == DomainState.ACTIVE; }

    /** Xen's vcpu_pause count: a vCPU paused by the hypervisor (to read or set its context) does not run. */
    private final AtomicInteger pauses = new AtomicInteger();

    void pause() { pauses.incrementAndGet(); }

    /** Returns whether the vCPU is no longer paused by anyone. */
    boolean unpause() { return pauses.decrementAndGet() == 0; }

    /**
     * A hypercall continuation (Xen's hypercall_create_continuation): the op and arguments to run again before the
     * guest's next instruction, whose result then goes to the guest; null when none is pending.
     */
    private volatile long[] continuation;

    void setContinuation(long[] opAndArgs) { continuation = opAndArgs; }

    /** Reads and clears the pending continuation. */
    long[] takeContinuation() {
        long[] c = continuation;
        continuation = null;
        return c;
    }

    boolean hasContinuation() { return continuation != null; }

    public boolean up() { return up; }

    /** Whether the vCPU ever had a context to run (vCPU 0 from the domain builder; others after VCPUOP_initialise). */
    private volatile boolean initialised;

    /** Whether the vCPU has a context to run (XEN_DOMCTL_getvcpucontext answers -ENODATA before). */
    public boolean initialised() { return initialised; }

    /** VCPUOP_initialise gave the vCPU a context: VCPUOP_up may now start it. */
    void markInitialised() { initialised = true; }

    void setUp(boolean u) {
        if (u) initialised = true;
        up = u;
    }

    /** XEN_DOMCTL_setvcpucontext with a null context (vcpu_reset): no context, offline. */
    void reset() {
        up = false;
        initialised = false;
    }

    /** Wall time spent blocked so far, in ns (runstate "blocked"). */
    synchronized long blockedTotal() {
        long since = blockedSince;
        return blockedNanos + (blocked && since >= 0 ? System.nanoTime() - since : 0);
    }

    public boolean blocked() { return blocked; }

    public boolean onCpu() { return onCpu; }

    void setOnCpu(boolean on) { onCpu = on; }

    private volatile int lastPcpu = -1;

    void setLastPcpu(int p) { lastPcpu = p; }

    /** The pCPU this vCPU ran on last, or -1 if it never ran. */
    public int lastPcpu() { return lastPcpu; }

    /** Wall time spent blocked, which counts as virtual time (a sleeping guest's clock still moves). */
    private long blockedNanos;
    private volatile long blockedSince = -1;
    /** The Xen timer (set_timer_op, SCHEDOP_poll timeout) in virtual ns, or -1 when none is set. */
    private volatile long timerDeadline = -1;

    synchronized void block() {
        if (!blocked) blockedSince = System.nanoTime();
        blocked = true;
    }

    /** This vCPU's virtual time: instructions it ran (1 ns each) plus the wall time it spent blocked. */
    public synchronized long virtualNanos() {
        long since = blockedSince;
        return vcpu.retired() + blockedNanos + (blocked && since >= 0 ? System.nanoTime() - since : 0);
    }

    /** The next of this vCPU's Xen timers (one-shot or periodic) in virtual ns, or -1 when none is set. */
    public long timerDeadline() {
        long t = timerDeadline, p = periodicNext;
        return t < 0 ? p : p < 0 ? t : Math.min(t, p);
    }

    /** The one-shot timer (set_timer_op, VCPUOP_set_singleshot_timer), or -1. */
    long singleshotDeadline() { return timerDeadline; }

    /** VCPUOP_set_periodic_timer: period in ns (0: none) and the next tick in virtual ns. */
    private volatile long periodicPeriod, periodicNext = -1;

    /** Starts (period &gt; 0) or stops (0) the periodic timer, its first tick a period from {@code now}. */
    void setPeriodic(long period, long now) {
        periodicPeriod = period;
        periodicNext = period > 0 ? now + period : -1;
    }

    public long periodicPeriod() { return periodicPeriod; }

    /** Whether the periodic timer is due at {@code now}; if so its next tick is set (ticks missed meanwhile are dropped). */
    boolean takePeriodic(long now) {
        long next = periodicNext, period = periodicPeriod;
        if (next < 0 || period <= 0 || now < next) return false;
        periodicNext = now + period - (now - next) % period;
        return true;
    }

    /** The SCHEDOP_poll timeout in virtual ns, or -1. */
    private volatile long pollDeadline = -1;

    long pollDeadline() { return pollDeadline; }

    void setPollDeadline(long d) { pollDeadline = d; }

    void setTimer(long deadline) { timerDeadline = deadline; }

    /** While halted: when the vCPU's own timer (generic timer, decrementer, local APIC) fires, in virtual ns; or -1. */
    private volatile long wakeDeadline = -1;

    long wakeDeadline() { return wakeDeadline; }

    void setWakeDeadline(long d) { wakeDeadline = d; }

    /** Blocked in SCHEDOP_poll on these ports; null when not polling. */
    private volatile int[] pollPorts;

    void poll(int[] ports) {
        pollPorts = ports;
        block();
    }

    int[] pollPorts() { return pollPorts; }

    /** Makes the vCPU runnable again; returns whether it was blocked. */
    synchronized boolean unblock() {
        boolean was = blocked;
        if (was && blockedSince >= 0) blockedNanos += System.nanoTime() - blockedSince;
        blockedSince = -1;
        pollPorts = null;
        pollDeadline = -1;
        wakeDeadline = -1;
        blocked = false;
        return was;
    }

    void requestYield() { yieldRequested = true; }

    /** Whether the running slice was asked to yield (not cleared). */
    boolean yieldPending() { return yieldRequested; }

    /** Reads and clears the yield request of the slice that is running. */
    boolean takeYield() {
        boolean y = yieldRequested;
        yieldRequested = false;
        return y;
    }
}
