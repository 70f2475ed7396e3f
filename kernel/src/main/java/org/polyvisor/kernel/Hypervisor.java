package org.polyvisor.kernel;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.control.ControlPlane;
import org.polyvisor.kernel.control.XsmPolicy;
import org.polyvisor.kernel.config.LifecycleAction;
import org.polyvisor.kernel.console.HypervisorLog;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainBuilder;
import org.polyvisor.kernel.domain.DomainCreateException;
import org.polyvisor.kernel.domain.DomainInfo;
import org.polyvisor.kernel.domain.DomainOpException;
import org.polyvisor.kernel.domain.DomainTable;
import org.polyvisor.kernel.domain.VcpuRunner;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.kernel.mem.MachineMemory;
import org.polyvisor.kernel.sched.PcpuPool;
import org.polyvisor.kernel.sched.SchedulerCatalog;
import org.polyvisor.spi.sched.Scheduler;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.ShutdownReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import org.polyvisor.kernel.hypercall.XenVersion;
import org.polyvisor.kernel.xenstore.DeviceDirectories;
import org.polyvisor.kernel.xenstore.XenStore;
import org.polyvisor.kernel.xenstore.XsError;

/**
 * The hypervisor: machine memory, the pCPU threads, the domain table and dom0. What the toolstack (the monitor
 * shell) calls. Closing it stops every domain and gives the memory back.
 */
public final class Hypervisor implements AutoCloseable {
    public static final String VERSION = "0.1.0";

    private final HypervisorOptions options;
    private final IsaCatalog isas;
    private final HypervisorLog log = new HypervisorLog();
    private final MachineMemory machine;
    private final Scheduler scheduler;
    private final DomainTable domains;
    private final ControlPlane control;
    /** The toolstack acts as dom0: its operations pass the same policy check as a guest's domctl. */
    private static final int TOOLSTACK = 0;
    private final PcpuPool pcpus;
    private final long bootNanos = System.nanoTime();
    private boolean closed;

    private Hypervisor(HypervisorOptions options, IsaCatalog isas) {
        this.options = options;
        this.isas = isas;
        this.scheduler = SchedulerCatalog.create(options.scheduler());
        scheduler.start(options.pcpus());
        this.machine = new MachineMemory(options.hostMemoryMiB() << 20);
        this.domains = new DomainTable(new DomainBuilder(isas, machine, log), scheduler, log);
        this.control = new ControlPlane(domains, machine, scheduler.name(), options.pcpus(), log);
        VcpuRunner runner = new VcpuRunner(domains, control);
        this.pcpus = new PcpuPool(options.pcpus(), scheduler, runner::runSlice);
        domains.onRunnable(pcpus::wake);
        domains.onRestart(c -> control.create(TOOLSTACK, c));   // xl's restart goes through the toolstack too
        log.xen("Polyvisor " + VERSION + " (Xen " + XenVersion.MAJOR + "."
                + XenVersion.MINOR + " interface): " + options.pcpus() + " pCPUs, "
                + options.hostMemoryMiB() + " MiB machine memory, scheduler " + scheduler.name());
        log.xen("ISAs loaded: " + isas.ids());
        for (String problem : isas.problems()) log.xen("ISA not loaded: " + problem);
    }

    /** Boots with no dom0 (tests and embedding). */
    public static Hypervisor boot(HypervisorOptions options, IsaCatalog isas) { return new Hypervisor(options, isas); }

    /**
     * Boots and builds dom0 on the given ISA from its kernel image.
     *
     * @throws DomainCreateException if dom0 cannot be built; the hypervisor is shut down again
     */
    public static Hypervisor boot(HypervisorOptions options, IsaCatalog isas, String dom0Isa, String dom0Source, byte[] dom0Kernel)
            throws DomainCreateException {
        Hypervisor h = new Hypervisor(options, isas);
        try {
            isas.get(dom0Isa);
            DomainConfig cfg = new DomainConfig("Domain-0", GuestType.PV, dom0Isa, Path.of(dom0Source), options.dom0MemoryMiB(), 1,
                    LifecycleAction.PRESERVE, LifecycleAction.PRESERVE, LifecycleAction.PRESERVE, "", List.of());
            h.domains.createDom0(cfg, dom0Kernel);
            return h;
        } catch (DomainCreateException | RuntimeException e) {
            h.close();
            if (e instanceof DomainCreateException dce) throw dce;
            throw new DomainCreateException("cannot boot dom0: " + e.getMessage());
        }
    }

    public IsaCatalog isas() { return isas; }

    public HypervisorLog log() { return log; }

    public HypervisorOptions options() { return options; }

    public Domain create(DomainConfig config) throws DomainCreateException { return control.create(TOOLSTACK, config); }

    /** Installs an XSM policy: which named domUs may perform which control operations (dom0 may all). */
    public void setPolicy(XsmPolicy policy) { control.setPolicy(policy); }

    public List<DomainInfo> list() { return domains.all().stream().map(d -> control.info(TOOLSTACK, d)).toList(); }

    public List<Domain> domains() { return domains.all(); }

    public Optional<Domain> find(String idOrName) { return domains.find(idOrName); }

    /** The domain, or an error naming what was asked for. */
    public Domain domain(String idOrName) {
        return find(idOrName).orElseThrow(() -> new DomainOpException("no such domain: " + idOrName));
    }

