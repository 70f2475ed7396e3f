package org.polyvisor.kernel.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.config.LifecycleAction;
import org.polyvisor.kernel.console.ConsoleInputRing;
import org.polyvisor.kernel.console.HypervisorLog;
import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.sched.Scheduler;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.LockSupport;
import org.polyvisor.kernel.console.ConsoleRing;
import org.polyvisor.kernel.event.EventChannels;
import org.polyvisor.kernel.event.EventHub;
import org.polyvisor.kernel.grant.GrantHub;
import org.polyvisor.kernel.grant.GrantTable;
import org.polyvisor.kernel.hypercall.HvmParams;
import org.polyvisor.kernel.mem.DomainMemory;
import org.polyvisor.kernel.mem.ForeignMappings;
import org.polyvisor.kernel.xenstore.XenStore;
import org.polyvisor.kernel.xenstore.XenStoreDaemon;
import org.polyvisor.kernel.xenstore.XsError;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.GuestContext;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.IsaProvider;

/**
 * Every domain by id, and the lifecycle: create, pause, unpause, shutdown with Xen's reasons, crash, destroy, and
 * the config's action after a shutdown (run on a thread of its own, never on a pCPU, so a domain's own vCPU
 * can shut it down without waiting on itself).
 */
public final class DomainTable implements AutoCloseable {
    /** Domain ids of domUs run from 1 to DOMID_FIRST_RESERVED - 1, as in Xen. */
    private static final int DOMID_FIRST_RESERVED = 0x7FF0;

