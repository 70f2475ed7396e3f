package org.polyvisor.kernel.sched;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.polyvisor.spi.sched.SchedUnit;
import org.polyvisor.spi.sched.Scheduler;

/**
 * Xen's credit scheduler (credit1), in the hypervisor's virtual time (instructions, 1 ns each):
 * <ul>
 * <li>Every accounting period (10 ms per pCPU) the pCPUs' time is shared out as credit among the domains that
 *     are active, in proportion to their weights, and split evenly over each domain's active vCPUs. A cap
 *     limits a domain's share to that percentage of one pCPU.</li>
 * <li>Running costs credit. A vCPU with credit is UNDER, one without is OVER; a woken vCPU is BOOSTed for one
 *     slice. A pCPU runs BOOST before UNDER before OVER, round robin within each, so spare time is still used
 *     (work-conserving) except by capped domains out of credit, which are parked until the next period.</li>
 * <li>One run queue serves every pCPU, so a pCPU never idles while another has work (stealing is built in);
 *     hard affinity ({@link SchedUnit#canRunOn}) is honoured at pick time.</li>
 * </ul>
 */
public final class CreditScheduler implements Scheduler {
    /** Xen's defaults: a 30 ms timeslice, credit accounted every 10 ms. */
    public static final long TIMESLICE = 30_000_000L, ACCOUNT_PERIOD = 10_000_000L;
    /** Credit never piles up beyond one timeslice either way, as in Xen, so a sleeper cannot hoard. */
    private static final long CREDIT_BOUND = TIMESLICE;

    enum Priority { BOOST, UNDER, OVER }

    private static final class Entry {
        final SchedUnit unit;
        long credit;
        Priority priority = Priority.UNDER;
        boolean running;
        boolean parked;
        long pickedAt;

        Entry(SchedUnit unit) { this.unit = unit; }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<SchedUnit, Entry> byUnit = new IdentityHashMap<>();
    private int pcpus = 1;
    private int next;
    private long sinceAccounting;
    /** Instructions per wall-clock nanosecond lately, to turn idle pCPU time into virtual time. */
    private double rate = 0.05;
    private long idleSince;

    @Override public String name() { return "credit"; }

    @Override public synchronized void start(int pcpus) { this.pcpus = Math.max(1, pcpus); }

    @Override
    public synchronized void add(SchedUnit unit) {
        Entry e = new Entry(unit);
        entries.add(e);
        byUnit.put(unit, e);
    }

    @Override
    public synchronized void remove(SchedUnit unit) {
        Entry e = byUnit.remove(unit);
        if (e != null) entries.remove(e);
    }

    @Override
    public synchronized SchedUnit pick(int pcpu) {
        int n = entries.size();
        for (Priority p : Priority.values()) {
            for (int i = 0; i < n; i++) {
                int idx = (next + i) % n;
                Entry e = entries.get(idx);
                if (e.priority != p || e.running || e.parked || !e.unit.canRunOn(pcpu) || !e.unit.runnable()) continue;
                e.running = true;
                e.pickedAt = System.nanoTime();
                next = (idx + 1) % n;
                idleSince = 0;
                return e.unit;
            }
        }
        idle();
        return null;
    }

    /**
     * Nothing to run: if that is because capped domains are parked, idle pCPU time counts as virtual time at
     * the recent instruction rate, so that the next period comes and a lone capped domain still gets only its cap.
     */
    private void idle() {
        boolean parked = false;
        for (Entry e : entries) parked |= e.parked && e.unit.runnable();
        if (!parked) {
            idleSince = 0;
            return;
        }
        long now = System.nanoTime();
        if (idleSince != 0) sinceAccounting += (long) ((now - idleSince) * rate);
        idleSince = now;
        if (sinceAccounting >= ACCOUNT_PERIOD * pcpus) account();
    }

    @Override
    public synchronized void release(SchedUnit unit, int pcpu, long instructions) {
        Entry e = byUnit.get(unit);
        if (e == null) return;
        e.running = false;
        long wall = System.nanoTime() - e.pickedAt;
        if (wall > 0 && instructions > 0) rate = 0.9 * rate + 0.1 * ((double) instructions / wall);
        e.credit = Math.max(-CREDIT_BOUND, e.credit - instructions);
        e.priority = e.credit > 0 ? Priority.UNDER : Priority.OVER;
        // A capped vCPU in debt waits for the accounting that pays it off: that is what holds the cap.
        if (e.unit.cap() > 0 && e.credit < 0) e.parked = true;
        sinceAccounting += instructions;
        if (sinceAccounting >= ACCOUNT_PERIOD * pcpus) account();
    }

    @Override
    public synchronized void wake(SchedUnit unit) {
        Entry e = byUnit.get(unit);
        if (e != null && e.priority == Priority.UNDER) e.priority = Priority.BOOST;
    }

    /** A capped vCPU runs at most its allowance for one period at a time, so that parking can hold the cap. */
    @Override
    public long timeslice(SchedUnit unit) {
        return unit.cap() > 0 ? Math.max(1, Math.min(TIMESLICE, capOf(unit))) : TIMESLICE;
    }

    /** A cap as instructions per accounting period. */
    private static long capOf(SchedUnit u) { return ACCOUNT_PERIOD * u.cap() / 100; }

    /** Shares out the periods that passed among the active domains by weight, then re-prioritises. */
    private void account() {
        long periods = sinceAccounting / (ACCOUNT_PERIOD * pcpus);
        sinceAccounting -= periods * ACCOUNT_PERIOD * pcpus;
        Map<Integer, List<Entry>> active = new HashMap<>();
        Map<Integer, Integer> weights = new HashMap<>();
        long totalWeight = 0;
        for (Entry e : entries) {
            if (!e.unit.runnable() && !e.running) continue;
            if (active.computeIfAbsent(e.unit.domainId(), d -> new ArrayList<>()).size() == 0) {
                weights.put(e.unit.domainId(), e.unit.weight());
                totalWeight += e.unit.weight();
            }
            active.get(e.unit.domainId()).add(e);
        }
        long pool = periods * ACCOUNT_PERIOD * pcpus;
        for (var d : active.entrySet()) {
            List<Entry> vcpus = d.getValue();
            long share = totalWeight == 0 ? 0 : pool * weights.get(d.getKey()) / totalWeight;
            int cap = vcpus.get(0).unit.cap();
            if (cap > 0) share = Math.min(share, periods * ACCOUNT_PERIOD * cap / 100);
            long each = share / vcpus.size();
            for (Entry e : vcpus) e.credit = Math.min(CREDIT_BOUND, e.credit + each);
        }
        for (Entry e : entries) {
            if (e.credit >= 0 || e.unit.cap() == 0) e.parked = false;
            if (e.priority != Priority.BOOST) e.priority = e.credit > 0 ? Priority.UNDER : Priority.OVER;
        }
    }

    /** Credit of a unit, for tests and {@code sched-credit}. */
    public synchronized long credit(SchedUnit unit) {
        Entry e = byUnit.get(unit);
        return e == null ? 0 : e.credit;
    }
}
