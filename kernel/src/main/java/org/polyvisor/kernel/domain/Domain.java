package org.polyvisor.kernel.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.console.ConsoleBuffer;
import org.polyvisor.kernel.console.HypervisorLog;
import org.polyvisor.kernel.mem.DomainMemory;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.Vcpu;
import java.util.Arrays;
import java.util.function.Consumer;
import org.polyvisor.kernel.event.EventChannels;
import org.polyvisor.kernel.grant.GrantTable;
import org.polyvisor.kernel.hypercall.HvmParams;
import org.polyvisor.kernel.platform.DeviceBus;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.platform.Platform;

/** One domain: its config, ISA, memory, vCPUs, console and state. State changes go through the hypervisor. */
public final class Domain {
    /** Longest console line kept for the log before it is cut. */
    private static final int MAX_LOG_LINE = 512;

    private final int id;
    private volatile String name;
    private volatile DomainConfig config;
    private final IsaProvider isa;
    private final DomainMemory memory;
    private final List<VcpuHandle> vcpus = new ArrayList<>();
    private final ConsoleBuffer console = new ConsoleBuffer();
    private final HypervisorLog log;
    private final ByteArrayOutputStream pendingLine = new ByteArrayOutputStream();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final Set<String> loggedOnce = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<DomainEnd> end = new CompletableFuture<>();
    private volatile DomainState state = DomainState.PAUSED;
    private volatile int weight;
    private volatile int cap;
    private volatile ShutdownReason shutdownReason;

    private volatile long sharedInfo;
    private final long createdNanos = System.nanoTime();

    /** Seconds since the domain was created. */
    public long uptimeSeconds() { return (System.nanoTime() - createdNanos) / 1_000_000_000L; }
    private volatile EventChannels events;

    Domain(int id, DomainConfig config, IsaProvider isa, DomainMemory memory, HypervisorLog log, long sharedInfo) {
        this.sharedInfo = sharedInfo;
        this.id = id;
        this.name = config.name();
        this.config = config;
        this.isa = isa;
        this.memory = memory;
        this.log = log;
        this.weight = config.scheduling().weight();
        this.cap = config.scheduling().cap();
    }

    void addVcpu(Vcpu vcpu, boolean up) { vcpus.add(new VcpuHandle(this, vcpu, up, config.scheduling().cpus())); }

    /** Guest-physical address of the first grant-table frame (the top of RAM, outside start_info's nr_pages). */
    public long grantFrames() {
        return memory.ramBase() + memory.ramBytes() - (long) GrantTable.MAX_FRAMES * GuestMemory.PAGE_SIZE;
    }

    /** Guest-physical address of start_info (the page before shared_info). */
    public long startInfo() { return sharedInfo - GuestMemory.PAGE_SIZE; }

    /** Guest-physical address of the XenStore ring page (the page after shared_info). */
    public long storeRing() { return sharedInfo + GuestMemory.PAGE_SIZE; }

    /** Guest-physical address of the PV console ring page (after the XenStore ring). */
    public long consoleRing() { return storeRing() + GuestMemory.PAGE_SIZE; }

    private volatile Consumer<byte[]> consoleInput = b -> { };

    /** Keyboard input for the guest's PV console (from an attached toolstack console). */
    public void consoleInput(byte[] bytes) { consoleInput.accept(bytes); }

    void setConsoleInput(Consumer<byte[]> sink) { consoleInput = sink; }

    /** Guest-physical address of the shared_info page (0 for a domain made by createdomain before its max_mem). */
    public long sharedInfo() { return sharedInfo; }

    /** Places start_info, shared_info and the rings (a domain made by createdomain, once it has RAM). */
    void setSharedInfo(long at) { sharedInfo = at; }

    /** The config, replaced once for a domain made by createdomain when it is introduced (its memory known). */
    void setConfig(DomainConfig c) { config = c; }

    /**
     * Whether the domain was made empty by XEN_DOMCTL_createdomain (its toolstack fills it through hypercalls) rather
     * than in one step by the domain builder.
     */
    private volatile boolean builtByDomctl;

    public boolean builtByDomctl() { return builtByDomctl; }

    void markBuiltByDomctl() { builtByDomctl = true; }

    /**
     * Xen's controller_pause_count: how many pauses by the toolstack (XEN_DOMCTL_pausedomain) are not yet undone. A
     * domain is created paused with a count of 1, and runs once it drops to 0. Changed under the domain table's lock.
     */
    private volatile int controllerPauses = 1;

    public int controllerPauses() { return controllerPauses; }

    void addControllerPauses(int delta) { controllerPauses += delta; }

    private volatile int plannedVcpus;

    /** The vCPUs createdomain asked for (an HVM domain's are made with its board, at its first max_mem). */
    int plannedVcpus() { return plannedVcpus; }

    void planVcpus(int n) { plannedVcpus = n; }

    private volatile boolean startInfoByToolstack, configured;

