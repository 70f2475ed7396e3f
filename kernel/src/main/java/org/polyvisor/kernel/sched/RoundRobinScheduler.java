package org.polyvisor.kernel.sched;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.polyvisor.spi.sched.SchedUnit;
import org.polyvisor.spi.sched.Scheduler;

/** Every runnable vCPU in turn, a fixed instruction budget each. The credit scheduler replaces it later. */
public final class RoundRobinScheduler implements Scheduler {
    /** Instructions per timeslice: a few milliseconds of guest time at interpreter speed. */
    public static final long TIMESLICE = 200_000;

    private final List<SchedUnit> units = new ArrayList<>();
    private final Set<SchedUnit> running = Collections.newSetFromMap(new IdentityHashMap<>());
    private int next;

    @Override public String name() { return "rr"; }

    @Override public synchronized void add(SchedUnit unit) { units.add(unit); }

    @Override public synchronized void remove(SchedUnit unit) { units.remove(unit); }

    @Override
    public synchronized SchedUnit pick(int pcpu) {
        int n = units.size();
        for (int i = 0; i < n; i++) {
            int idx = (next + i) % n;
            SchedUnit u = units.get(idx);
            if (!running.contains(u) && u.runnable()) {
                running.add(u);
                next = (idx + 1) % n;
                return u;
            }
        }
        return null;
    }

    @Override public synchronized void release(SchedUnit unit, int pcpu, long instructions) { running.remove(unit); }

    /** True while some pCPU has the unit. */
    public synchronized boolean isRunning(SchedUnit unit) { return running.contains(unit); }

    @Override public long timeslice(SchedUnit unit) { return TIMESLICE; }
}
