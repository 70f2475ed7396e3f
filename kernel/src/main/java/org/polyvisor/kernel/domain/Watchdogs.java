package org.polyvisor.kernel.domain;

/**
 * A domain's SCHEDOP_watchdog timers, as Xen's domain_watchdog: {@link #NR_TIMERS} of them, deadlines in the
 * domain's virtual time (ns). When one comes due the domain shuts down with SHUTDOWN_watchdog and its
 * {@code on_watchdog} action follows.
 */
public final class Watchdogs {
    /** Xen's NR_DOMAIN_WATCHDOG_TIMERS. */
    public static final int NR_TIMERS = 2;
    private static final long NS_PER_SECOND = 1_000_000_000L;
    private static final int ENOSPC = 28, EINVAL = 22;

    private final boolean[] inUse = new boolean[NR_TIMERS];
    private final long[] deadline = new long[NR_TIMERS];

    /**
     * SCHEDOP_watchdog: id 0 arms a free timer {@code timeoutSeconds} from {@code now} and returns its id (1 or 2),
     * or -ENOSPC when both are in use; another id re-arms that timer (timeout &gt; 0) or frees it (timeout 0),
     * returning 0, or -EINVAL when no such timer is in use.
     */
    public synchronized long op(long id, long timeoutSeconds, long now) {
        long due = now + timeoutSeconds * NS_PER_SECOND;
        if (id == 0) {
            for (int i = 0; i < NR_TIMERS; i++) {
                if (inUse[i]) continue;
                inUse[i] = true;
                deadline[i] = due;
                return i + 1;
            }
            return -ENOSPC;
        }
        int i = (int) (id - 1);
        if (id < 1 || id > NR_TIMERS || !inUse[i]) return -EINVAL;
        if (timeoutSeconds == 0) {
            inUse[i] = false;
            deadline[i] = -1;
        } else deadline[i] = due;
        return 0;
    }

    /** Whether a timer in use is due at {@code now}; it fires once (it stays in use, disarmed, as Xen's timer). */
    public synchronized boolean fire(long now) {
        boolean fired = false;
        for (int i = 0; i < NR_TIMERS; i++) {
            if (inUse[i] && deadline[i] >= 0 && now >= deadline[i]) {
                deadline[i] = -1;
                fired = true;
            }
        }
        return fired;
    }

    /** Whether any timer is armed (so the timer tick looks at this domain). */
    public synchronized boolean armed() {
        for (int i = 0; i < NR_TIMERS; i++) if (inUse[i] && deadline[i] >= 0) return true;
        return false;
    }
}