    /** Whether the toolstack placed the special pages and wrote start_info itself (DomainBuilder.placeSpecialPages). */
    boolean startInfoByToolstack() { return startInfoByToolstack; }

    void markStartInfoByToolstack() { startInfoByToolstack = true; }

    /** Whether a toolstack recorded its config for the domain ({@link #adopt}). */
    boolean configured() { return configured; }

    /**
     * The toolstack's config for a domain it builds: name, lifecycle actions, credit weight and cap (validated with
     * the config), and the hard affinity of the vCPUs made so far (later ones take it when made).
     */
    void adopt(DomainConfig c) {
        config = c;
        name = c.name();
        weight = c.scheduling().weight();
        cap = c.scheduling().cap();
        for (VcpuHandle v : vcpus) v.pin(c.scheduling().cpus());
        configured = true;
    }

    /**
     * Whether the hypervisor's side of the domain is set up: event channels on its shared_info, grant table, XenStore
     * connection and console backend. At once for the builder's domains; at the first unpause for createdomain's.
     */
    private volatile boolean introduced;

    public boolean introduced() { return introduced; }

    void markIntroduced() { introduced = true; }

    /** XEN_DOMCTL_createdomain's max_grant_frames (-1: the hypervisor's default). */
    private volatile int maxGrantFrames = -1;

    public int maxGrantFrames() { return maxGrantFrames; }

    void setMaxGrantFrames(int n) { maxGrantFrames = n; }

    private volatile long ssidref;
    private volatile byte[] handle = new byte[16];

    /** XEN_DOMCTL_createdomain's ssidref (0 for the builder's domains). */
    public long ssidref() { return ssidref; }

    /** XEN_DOMCTL_createdomain's xen_domain_handle_t, the toolstack's UUID of the domain (zeros for the builder's). */
    public byte[] handle() { return handle.clone(); }

    /** Keeps createdomain's ssidref and handle, which getdomaininfo answers. */
    public void setIdentity(long ssid, byte[] uuid) {
        ssidref = ssid;
        handle = Arrays.copyOf(uuid, 16);
    }

    /** XEN_DOMCTL_createdomain's max_evtchn_port, or -1 (no limit below the 2-level ABI's). */
    private volatile long maxEvtchnPort = -1;

    public long maxEvtchnPort() { return maxEvtchnPort; }

    void setMaxEvtchnPort(long max) { maxEvtchnPort = max; }

    /** XEN_DOMCTL_createdomain's grant_opts version: the highest grant table version the domain may use. */
    private volatile int maxGrantVersion = 2;

    public int maxGrantVersion() { return maxGrantVersion; }

    void setMaxGrantVersion(int v) { maxGrantVersion = v; }

    /** The domain's event channels (set when it starts). */
    public EventChannels events() { return events; }

    void setEvents(EventChannels e) { events = e; }

    private volatile DomainTable table;

    /** The table that started this domain, or null before it started (an HVM board's actions wait for it). */
    DomainTable table() { return table; }

    void setTable(DomainTable t) { table = t; }

    private volatile Platform platform;
    private volatile DeviceBus devices;

    /** An HVM domain's board, or null (PV, or an ISA with no board yet). */
    public Platform platform() { return platform; }

    /** The board's MMIO and port buses, or null. */
    public DeviceBus devices() { return devices; }

    void setPlatform(Platform p, DeviceBus bus) {
        platform = p;
        devices = bus;
    }

    private final HvmParams hvmParams = new HvmParams();

    /** HVM_PARAM_* of an HVM domain (store and console rings, callback), or null for a PV domain. */
    public HvmParams hvmParams() {
        return config.type() == GuestType.HVM ? hvmParams : null;
    }

    /**
     * Delivers an event upcall to vCPU {@code vcpu}: on the vector an HVM guest registered as its callback
     * (HVM_PARAM_CALLBACK_IRQ of type vector), otherwise through the ISA's own upcall path.
     */
    void deliverUpcall(int vcpu) {
        if (vcpu < 0 || vcpu >= vcpus.size()) return;
        int vector = config.type() == GuestType.HVM ? hvmParams.callbackVector() : -1;
        if (vector >= 0) vcpus.get(vcpu).vcpu().raiseInterrupt(vector);
        else vcpus.get(vcpu).vcpu().raiseEventUpcall();
    }

    private volatile Integer exitCode;

    /** The exit status a test device reported (isa-debug-exit, the test finisher), or null. */
    public Integer exitCode() { return exitCode; }

    void setExitCode(int code) { exitCode = code; }

    /** Credit scheduler weight (1..65535). */
    public int weight() { return weight; }

    /** Credit scheduler cap in % of one pCPU (0 = none). */
    public int cap() { return cap; }

