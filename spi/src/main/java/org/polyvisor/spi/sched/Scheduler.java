package org.polyvisor.spi.sched;

/**
 * Picks which vCPU a pCPU runs next. Called from several pCPU threads at once: implementations are
 * thread-safe. A unit is handed to at most one pCPU at a time (between {@link #pick} and {@link #release}).
 */
public interface Scheduler {

    /** Stable id, as {@code xl}'s {@code sched=} names schedulers ("rr", "credit"). */
    String name();

    void add(SchedUnit unit);

    void remove(SchedUnit unit);

    /** The next runnable unit for {@code pcpu}, or null when there is none; the caller then waits to be woken. */
    SchedUnit pick(int pcpu);

    /** {@code pcpu} is done with {@code unit} for now, having run {@code instructions} of it. */
    void release(SchedUnit unit, int pcpu, long instructions);

    /** Instructions a unit may run before the pCPU comes back to the scheduler. */
    long timeslice(SchedUnit unit);
}
