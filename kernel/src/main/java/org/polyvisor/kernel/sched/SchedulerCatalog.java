package org.polyvisor.kernel.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.polyvisor.spi.sched.Scheduler;

/** The schedulers found by {@link ServiceLoader}; each hypervisor gets a fresh instance of the one it names. */
public final class SchedulerCatalog {
    private SchedulerCatalog() { }

    public static Scheduler create(String name) {
        List<String> names = new ArrayList<>();
        for (Scheduler s : ServiceLoader.load(Scheduler.class, SchedulerCatalog.class.getClassLoader())) {
            if (s.name().equals(name)) return s;
            names.add(s.name());
        }
        throw new IllegalArgumentException("no such scheduler: " + name + "; available: " + String.join(", ", names));
    }
}