    private final DomainBuilder builder;
    private final Scheduler scheduler;
    private final HypervisorLog log;
    private final ConcurrentSkipListMap<Integer, Domain> domains = new ConcurrentSkipListMap<>();
    private final ExecutorService actions = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("domain-actions").daemon().unstarted(r));
    private Runnable wake = () -> { };
    private final EventHub events = new EventHub();
    private final GrantHub grants = new GrantHub();
    /** The hypervisor console's input (Xen's serial_rx ring), dom0's through CONSOLEIO_read. */
    private final ConsoleInputRing consoleInput = new ConsoleInputRing();

    /** The hypervisor console's input ring, which dom0 reads with CONSOLEIO_read. */
    ConsoleInputRing consoleInput() { return consoleInput; }

    /** Keystrokes for dom0 (`console 0`): into the ring, then VIRQ_CONSOLE, always, as Xen's serial_rx does. */
    private void hypervisorConsoleInput(byte[] bytes) {
        consoleInput.feed(bytes);
        events.raiseVirq(0, EventHub.VIRQ_CONSOLE, 0);
    }
    private final XenStoreDaemon xenstore = new XenStoreDaemon(events, new StoreAccess());

    /** What xenstored reaches: the domains' memory and the ports they offer dom0. */
    private final class StoreAccess implements XenStoreDaemon.Domains {
        @Override public GuestMemory memory(int domid) {
            Domain d = domains.get(domid);
            return d == null || d.state() == DomainState.DYING || d.state() == DomainState.DEAD ? null : d.memory();
        }
        @Override public long bind(int domid, long port, Runnable serve) { return events.bindDom0Service(domid, port, serve); }
        @Override public void unbind(int domid, int port) { events.unbindDom0Service(domid, port); }
        @Override public void notify(int domid, int port) { events.notify(domid, port); }
    }
    private int nextId = 1;

    public DomainTable(DomainBuilder builder, Scheduler scheduler, HypervisorLog log) {
        this.builder = builder;
        this.scheduler = scheduler;
        this.log = log;
        startTimerTick();
    }

    /** How to tell idle pCPUs that something became runnable. */
    public void onRunnable(Runnable wake) { this.wake = wake; }

    /**
     * Builds dom0 from kernel bytes, as Xen builds it itself: the same steps as any domain ({@link DomainBuilder#build})
     * through the hypervisor's own {@link #steps}; it is privileged and preserved on shutdown (dom0 cannot be destroyed).
     */
    public Domain createDom0(DomainConfig config, byte[] kernel) throws DomainCreateException {
        if (domains.containsKey(0)) throw new DomainCreateException("dom0 exists already");
        Domain d = builder.build(config, builder.parse(config, kernel), steps(0));
        unpause(d);
        return d;
    }

    /**
     * The one-step build (tests, and restarts when no toolstack is attached): the builder's steps without a policy
     * check, then the first unpause. The toolstack's create (ControlPlane.create) runs the same steps as its caller.
     */
    public Domain create(DomainConfig config) throws DomainCreateException {
        checkName(config);
        Domain d = builder.build(config, builder.read(config), steps(-1));
        unpause(d);
        return d;
    }

    /** Refuses a config whose name a domain has already (xl's check before it builds). */
    public void checkName(DomainConfig config) throws DomainCreateException {
        if (find(config.name()).isPresent())
            throw new DomainCreateException("cannot create domain '" + config.name() + "': a domain of that name exists (domain "
                    + find(config.name()).get().id() + ")");
    }

    public DomainBuilder builder() { return builder; }

    /** How a lifecycle restart creates the domain again: through the toolstack once one is attached. */
    private volatile CreateAgain createAgain = this::create;

    /** Creates a domain from its config (a restart). */
    public interface CreateAgain { Domain create(DomainConfig config) throws DomainCreateException; }

    public void onRestart(CreateAgain how) { createAgain = how; }

    /**
     * The hypervisor's own build steps, with no policy check: each is the code the domctls and memory_op run for a
     * guest toolstack. {@code id} is the domid to take (0 for dom0) or -1 for the next free one.
     */
    public BuildSteps steps(int id) {
        DomainTable t = this;
        return new BuildSteps() {
            @Override public Domain createDomain(GuestType type, IsaProvider isa, int vcpus) {
                Domain d = t.createEmpty(id < 0 ? 0 : id, id == 0, isa, type, vcpus, -1, 2, -1);
                if (d == null) throw new DomainOpException("domain id " + id + " is in use");
                return d;
            }
            @Override public void configure(Domain d, DomainConfig config) { t.configure(d, config); }
            @Override public void maxMem(Domain d, long pages) { t.size(d, pages); }
            @Override public void populate(Domain d, long first, long count) { DomainBuilder.populate(d, first, count); }
            @Override public GuestMemory map(Domain d) { return t.mapForeign(d); }
            @Override public void placeSpecialPages(Domain d, long startInfo) { DomainBuilder.placeSpecialPages(d, startInfo); }
            @Override public void bootVcpu(Domain d, BootInfo info) { t.bootVcpu(d, info); }
            @Override public void destroy(Domain d) { t.discard(d); }
        };
    }

    /**
     * XEN_DOMCTL_createdomain: an empty, paused domain of {@code isa} and {@code type} with {@code vcpus} vCPUs (see
     * {@link DomainBuilder#buildEmpty}), with id {@code requested} when that is a free domU id (or 0 when {@code dom0}),
     * otherwise the next free one; {@code maxGrantFrames} (-1: the default) and {@code maxGrantVersion} bound its grant
     * table, and {@code maxEvtchnPort} its event channels (past the hypervisor's own XenStore and console ports).
     * Returns the domain, or null when {@code requested} is taken (Xen's -EEXIST); throws {@link DomainOpException}
     * when the ISA cannot make the vCPUs.
     */
    public Domain createEmpty(int requested, boolean dom0, IsaProvider isa, GuestType type, int vcpus,
                              int maxGrantFrames, int maxGrantVersion, long maxEvtchnPort) {
        int id;
        synchronized (this) {
            if (dom0 || (requested > 0 && requested < DOMID_FIRST_RESERVED)) {
                if (domains.containsKey(requested)) return null;
                id = requested;
            } else id = allocateId();
            // Claimed at once, so that no other creation takes the id while the vCPUs are made.
            Domain d = builder.buildEmpty(id, isa, vcpus, type);
            d.setMaxGrantFrames(maxGrantFrames);
            d.setMaxGrantVersion(maxGrantVersion);
            d.setMaxEvtchnPort(maxEvtchnPort);
            d.setTable(this);
            domains.put(id, d);
            log.xen("created " + d.describe() + " through XEN_DOMCTL_createdomain: empty, paused, " + type.xlName() + ", "
                    + vcpus + " vCPU" + (vcpus == 1 ? "" : "s"));
            return d;
        }
    }

    /** The toolstack's config for a domain it builds (see Domain.adopt); only before the domain is introduced. */
    public synchronized void configure(Domain d, DomainConfig config) {
        if (d.introduced()) throw new DomainOpException(d.describe() + " is running already");
        d.adopt(config);
    }

    /**
     * XEN_DOMCTL_max_mem of a domain made by createdomain: its first one gives it its RAM range (see
     * {@link DomainBuilder#sizeEmpty}); later ones, and every one of a builder's domain, set the ceiling only.
     */
    public synchronized boolean maxMem(Domain d, long pages) {
        try {
            size(d, pages);
            return true;
        } catch (RuntimeException e) {        // refused, no host memory, or the board or vCPUs could not be made
            return false;
        }
    }

    /** {@link #maxMem}, saying why it failed. */
    synchronized void size(Domain d, long pages) {
        if (d.builtByDomctl() && !d.memory().sized()) {
            if (!builder.sizeEmpty(d, pages))
                throw new DomainOpException(d.describe() + " needs " + DomainBuilder.MIN_DOMCTL_PAGES + " to " + Integer.MAX_VALUE
                        + " frames of RAM, not " + pages);
            log.xen(d.describe() + " has " + pages + " frames of guest-physical RAM (max_mem)");
            return;
        }
        if (!d.memory().setMaxPages(pages)) throw new DomainOpException("max_mem of " + pages + " frames refused for " + d.describe());
    }

    /**
     * A toolstack's view of a domain it builds: its populated frames, as XENMAPSPACE_gmfn_foreign shows them (a frame
     * that is not populated RAM is -EINVAL there, a fault here); nothing stays mapped.
     */
    GuestMemory mapForeign(Domain d) {
        DomainMemory m = d.memory();
        return new GuestMemory() {
            @Override public ByteOrder byteOrder() { return m.byteOrder(); }
            @Override public MemorySegment page(long gfn) { return m.isMmio(gfn << 12) ? null : m.page(gfn); }
        };
    }

    /** vCPU 0's first context (DomainBuilder.boot), set with the vCPU paused, before the domain is introduced. */
    void bootVcpu(Domain d, BootInfo info) {
        if (d.introduced()) throw new DomainOpException(d.describe() + " is running already");
        synchronized (d.vcpus().isEmpty() ? this : d.vcpus().get(0)) { DomainBuilder.boot(d, info); }
    }

    /** A domain whose build failed: taken apart without a trace in the console's end (it never ran). */
    void discard(Domain d) {
        synchronized (this) {
            if (d.state() == DomainState.DYING || d.state() == DomainState.DEAD) return;
            d.setState(DomainState.DYING);
        }
        teardown(d);
        log.xen("destroyed " + d.describe() + ": its build failed");
    }

    /**
     * The first unpause of a domain made by createdomain introduces it, as libxl's xs_introduce_domain and the
     * hypervisor's own set-up do: start_info is written unless its toolstack wrote it (nr_pages, shared_info, the
     * rings; the command line is "domid=N"), its event channels, grant table, XenStore connection and console backend
     * are set up, and its vCPUs join the scheduler. It needs RAM (max_mem) and a context for vCPU 0 (setvcpucontext).
     */
    private void introduce(Domain d) {
        if (!d.memory().sized()) throw new DomainOpException(d.describe() + " has no memory yet (XEN_DOMCTL_max_mem first)");
        if (d.vcpus().isEmpty() || !d.vcpus().get(0).initialised())
            throw new DomainOpException(d.describe() + " has no context for vCPU 0 (XEN_DOMCTL_setvcpucontext first)");
        if (!d.startInfoByToolstack()) DomainBuilder.writeStartInfo(d);
        if (!d.configured()) {
            long mib = d.memory().ramBytes() >> 20;
            DomainConfig c = d.config();
            d.setConfig(new DomainConfig(d.name(), c.type(), c.isa(), c.kernel(), mib, c.vcpus(), c.onPoweroff(), c.onReboot(),
                    c.onCrash(), "domid=" + d.id(), List.of()));
        }
        register(d);
        for (VcpuHandle v : d.vcpus()) scheduler.add(v);
        if (!d.configured())
            log.xen("introduced " + d.describe() + ": " + d.config().type().xlName() + ", " + d.memory().currentReservation() + " of "
                    + d.memory().nrPages() + " frames populated, " + d.vcpus().size() + " vCPU" + (d.vcpus().size() == 1 ? "" : "s"));
    }

    private synchronized int allocateId() {
        for (int tries = 0; tries < DOMID_FIRST_RESERVED; tries++) {
            int id = nextId;
            nextId = nextId + 1 >= DOMID_FIRST_RESERVED ? 1 : nextId + 1;
            if (!domains.containsKey(id)) return id;
        }
        throw new IllegalStateException("all domain ids are in use");
    }

    public EventHub events() { return events; }

    /** The loaded ISA running ELF files of this e_machine and EI_CLASS, or null. */
    public IsaProvider isaForElf(int machine, int elfClass) { return builder.isaForElf(machine, elfClass); }

    public GrantHub grants() { return grants; }

    public XenStoreDaemon xenstore() { return xenstore; }

    /** The hypervisor's side of a domain: event channels, grant table, XenStore connection, console backend. */
    private void register(Domain d) {
        var ec = new EventChannels(d.id(), d.isa().wordBits(), d.memory(), d.sharedInfo(),
                d.vcpus().size(), v -> kick(d, v));
        ec.clearPage();
        ec.writeWallclock(System.currentTimeMillis() * 1_000_000L);
        d.setEvents(ec);
        events.register(ec);
        // Xen's upcall level, for ISAs that latch the upcall: pending set and unmasked in the vCPU's vcpu_info.
        for (VcpuHandle v : d.vcpus()) {
            int id = v.vcpuId();
            v.vcpu().setEventUpcallLevel(() -> ec.deliverable(id));
        }
        int grantLimit = d.maxGrantFrames() < 0 ? GrantTable.MAX_FRAMES : d.maxGrantFrames();
        var table = new GrantTable(d.id(), d.memory(), d.grantFrames(), grantLimit);
        table.setMaxVersion(d.maxGrantVersion());
        grants.register(table, d.memory());
        // libxl: the standard nodes, a port of the domain offered to dom0 (alloc_unbound), then xs_introduce_domain,
        // which xenstored serves as it serves dom0's XS_INTRODUCE.
        xenstore.toolstack(xs -> xs.introduce(d.id(), d.name(), d.config().memoryMiB() * 1024));
        int storePort = (int) events.allocUnbound(d.id(), true, d.id(), 0);
        var refused = storePort < 0 ? XsError.ENOSPC
                : xenstore.introduce(d.id(), d.storeRing() >>> 12, storePort, true);
        if (refused != null) throw new DomainOpException("xenstored could not introduce " + d.describe() + ": " + refused);
        d.memory().write(d.startInfo() + StartInfoWriter.storeEvtchnOffset(d.isa().wordBits()), 4, storePort);
        if (d.id() != 0) startConsoleBackend(d);
        else d.setConsoleInput(this::hypervisorConsoleInput);  // dom0 reads Xen's console input with CONSOLEIO_read
        // An HVM domain's keyboard is its board's console UART; its PV console still carries output, as on Xen.
        if (d.platform() != null) d.setConsoleInput(d.platform()::consoleInput);
        var hvm = d.hvmParams();
        if (hvm != null) {
            int wb = d.isa().wordBits();
            hvm.set(HvmParams.STORE_PFN, d.storeRing() >>> 12);
            hvm.set(HvmParams.STORE_EVTCHN, storePort);
            if (d.id() != 0) {
                hvm.set(HvmParams.CONSOLE_PFN, d.consoleRing() >>> 12);
                hvm.set(HvmParams.CONSOLE_EVTCHN,
                        d.memory().read(d.startInfo() + StartInfoWriter.consoleEvtchnOffset(wb), 4));
            }
        }
        if (d.maxEvtchnPort() >= 0) ec.setMaxPort((int) Math.min(Integer.MAX_VALUE, d.maxEvtchnPort()));
        d.markIntroduced();
    }

    /**
     * An event is pending for vCPU {@code vcpu} of {@code d}: wake it if it blocked for events, and wake any vCPU
     * of the domain polling a port that is now pending.
     */
    void kick(Domain d, int vcpu) {
        boolean woke = false;
        List<VcpuHandle> vs = d.vcpus();
        // The ISA's event upcall (callback, PPI, external interrupt), taken when the guest can; Xen does this on
        // the way back to the guest, so a vCPU that is running gets it too.
        if (vcpu >= 0 && vcpu < vs.size() && d.events() != null && d.events().deliverable(vcpu)) d.deliverUpcall(vcpu);
        for (VcpuHandle v : vs) {
            int[] polled = v.pollPorts();
            boolean wakeIt = false;
            if (polled != null) {
                for (int p : polled) wakeIt |= d.events().pending(p);
            } else if (v.vcpuId() == vcpu && v.blocked()) {
                wakeIt = true;
            }
            if (wakeIt && v.unblock()) {
                scheduler.wake(v);
                woke = true;
            }
        }
        if (woke) wake.run();
    }

    /**
     * Fires what is due for one vCPU: its Xen timer raises VIRQ_TIMER (which wakes it if bound and deliverable, as
     * in Xen), and a SCHEDOP_poll timeout wakes it. Called between chunks for running vCPUs and by the timer tick for
     * blocked ones.
     */
    void fireTimers(Domain d, VcpuHandle v) {
        long now = v.virtualNanos();
        long t = v.singleshotDeadline();
        if (t >= 0 && now >= t) {
            v.setTimer(-1);
            events.raiseVirq(d.id(), EventHub.VIRQ_TIMER, v.vcpuId());
        }
        if (v.takePeriodic(now)) events.raiseVirq(d.id(), EventHub.VIRQ_TIMER, v.vcpuId());
        long p = v.pollDeadline(), w = v.wakeDeadline();
        if (((p >= 0 && now >= p) || (w >= 0 && now >= w)) && v.unblock()) {
            scheduler.wake(v);
            wake.run();
        }
    }

    private final ScheduledExecutorService timerTick = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("timer-tick").daemon().unstarted(r));

    /** Blocked vCPUs run no instructions, so their timers are looked at here, every millisecond of wall time. */
    private void startTimerTick() {
        timerTick.scheduleAtFixedRate(() -> {
            try {
                for (Domain d : domains.values())
                    if (d.state() == DomainState.ACTIVE) {
                        if (d.watchdogs().armed() && d.watchdogs().fire(d.virtualNanos())) {
                            log.xen("watchdog timer fired for " + d.describe());
                            shutdown(d, ShutdownReason.WATCHDOG);
                            continue;
                        }
                        for (VcpuHandle v : d.vcpus())
                            if (v.blocked() && (v.timerDeadline() >= 0 || v.pollDeadline() >= 0 || v.wakeDeadline() >= 0)) fireTimers(d, v);
                    }
            } catch (RuntimeException e) {
                log.xen("timer tick: " + e);
            }
        }, 1, 1, TimeUnit.MILLISECONDS);
    }

    /**
     * The dom0-side PV console backend of a domU: when the guest signals its console channel, what it wrote to
     * the ring's {@code out} goes to its console (as console_io output does); input from an attached console
     * goes into {@code in}, and the guest is signalled.
     */
    private void startConsoleBackend(Domain d) {
        var ring = new ConsoleRing(d.memory(), d.consoleRing());
        int[] port = new int[1];
        port[0] = events.bindService(d.id(), () -> {
            byte[] out = ring.drainOutput();
            if (out.length > 0) d.consoleWrite(out);
        });
        int wb = d.isa().wordBits();
        d.memory().write(d.startInfo() + StartInfoWriter.consoleMfnOffset(wb), wb / 8, d.consoleRing() >>> 12);
        d.memory().write(d.startInfo() + StartInfoWriter.consoleEvtchnOffset(wb), 4, port[0]);
        d.setConsoleInput(bytes -> {
            synchronized (events) {
                if (ring.feedInput(bytes) > 0) events.notify(d.id(), port[0]);
            }
        });
    }

    /** Foreign mappings (XENMAPSPACE_gmfn_foreign) between the domains. */
    private final ForeignMappings foreign = new ForeignMappings();

    public ForeignMappings foreign() { return foreign; }

    /** How long {@link #pauseVcpu} waits for a vCPU to leave its pCPU (it finishes a chunk of at most 1 ms of its time). */
    private static final long PAUSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * Xen's vcpu_pause: the vCPU stops being runnable and this waits until it is off its pCPU (the runner looks
     * between chunks), so that its state can be read or set whole. Returns false (and undoes the pause) when it did not
     * stop in time, e.g. two vCPUs pausing each other at once. Undo a true answer with {@link #unpauseVcpu}.
     */
    public boolean pauseVcpu(VcpuHandle v) {
        v.pause();
        long deadline = System.nanoTime() + PAUSE_WAIT_NANOS;
        while (v.onCpu()) {
            if (System.nanoTime() > deadline) {
                unpauseVcpu(v);
                return false;
            }
            LockSupport.parkNanos(50_000);
        }
        return true;
    }

    /**
     * XEN_DOMCTL_setvcpucontext of a paused vCPU: loads {@code context} (null: vcpu_reset, no context and offline).
     * vCPU 0 of a domain made by createdomain and not yet introduced comes online with it. False when the ISA refuses
     * the context (the reason is logged once).
     */
    public boolean setVcpuContext(VcpuHandle v, GuestContext layout, byte[] context) {
        Domain d = v.domain();
        synchronized (v) {
            if (context == null) {
                v.reset();
                return true;
            }
            String refused;
            try {
                refused = layout.load(context, v.vcpu());
            } catch (RuntimeException e) {                 // the ISA's bug must not crash the caller's domain
                refused = "the " + d.isa().id() + " backend failed to load it: " + e;
            }
            if (refused != null) {
                d.logOnce("setvcpucontext-" + v.vcpuId(), d.describe() + ": XEN_DOMCTL_setvcpucontext of vCPU " + v.vcpuId()
                        + " refused: " + refused);
                return false;
            }
            v.markInitialised();
            if (d.builtByDomctl() && !d.introduced() && v.vcpuId() == 0) v.setUp(true);
        }
        return true;
    }

    /** Undoes {@link #pauseVcpu}: the vCPU runs again once nobody else pauses it. */
    public void unpauseVcpu(VcpuHandle v) {
        if (v.unpause() && v.runnable()) wakeVcpu(v);
    }

    /** A vCPU became runnable again (VCPUOP_up): tell the scheduler and the idle pCPUs. */
    void wakeVcpu(VcpuHandle v) {
        scheduler.wake(v);
        wake.run();
    }

    public List<Domain> all() { return new ArrayList<>(domains.values()); }

    /** A domain by id ("3") or name. */
    public Optional<Domain> find(String idOrName) {
        if (idOrName == null) return Optional.empty();
        String s = idOrName.trim();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.ofNullable(domains.get(Integer.parseInt(s)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        for (Domain d : domains.values()) if (d.name().equals(s)) return Optional.of(d);
        for (Domain d : domains.values()) if (d.name().toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT))) return Optional.of(d);
        return Optional.empty();
    }

    /** xl rename: a new unique name in xl's name syntax. */
    public synchronized void rename(Domain d, String newName) {
        if (!newName.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"))
            throw new DomainOpException("name '" + newName + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        if (find(newName).filter(o -> o != d).isPresent()) throw new DomainOpException("a domain named '" + newName + "' exists");
        if (d.id() == 0) throw new DomainOpException("dom0 keeps its name");
        log.xen("renamed " + d.describe() + " to '" + newName + "'");
        d.rename(newName);
        xenstore.toolstack(xs -> {
            try {
                xs.write(0, 0, XenStore.domainPath(d.id()) + "/name",
                        newName.getBytes(StandardCharsets.US_ASCII));
            } catch (XsError.XsException e) {
                log.xen("could not record the new name in XenStore: " + e.getMessage());
            }
        });
    }

    /**
     * Xen's limit on the toolstack's pause count: domain_pause_by_systemcontroller refuses a 256th pause with
     * -EOVERFLOW ("to prevent the toolstack overflowing d->pause_count with many repeated hypercalls").
     */
    public static final int MAX_CONTROLLER_PAUSES = 255;

    /**
     * XEN_DOMCTL_pausedomain, as Xen's domain_pause_by_systemcontroller: the domain's controller pause count goes up
     * (pauses nest; each needs its unpause), at most to {@link #MAX_CONTROLLER_PAUSES}; the first one stops its vCPUs.
     * dom0, and a domain shut down, crashed or dying, cannot be paused here.
     */
    public synchronized void pause(Domain d) {
        if (d.id() == 0) throw new DomainOpException("dom0 cannot be paused (Xen refuses to pause the control domain too)");
        require(d, d.state() == DomainState.ACTIVE || d.state() == DomainState.PAUSED, "is not running");
        if (d.controllerPauses() >= MAX_CONTROLLER_PAUSES)
            throw new DomainOpException(d.describe() + " is paused " + MAX_CONTROLLER_PAUSES + " times already (Xen's limit)");
        d.addControllerPauses(1);
        if (d.state() == DomainState.PAUSED) {
            log.xen("paused " + d.describe() + " again (" + d.controllerPauses() + " pauses to undo)");
            return;
        }
        d.setState(DomainState.PAUSED);
        log.xen("paused " + d.describe());
    }

    /**
     * XEN_DOMCTL_unpausedomain, as Xen's domain_unpause_by_systemcontroller: the controller pause count goes down; a
     * domain not paused (a count of 0) is refused (-EINVAL). The domain runs when the count reaches 0; the first
     * time (creation finished) introduces a domain made by createdomain.
     */
    public synchronized void unpause(Domain d) {
        require(d, d.state() == DomainState.PAUSED, "is not paused");
        if (d.controllerPauses() > 1) {
            d.addControllerPauses(-1);
            log.xen(d.describe() + " stays paused (" + d.controllerPauses() + " more pause" + (d.controllerPauses() == 1 ? "" : "s") + " to undo)");
            return;
        }
        boolean first = !d.introduced();
        if (first) introduce(d);
        d.addControllerPauses(-1);
        d.setState(DomainState.ACTIVE);
        if (first && d.configured()) {
            // xl create's end: the domain its toolstack built runs (its vCPUs joined the scheduler runnable).
            log.xen("created " + d.describe() + ": " + d.config().type().xlName() + ", " + d.config().memoryMiB() + " MiB, "
                    + d.config().vcpus() + " vCPU" + (d.config().vcpus() == 1 ? "" : "s"));
        } else {
            for (VcpuHandle v : d.vcpus()) scheduler.wake(v);
            log.xen("unpaused " + d.describe());
        }
        wake.run();
    }

    /** Shuts a domain down with a Xen reason, then carries out the config's action for that reason. */
    public void shutdown(Domain d, ShutdownReason reason) {
        if (reason == ShutdownReason.CRASH) {
            crash(d, "the guest reported a crash (SHUTDOWN_crash)");
            return;
        }
        synchronized (this) {
            if (!alive(d)) return;
            d.setState(DomainState.SHUTDOWN);
            d.setShutdownReason(reason);
        }
        log.xen(d.describe() + " shut down: " + reason.name().toLowerCase(Locale.ROOT));
        events.raiseVirq(0, EventHub.VIRQ_DOM_EXC, 0);
        d.finish(new DomainEnd(reason, d.describe() + " shut down (" + reason.name().toLowerCase(Locale.ROOT) + ")"));
        LifecycleAction a = switch (reason) {
            case POWEROFF -> d.config().onPoweroff();
            case REBOOT -> d.config().onReboot();
            case SUSPEND -> LifecycleAction.PRESERVE;
            case WATCHDOG -> d.config().onWatchdog();
            case CRASH, SOFT_RESET -> d.config().onCrash();
        };
        act(d, a);
    }

    /** The guest cannot go on: its domain crashes with this message; nothing else is touched. */
    public void crash(Domain d, String why) {
        synchronized (this) {
            if (!alive(d)) return;
            d.setState(DomainState.CRASHED);
            d.setShutdownReason(ShutdownReason.CRASH);
        }
        String message = d.describe() + " crashed: " + why;
        log.xen(message);
        events.raiseVirq(0, EventHub.VIRQ_DOM_EXC, 0);
        d.finish(new DomainEnd(ShutdownReason.CRASH, message));
        act(d, d.config().onCrash());
    }

    private boolean alive(Domain d) { return d.state() == DomainState.ACTIVE || d.state() == DomainState.PAUSED; }

    private void act(Domain d, LifecycleAction a) {
        if (d.id() == 0) {
            log.xen("dom0 is down; the hypervisor keeps running the other domains");
            return;
        }
        actions.execute(() -> {
            try {
                switch (a) {
                    case PRESERVE -> log.xen("preserving " + d.describe() + " (on_" + (d.state() == DomainState.CRASHED ? "crash"
                            : d.shutdownReason() == ShutdownReason.WATCHDOG ? "watchdog" : "poweroff") + " = preserve)");
                    case DESTROY -> destroy(d);
                    case RESTART -> {
                        destroy(d);
                        restart(d.config());
                    }
                    case RENAME_RESTART -> {
                        d.rename(d.name() + "--" + d.id());
                        restart(d.config());
                    }
                }
            } catch (RuntimeException e) {
                log.xen("action " + a.xlName() + " for " + d.describe() + " failed: " + e.getMessage());
            }
        });
    }

    /** A domain restarted this often within {@link #RESTART_WINDOW_NANOS} is crash-looping: it is not restarted again. */
    static final int MAX_RESTARTS = 5;
    static final long RESTART_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);
    private final Map<String, ArrayDeque<Long>> restarts = new HashMap<>();

    /** Records a restart of {@code name}; false when it has restarted too often lately. */
    private synchronized boolean mayRestart(String name) {
        long now = System.nanoTime();
        ArrayDeque<Long> times = restarts.computeIfAbsent(name, n -> new ArrayDeque<>());
        while (!times.isEmpty() && now - times.peekFirst() > RESTART_WINDOW_NANOS) times.removeFirst();
        if (times.size() >= MAX_RESTARTS) return false;
        times.addLast(now);
        return true;
    }

    private void restart(DomainConfig config) {
        if (!mayRestart(config.name())) {
            log.xen("not restarting '" + config.name() + "': it was restarted " + MAX_RESTARTS + " times in the last "
                    + RESTART_WINDOW_NANOS / 1_000_000_000L + " s (crash loop); create it again by hand once fixed");
            return;
        }
        try {
            Domain n = createAgain.create(config);
            log.xen("restarted '" + config.name() + "' as domain " + n.id());
        } catch (DomainCreateException e) {
            log.xen("restart failed: " + e.getMessage());
        }
    }

    /** Stops the domain's vCPUs, frees its memory and forgets it. dom0 cannot be destroyed. */
    public void destroy(Domain d) {
        if (d.id() == 0) throw new DomainOpException("dom0 cannot be destroyed");
        synchronized (this) {
            if (d.state() == DomainState.DYING || d.state() == DomainState.DEAD) return;
            d.setState(DomainState.DYING);
        }
        teardown(d);
        d.finish(new DomainEnd(null, d.describe() + " was destroyed"));
        log.xen("destroyed " + d.describe());
    }

    /**
     * Takes a dying domain apart: waits for its vCPUs to leave the pCPUs, then releases its store connection,
     * event channels, grants and memory. Used by destroy and by the hypervisor's close (dom0 included).
     */
    private void teardown(Domain d) {
        // A pCPU finishes its chunk (bounded) and then sees the domain is not runnable.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (VcpuHandle v : d.vcpus()) {
            while (v.onCpu() && System.nanoTime() < deadline) LockSupport.parkNanos(100_000);
            scheduler.remove(v);
        }
        foreign.forget(d.id());
        if (d.introduced()) {
            xenstore.disconnect(d.id());
            events.unregister(d.id());
            grants.unregister(d.id());
        }
        d.memory().close();
        d.setState(DomainState.DEAD);
        domains.remove(d.id(), d);
    }

    private static void require(Domain d, boolean ok, String problem) {
        if (!ok) throw new DomainOpException(d.describe() + " " + problem + " (it is " + d.state().name().toLowerCase(Locale.ROOT) + ")");
    }

    @Override
    public void close() {
        timerTick.shutdownNow();
        actions.shutdownNow();
        for (Domain d : all()) {
            if (d.id() == 0) {
                d.setState(DomainState.DYING);
                teardown(d);
            } else destroy(d);
        }
    }
}