    public void pause(Domain d) { control.pause(TOOLSTACK, d); }

    public void unpause(Domain d) { control.unpause(TOOLSTACK, d); }

    /** Shuts the domain down as if it had asked (SCHEDOP_remote_shutdown); its on_poweroff action follows. */
    public void shutdown(Domain d, ShutdownReason reason) { control.shutdown(TOOLSTACK, d, reason); }

    public void destroy(Domain d) { control.destroy(TOOLSTACK, d); }

    /** xl sched-credit -d DOM -w WEIGHT -c CAP. */
    public void setCredit(Domain d, int weight, int cap) { control.setCredit(TOOLSTACK, d, weight, cap); }

    /** xl vcpu-pin DOM VCPU CPUS (null CPUS: all). */
    public void pin(Domain d, int vcpu, BitSet pcpus) { control.pin(TOOLSTACK, d, vcpu, pcpus); }

    /** xenstore-read PATH, as dom0. */
    public String xenstoreRead(String path) throws XsError.XsException {
        return new String(domains.xenstore().store().read(TOOLSTACK, 0, path), StandardCharsets.UTF_8);
    }

    /** xenstore-write PATH VALUE, as dom0 (watchers are told). */
    public void xenstoreWrite(String path, String value) throws XsError.XsException {
        asToolstack(xs -> xs.write(TOOLSTACK, 0, path, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** A change to the store made as dom0's toolstack. */
    @FunctionalInterface
    private interface StoreChange {
        void apply(XenStore xs) throws XsError.XsException;
    }

    /** Runs a change in the daemon's toolstack context (so watchers are told) and rethrows what the store refused. */
    private void asToolstack(StoreChange change) throws XsError.XsException {
        XsError.XsException[] failure = new XsError.XsException[1];
        domains.xenstore().toolstack(xs -> {
            try {
                change.apply(xs);
            } catch (XsError.XsException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) throw failure[0];
    }

    /** xenstore-ls PATH: every node below it as "path = value", depth first. */
    public List<String> xenstoreList(String path) throws XsError.XsException {
        List<String> out = new ArrayList<>();
        listInto(path.equals("/") ? "" : path, out);
        return out;
    }

    private void listInto(String path, List<String> out) throws XsError.XsException {
        var xs = domains.xenstore().store();
        for (String child : xs.directory(TOOLSTACK, 0, path.isEmpty() ? "/" : path)) {
            String p = path + "/" + child;
            out.add(p + " = \"" + new String(xs.read(TOOLSTACK, 0, p), StandardCharsets.UTF_8) + "\"");
            listInto(p, out);
        }
    }

    /**
     * libxl's device_add for a split device: the frontend's and the backend's XenStore directories, each owned by its
     * domain and readable by the other ({@link DeviceDirectories}). The backend domain
     * need not exist yet.
     */
    public void addDevice(String type, int front, int back, int devid) throws XsError.XsException {
        asToolstack(xs -> DeviceDirectories.add(xs, type, front, back, devid));
    }

    /** Machine frames backed by host memory right now (every domain's, and the hypervisor's). */
    public long backedFrames() { return machine.backedFrames(); }

    /** xl mem-set: the balloon target in XenStore, for the guest's balloon driver (see ControlPlane.setMemTarget). */
    public void memSet(Domain d, long mib) { control.setMemTarget(TOOLSTACK, d, mib); }

    /** xl mem-max: the domain's maximum memory (XEN_DOMCTL_max_mem). */
    public void memMax(Domain d, long mib) { control.setMaxMem(TOOLSTACK, d, mib); }

    /** xl vcpu-set: how many vCPUs the guest should have online (its cpu/N/availability nodes). */
    public void vcpuSet(Domain d, int n) { control.setVcpusOnline(TOOLSTACK, d, n); }

    /** xl dmesg [-c]: the hypervisor's console ring, read (and cleared) through XEN_SYSCTL_readconsole. */
    public String dmesg(boolean clear) { return control.readConsole(TOOLSTACK, clear); }

    /** xl rename DOM NAME. */
    public void rename(Domain d, String name) { control.rename(TOOLSTACK, d, name); }

    /** Host facts for {@code info}: pCPUs and memory through XEN_SYSCTL_physinfo, as xl info reads them. */
    public HostInfo info() {
        long[] phys = new long[4];
        if (control.physinfo(TOOLSTACK, phys) < 0) throw new DomainOpException("permission denied: physinfo");
        return new HostInfo(VERSION, (int) phys[0], phys[1] * MachineMemory.FRAME_SIZE >> 20, phys[2] * MachineMemory.FRAME_SIZE >> 20,
                machine.backedFrames() * MachineMemory.FRAME_SIZE >> 20, scheduler.name(),
                (System.nanoTime() - bootNanos) / 1_000_000_000L, isas.ids(), domains.all().size());
    }

    /** What {@code xl info} shows, reduced. */
    public record HostInfo(String version, int pcpus, long totalMemoryMiB, long freeMemoryMiB, long backedMemoryMiB,
                           String scheduler, long uptimeSeconds, String isas, int domains) { }

    /** Stops every domain and gives the memory back; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        pcpus.close();
        domains.close();
        machine.close();
    }
}
