package org.polyvisor.spi.sched;

import java.util.ServiceLoader;

/**
 * Picks which vCPU a pCPU runs next. Called from several pCPU threads at once: implementations are
 * thread-safe. A unit is handed to at most one pCPU at a time (between {@link #pick} and {@link #release}).
 * Found by {@link ServiceLoader}: a new instance per hypervisor, started once with {@link #start}.
 * Time is the hypervisor's virtual time: instructions retired, one per nanosecond at a nominal 1 GHz.
 */
public interface Scheduler {

    /** Stable id, as {@code xl}'s {@code sched=} names schedulers ("rr", "credit"). */
    String name();

    /** Called once before any other method, with the number of pCPUs. */
    default void start(int pcpus) { }

    void add(SchedUnit unit);

    void remove(SchedUnit unit);

    /** The next runnable unit for {@code pcpu}, or null when there is none; the caller then waits to be woken. */
    SchedUnit pick(int pcpu);

    /** {@code pcpu} is done with {@code unit} for now, having run {@code instructions} of it. */
    void release(SchedUnit unit, int pcpu, long instructions);

    /** {@code unit} has become runnable after blocking (an event, an unpause): boost it, as Xen credit does. */
    default void wake(SchedUnit unit) { }

    /** Instructions a unit may run before the pCPU comes back to the scheduler. */
    long timeslice(SchedUnit unit);
}