    /** xl sched-credit -w/-c. */
    public void setScheduling(int newWeight, int newCap) {
        if (newWeight < 1 || newWeight > 65535) throw new DomainOpException("weight must be 1 to 65535, was " + newWeight);
        if (newCap < 0 || newCap > 100 * vcpus.size()) throw new DomainOpException("cap must be 0 to " + 100 * vcpus.size() + ", was " + newCap);
        weight = newWeight;
        cap = newCap;
    }

    public int id() { return id; }

    public String name() { return name; }

    void rename(String newName) { name = newName; }

    public DomainConfig config() { return config; }

    public IsaProvider isa() { return isa; }

    public DomainMemory memory() { return memory; }

    public List<VcpuHandle> vcpus() { return List.copyOf(vcpus); }

    private final Watchdogs watchdogs = new Watchdogs();

    /** The domain's SCHEDOP_watchdog timers. */
    public Watchdogs watchdogs() { return watchdogs; }

    /** XEN_DOMCTL_max_vcpus: vCPU ids at or beyond it are not the guest's to use; -1 until set (all of them). */
    private volatile int maxVcpus = -1;

    /** The vCPUs the guest may use: all it was built with, unless XEN_DOMCTL_max_vcpus lowered it. */
    public int maxVcpus() { return maxVcpus < 0 ? vcpus.size() : maxVcpus; }

    /** Sets the vCPU ceiling (1 to the vCPUs built); vCPUs beyond it go offline. */
    public void setMaxVcpus(int max) {
        if (max < 1 || max > vcpus.size()) throw new DomainOpException(describe() + " was built with " + vcpus.size() + " vCPUs; the maximum must be 1 to " + vcpus.size() + ", was " + max);
        maxVcpus = max;
        for (VcpuHandle v : vcpus) if (v.vcpuId() >= max) v.setUp(false);
    }

    public ConsoleBuffer console() { return console; }

    public DomainState state() { return state; }

    void setState(DomainState s) { state = s; }

    public ShutdownReason shutdownReason() { return shutdownReason; }

    void setShutdownReason(ShutdownReason r) { shutdownReason = r; }

    public boolean privileged() { return id == 0; }

    /** Completes when the domain first shuts down, crashes, or is destroyed while running. */
    public CompletableFuture<DomainEnd> ended() { return end; }

    void finish(DomainEnd e) { end.complete(e); }

    void addCpuNanos(long n) { cpuNanos.addAndGet(n); }

    /**
     * The domain's virtual time (Xen's system time for it): the furthest of its vCPUs' clocks, each of which runs
     * one nanosecond per retired instruction (a nominal 1 GHz) and at wall speed while the vCPU is blocked.
     */
    public long virtualNanos() {
        long t = 0;
        for (VcpuHandle v : vcpus) t = Math.max(t, v.virtualNanos());
        return t;
    }

    public long instructions() {
        long n = 0;
        for (VcpuHandle v : vcpus) n += v.vcpu().retired();
        return n;
    }

    /** A guest's console output. dom0's goes out raw; a domU's is cut to printable characters, as Xen does. */
    public void consoleWrite(byte[] bytes) {
        byte[] out = bytes;
        if (!privileged()) {
            out = bytes.clone();
            for (int i = 0; i < out.length; i++) {
                int c = out[i] & 0xFF;
                if (!(c >= 0x20 && c < 0x7F) && c != '\n' && c != '\t') out[i] = '?';
            }
        }
        console.write(out);
        synchronized (pendingLine) {
            for (byte b : out) {
                if (b == '\n') flushLine();
                else if (b != '\r') {
                    pendingLine.write(b);
                    if (pendingLine.size() >= MAX_LOG_LINE) flushLine();
                }
            }
        }
    }

    private void flushLine() {
        log.guest(id, pendingLine.toString(StandardCharsets.ISO_8859_1));
        pendingLine.reset();
    }

    /** Logs a message once per domain and key (e.g. an unimplemented hypercall), so a loop cannot flood the log. */
    public void logOnce(String key, String message) {
        if (loggedOnce.add(key)) log.xen(message);
    }

    public DomainInfo info() {
        boolean running = false, runnable = false;
        for (VcpuHandle v : vcpus) {
            running |= v.onCpu();
            runnable |= v.runnable();
        }
        DomainState s = state;
        String flags = "" + (s == DomainState.ACTIVE && (running || runnable) ? 'r' : '-')
                + (s == DomainState.ACTIVE && !running && !runnable ? 'b' : '-')
                + (s == DomainState.PAUSED ? 'p' : '-')
                + (s == DomainState.SHUTDOWN ? 's' : '-')
                + (s == DomainState.CRASHED ? 'c' : '-')
                + (s == DomainState.DYING ? 'd' : '-');
        return new DomainInfo(id, name, isa.id(), config.type(), memory.ramBytes() >> 20, vcpus.size(), flags,
                cpuNanos.get() / 1e9, s, instructions());
    }

    /** "domain 3 (hello-arm64, arm64)", for messages. */
    public String describe() { return "domain " + id + " (" + name + ", " + isa.id() + ")"; }
}
