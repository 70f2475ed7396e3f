package org.polyvisor.kernel.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.polyvisor.spi.sched.SchedUnit;
import org.polyvisor.spi.sched.Scheduler;

/**
 * The host's "physical" CPUs: platform threads that each ask the scheduler for a unit, run it for a timeslice
 * and hand it back. An idle pCPU sleeps until {@link #wake()}.
 */
public final class PcpuPool implements AutoCloseable {
    /** Runs one timeslice of a unit and handles why it stopped; returns the instructions it ran; must not throw. */
    @FunctionalInterface
    public interface SliceRunner {
        long runSlice(SchedUnit unit, long budget, int pcpu);
    }

    private final Scheduler scheduler;
    private final SliceRunner runner;
    private final List<Thread> threads = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private long generation;
    private volatile boolean stopped;

    public PcpuPool(int count, Scheduler scheduler, SliceRunner runner) {
        if (count < 1) throw new IllegalArgumentException("at least one pCPU");
        this.scheduler = scheduler;
        this.runner = runner;
        for (int i = 0; i < count; i++) {
            int id = i;
            Thread t = Thread.ofPlatform().name("pcpu-" + i).daemon().unstarted(() -> loop(id));
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    public int count() { return threads.size(); }

    /** Something became runnable: idle pCPUs look again. */
    public void wake() {
        lock.lock();
        try {
            generation++;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop(int pcpu) {
        while (!stopped) {
            long seen;
            lock.lock();
            try { seen = generation; } finally { lock.unlock(); }
            SchedUnit unit = scheduler.pick(pcpu);
            if (unit == null) {
                lock.lock();
                try {
                    // Sleep only if nothing changed since we looked; the timeout also lets a scheduler count idle time.
                    if (generation == seen && !stopped) work.await(10, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                } finally {
                    lock.unlock();
                }
                continue;
            }
            long ran = 0;
            try {
                ran = runner.runSlice(unit, scheduler.timeslice(unit), pcpu);
            } finally {
                scheduler.release(unit, pcpu, ran);
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        wake();
        for (Thread t : threads) {
            try { t.join(5000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }
    }
}
