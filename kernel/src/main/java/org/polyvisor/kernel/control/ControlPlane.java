package org.polyvisor.kernel.control;

import java.util.Optional;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainCreateException;
import org.polyvisor.kernel.domain.DomainInfo;
import org.polyvisor.kernel.domain.DomainOpException;

import org.polyvisor.kernel.domain.DomainTable;
import org.polyvisor.kernel.domain.VcpuHandle;
import org.polyvisor.kernel.hypercall.ControlService;
import org.polyvisor.kernel.hypercall.XenErrno;
import org.polyvisor.kernel.mem.MachineMemory;
import org.polyvisor.spi.ShutdownReason;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.polyvisor.kernel.console.HypervisorLog;
import org.polyvisor.kernel.domain.BuildSteps;
import org.polyvisor.kernel.domain.DomainBuilder;
import org.polyvisor.kernel.domain.DomainState;
import org.polyvisor.kernel.grant.GrantTable;
import org.polyvisor.kernel.xenstore.XenStore;
import org.polyvisor.kernel.xenstore.XsError;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.IsaProvider;

/**
 * The privileged operations, each checked once against the {@link XsmPolicy}: the toolstack calls them as dom0,
 * guests through domctl/sysctl. A refusal is {@link DomainOpException} for the toolstack and -EPERM for a guest.
 */
public final class ControlPlane implements ControlService {
    /** Xen's XEN_SCHEDULER_CREDIT; Xen has no round robin, so "rr" takes an id outside Xen's range. */
    public static final int XEN_SCHEDULER_CREDIT = 5, POLYVISOR_SCHEDULER_RR = 0x80;
    public static final int DOMINF_DYING = 1, DOMINF_HVM = 1 << 1, DOMINF_SHUTDOWN = 1 << 2, DOMINF_PAUSED = 1 << 3,
            DOMINF_BLOCKED = 1 << 4, DOMINF_RUNNING = 1 << 5, DOMINF_SHUTDOWNSHIFT = 16;

    private final DomainTable domains;
    private final MachineMemory machine;
    private final String scheduler;
    private final int pcpus;
    private final HypervisorLog log;
    private volatile XsmPolicy policy = XsmPolicy.dom0Only();

    public ControlPlane(DomainTable domains, MachineMemory machine, String scheduler, int pcpus) {
        this(domains, machine, scheduler, pcpus, new HypervisorLog());
    }

    /** @param log the hypervisor's console ring, which readconsole reads */
    public ControlPlane(DomainTable domains, MachineMemory machine, String scheduler, int pcpus,
                        HypervisorLog log) {
        this.domains = domains;
        this.machine = machine;
        this.scheduler = scheduler;
        this.pcpus = pcpus;
        this.log = log;
    }

    public void setPolicy(XsmPolicy p) { policy = p; }

    private boolean allowed(int caller, ControlOp op) {
        String name = caller == 0 ? "Domain-0" : domains.find(String.valueOf(caller)).map(Domain::name).orElse("");
        return policy.allows(caller, name, op);
    }

    /** For the toolstack: refuses with a message naming the domain and the operation. */
    private void require(int caller, ControlOp op) {
        if (!allowed(caller, op)) throw new DomainOpException("permission denied: domain " + caller + " may not " + op.xenName());
    }

    // The toolstack's side (as dom0, or as a domain the policy names).

    /**
     * xl create, as libxl does it: the kernel parsed, then {@link DomainBuilder#build} through
     * {@link #steps} (createdomain, max_mem, populate_physmap, the image and start_info written through foreign
     * mappings, vCPU 0's context), then the first unpause, which introduces the domain (XenStore, console, event
     * channels). Every step is checked against the policy as {@code caller}; a refusal ends the build with the
     * half-built domain destroyed.
     */
    public Domain create(int caller, DomainConfig config) throws DomainCreateException {
        require(caller, ControlOp.CREATEDOMAIN);
        domains.checkName(config);
        var builder = domains.builder();
        Domain d = builder.build(config, builder.read(config), steps(caller));
        try {
            unpause(caller, d);
        } catch (DomainOpException e) {
            domains.destroy(d);
            throw new DomainCreateException("cannot create domain '" + config.name() + "': " + e.getMessage());
        }
        return d;
    }

    /**
     * The build steps as {@code caller} takes them: each behind its operation's policy check, then the code the guests'
     * domctls and memory_op run. Populating and mapping another domain's frames is for a privileged caller only, as
     * memory_op's foreign domid is.
     */
    public BuildSteps steps(int caller) {
        var own = domains.steps(-1);
        return new BuildSteps() {
            @Override public Domain createDomain(GuestType type, IsaProvider isa, int vcpus) {
                require(caller, ControlOp.CREATEDOMAIN);
                return own.createDomain(type, isa, vcpus);
            }
            @Override public void configure(Domain d, DomainConfig config) { require(caller, ControlOp.CREATEDOMAIN); own.configure(d, config); }
            @Override public void maxMem(Domain d, long pages) { require(caller, ControlOp.MAX_MEM); own.maxMem(d, pages); }
            @Override public void populate(Domain d, long first, long count) { foreignMemory(caller, "populate_physmap"); own.populate(d, first, count); }
            @Override public GuestMemory map(Domain d) { foreignMemory(caller, "map_gmfn_foreign"); return own.map(d); }
            @Override public void placeSpecialPages(Domain d, long startInfo) { require(caller, ControlOp.SETVCPUCONTEXT); own.placeSpecialPages(d, startInfo); }
            @Override public void bootVcpu(Domain d, BootInfo info) { require(caller, ControlOp.SETVCPUCONTEXT); own.bootVcpu(d, info); }
            @Override public void destroy(Domain d) { own.destroy(d); }
        };
    }

    /** memory_op on another domain's memory needs a privileged caller (MemoryOp's rule). */
    private static void foreignMemory(int caller, String what) {
        if (caller != 0) throw new DomainOpException("permission denied: domain " + caller + " may not " + what + " for another domain");
    }

    public void pause(int caller, Domain d) { require(caller, ControlOp.PAUSEDOMAIN); domains.pause(d); }

    public void unpause(int caller, Domain d) { require(caller, ControlOp.UNPAUSEDOMAIN); domains.unpause(d); }

    public void destroy(int caller, Domain d) { require(caller, ControlOp.DESTROYDOMAIN); domains.destroy(d); }

    public void shutdown(int caller, Domain d, ShutdownReason reason) {
        require(caller, ControlOp.SHUTDOWNDOMAIN);
        if (d.id() == 0) throw new DomainOpException("dom0 cannot be shut down from its own toolstack; use quit");
        domains.shutdown(d, reason);
    }

    public DomainInfo info(int caller, Domain d) { require(caller, ControlOp.GETDOMAININFO); return d.info(); }

    /** xl sched-credit -w/-c. */
    public void setCredit(int caller, Domain d, int weight, int cap) { require(caller, ControlOp.SCHEDULER_OP); d.setScheduling(weight, cap); }

    /** xl vcpu-pin: hard affinity of one vCPU (null: every pCPU). */
    public void pin(int caller, Domain d, int vcpu, BitSet pcpus) {
        require(caller, ControlOp.SETVCPUAFFINITY);
        if (vcpu < 0 || vcpu >= d.vcpus().size()) throw new DomainOpException(d.describe() + " has no vCPU " + vcpu);
        if (pcpus != null && (pcpus.isEmpty() || pcpus.nextSetBit(0) >= this.pcpus))
            throw new DomainOpException("no pCPU in that set: this host has pCPUs 0-" + (this.pcpus - 1));
        d.vcpus().get(vcpu).pin(pcpus);
    }

    /** xl rename. */
    public void rename(int caller, Domain d, String name) { require(caller, ControlOp.RENAMEDOMAIN); domains.rename(d, name); }

    /**
     * xl mem-max: XEN_DOMCTL_max_mem for the domain, and its {@code memory/static-max} node. The maximum cannot be
     * below the balloon target (as libxl refuses) nor beyond the memory the domain was built with (its physmap has
     * no room beyond).
     */
    public void setMaxMem(int caller, Domain d, long mib) {
        require(caller, ControlOp.MAX_MEM);
        long built = d.memory().nrPages() >> 8;
        if (mib < 1 || mib > built)
            throw new DomainOpException("maximum memory of " + d.describe() + " must be 1 to " + built + " MiB (what it was built with), was " + mib);
        long target = balloonTargetKiB(d);
        if (target > mib << 10)
            throw new DomainOpException("maximum memory " + mib + " MiB is below the balloon target of " + d.describe() + " ("
                    + (target >> 10) + " MiB); lower it first with mem-set");
        d.memory().setMaxPages(mib << 8);
        writeNode(d, "memory/static-max", Long.toString(mib << 10));
        log.xen("maximum memory of " + d.describe() + " set to " + mib + " MiB");
    }

    /**
     * xl mem-set: the balloon target, written where the guest's balloon driver watches for it ({@code memory/target},
     * in KiB); the guest gives frames back (or takes them) with memory_op. At most the domain's maximum.
     */
    public void setMemTarget(int caller, Domain d, long mib) {
        require(caller, ControlOp.SETMEMTARGET);
        long maxMiB = d.memory().maxPages() >> 8;
        if (mib < 1 || mib > maxMiB)
            throw new DomainOpException("memory target must be 1 to " + maxMiB + " MiB (the domain's maximum), was " + mib);
        writeNode(d, "memory/target", Long.toString(mib << 10));
        log.xen("balloon target of " + d.describe() + " set to " + mib + " MiB");
    }

    /**
     * xl vcpu-set: as libxl does for a PV domain, writes {@code cpu/N/availability} = online for the first
     * {@code n} vCPUs and offline for the rest; the guest's hotplug watcher brings them up or down (VCPUOP_up/down).
     */
    public void setVcpusOnline(int caller, Domain d, int n) {
        require(caller, ControlOp.SETVCPUONLINE);
        if (n < 1 || n > d.maxVcpus())
            throw new DomainOpException(d.describe() + " has at most " + d.maxVcpus() + " vCPUs (maxvcpus); asked for " + n);
        for (int i = 0; i < d.maxVcpus(); i++) writeNode(d, "cpu/" + i + "/availability", i < n ? "online" : "offline");
        log.xen("vCPUs of " + d.describe() + " set to " + n + " online");
    }

    /** xl dmesg [-c]: the hypervisor's console ring through XEN_SYSCTL_readconsole, as dom0 reads it. */
    public String readConsole(int caller, boolean clear) {
        require(caller, ControlOp.READCONSOLE);
        var r = log.readRing(clear, false, 0, HypervisorLog.CONRING_SIZE);
        return new String(r.bytes(), StandardCharsets.ISO_8859_1);
    }

    private long balloonTargetKiB(Domain d) {
        try {
            byte[] v = domains.xenstore().store().read(0, 0, XenStore.domainPath(d.id()) + "/memory/target");
            return Long.parseLong(new String(v, StandardCharsets.US_ASCII).trim());
        } catch (XsError.XsException | NumberFormatException e) {
            return 0;
        }
    }

    private void writeNode(Domain d, String node, String value) {
        String path = XenStore.domainPath(d.id()) + "/" + node;
        String[] failure = new String[1];
        domains.xenstore().toolstack(xs -> {
            try {
                xs.write(0, 0, path, value.getBytes(StandardCharsets.US_ASCII));
            } catch (XsError.XsException e) {
                failure[0] = e.getMessage();
            }
        });
        if (failure[0] != null) throw new DomainOpException("cannot write " + path + ": " + failure[0]);
    }

    // The guests' side (hypercalls).

    private Optional<Domain> target(long domid) {
        return domid < 0 || domid > 0x7FEF ? Optional.empty() : domains.find(String.valueOf(domid));
    }

    private long act(int caller, ControlOp op, long domid, Consumer<Domain> action) {
        if (!allowed(caller, op)) return -XenErrno.EPERM;
        Optional<Domain> d = target(domid);
        if (d.isEmpty()) return -XenErrno.ESRCH;
        try {
            action.accept(d.get());
            return 0;
        } catch (DomainOpException e) {
            return -XenErrno.EINVAL;
        }
    }

    /**
     * XEN_DOMCTL_pausedomain as Xen's do_domctl: a domain pausing itself is -EINVAL; a 256th nested pause -EOVERFLOW
     * (domain_pause_by_systemcontroller); a domain that cannot be paused (dom0, shut down) -EINVAL.
     */
    @Override
    public long pause(int caller, long domid) {
        if (!allowed(caller, ControlOp.PAUSEDOMAIN)) return -XenErrno.EPERM;
        Optional<Domain> t = target(domid);
        if (t.isEmpty()) return -XenErrno.ESRCH;
        Domain d = t.get();
        if (d.id() == caller) return -XenErrno.EINVAL;
        synchronized (domains) {                       // the table's lock: the count cannot change in between
            if (d.state() == DomainState.PAUSED && d.controllerPauses() >= DomainTable.MAX_CONTROLLER_PAUSES)
                return -XenErrno.EOVERFLOW;
            try {
                domains.pause(d);
                return 0;
            } catch (DomainOpException e) {
                return -XenErrno.EINVAL;
            }
        }
    }

    /** XEN_DOMCTL_unpausedomain: one pause undone; a domain not paused is -EINVAL (domain_unpause_by_systemcontroller). */
    @Override public long unpause(int caller, long domid) { return act(caller, ControlOp.UNPAUSEDOMAIN, domid, domains::unpause); }



    @Override
    public long destroy(int caller, long domid) {
        if (domid == caller) return -XenErrno.EINVAL; // a domain cannot destroy itself from its own vCPU
        return act(caller, ControlOp.DESTROYDOMAIN, domid, domains::destroy);
    }

    @Override
    public long domainInfo(int caller, long domid, DomainInfoOut[] out) {
        if (!allowed(caller, ControlOp.GETDOMAININFO)) return -XenErrno.EPERM;
        Optional<Domain> t = target(domid);
        if (t.isEmpty()) return -XenErrno.ESRCH;
        Domain d = t.get();
        DomainInfo i = d.info();
        long flags = switch (i.state()) {
            case DYING, DEAD -> DOMINF_DYING;
            case PAUSED -> DOMINF_PAUSED;
            case SHUTDOWN, CRASHED -> DOMINF_SHUTDOWN | ((long) (d.shutdownReason() == null ? 0 : d.shutdownReason().code()) << DOMINF_SHUTDOWNSHIFT);
            case ACTIVE -> i.stateFlags().charAt(0) == 'r' ? DOMINF_RUNNING : DOMINF_BLOCKED;
        };
        if (d.config().type() == GuestType.HVM) flags |= DOMINF_HVM;
        int online = 0;
        for (VcpuHandle v : d.vcpus()) if (v.up()) online++;
        out[0] = new DomainInfoOut(d.id(), flags, d.memory().currentReservation(), d.memory().maxPages(),
                d.sharedInfo() >>> 12, (long) (i.cpuSeconds() * 1e9), online, d.maxVcpus() - 1, d.ssidref(), d.handle());
        return 0;
    }

    @Override
    public long schedCredit(int caller, long domid, boolean put, int[] weightCap) {
        if (!allowed(caller, ControlOp.SCHEDULER_OP)) return -XenErrno.EPERM;
        Optional<Domain> d = target(domid);
        if (d.isEmpty()) return -XenErrno.ESRCH;
        if (!put) {
            weightCap[0] = d.get().weight();
            weightCap[1] = d.get().cap();
            return 0;
        }
        try {
            d.get().setScheduling(weightCap[0] == 0 ? d.get().weight() : weightCap[0], weightCap[1]);
            return 0;
        } catch (DomainOpException e) {
            return -XenErrno.EINVAL;
        }
    }

    @Override
    public long schedId(int caller, long[] out) {
        if (!allowed(caller, ControlOp.SCHED_ID)) return -XenErrno.EPERM;
        out[0] = scheduler.equals("credit") ? XEN_SCHEDULER_CREDIT : POLYVISOR_SCHEDULER_RR;
        return 0;
    }

    @Override
    public long physinfo(int caller, long[] out) {
        if (!allowed(caller, ControlOp.PHYSINFO)) return -XenErrno.EPERM;
        out[0] = pcpus;
        out[1] = machine.totalFrames();
        out[2] = machine.totalFrames() - machine.reservedFrames();
        out[3] = 1_000_000; // a nominal 1 GHz: one instruction per nanosecond of virtual time
        return 0;
    }

    @Override public int pcpus() { return pcpus; }

    /** XEN_DOMCTL_CDF_* flags of Xen 4.19 (domctl.h). */
    public static final long CDF_HVM = 1, CDF_HAP = 1 << 1, CDF_S3_INTEGRITY = 1 << 2, CDF_OOS_OFF = 1 << 3, CDF_XS_DOMAIN = 1 << 4,
            CDF_IOMMU = 1 << 5, CDF_NESTED_VIRT = 1 << 6, CDF_VPMU = 1 << 7;
    /**
     * Polyvisor's extension: the new domain's ISA is the one for the ELF e_machine and EI_CLASS given in the domctl
     * (see Domctl). Xen refuses flags it does not know, so a toolstack written for Xen never sets it.
     */
    public static final long CDF_POLYVISOR_ISA = 1L << 31;
    private static final long CDF_KNOWN = CDF_HVM | CDF_HAP | CDF_S3_INTEGRITY | CDF_OOS_OFF | CDF_XS_DOMAIN | CDF_IOMMU
            | CDF_NESTED_VIRT | CDF_VPMU | CDF_POLYVISOR_ISA;
    /** XEN_DOMCTL_GRANT_version_mask: grant_opts' low 4 bits are the highest grant table version the domain may use. */
    private static final long GRANT_VERSION_MASK = 0xF;
    /**
     * The most grant frames a domain may ask for: the frames reserved at the top of its RAM (Xen's own limit is its
     * max_grant_frames option, 64 by default, and it refuses more with -EINVAL as here).
     */
    public static final int MAX_GRANT_FRAMES_LIMIT = GrantTable.MAX_FRAMES;

    /**
     * XEN_DOMCTL_createdomain, checked as Xen's sanitise_domain_config and domain_create check it: unknown flags,
     * HAP on a PV domain, nested virtualisation, an IOMMU, vPMU, vmtrace, a cpupool other than 0, no vCPUs, too many,
     * a grant version other than 1 or 2, or max_grant_frames of 0 or beyond {@link #MAX_GRANT_FRAMES_LIMIT} (negative: the
     * default) are -EINVAL; a requested domid in use is -EEXIST. CDF_hvm makes an HVM domain: its board (the ISA's
     * platform) and vCPUs are made with its RAM at its first max_mem. The domain is empty and paused
     * (DomainTable.createEmpty); its ISA is the caller's unless CDF_POLYVISOR_ISA names another. max_evtchn_port bounds
     * the ports its bindings may take (the hypervisor's own XenStore and console ports, 1 and 2, come first).
     */
    @Override
    public long createDomain(int caller, CreateDomainIn in) {
        if (!allowed(caller, ControlOp.CREATEDOMAIN)) return -XenErrno.EPERM;
        long f = in.flags();
        if ((f & ~CDF_KNOWN) != 0) return -XenErrno.EINVAL;
        boolean hvm = (f & CDF_HVM) != 0;
        // Xen: HAP is for HVM guests only; nested virtualisation, an IOMMU and vPMU are not available here (-EINVAL).
        if ((!hvm && (f & CDF_HAP) != 0) || (f & (CDF_NESTED_VIRT | CDF_IOMMU | CDF_VPMU)) != 0 || in.iommuOpts() != 0) return -XenErrno.EINVAL;
        if (in.vmtraceSize() != 0 || in.cpupoolId() != 0) return -XenErrno.EINVAL;
        if (in.maxVcpus() < 1 || in.maxVcpus() > DomainConfig.MAX_VCPUS) return -XenErrno.EINVAL;
        long version = in.grantOpts() & GRANT_VERSION_MASK;
        if ((in.grantOpts() & ~GRANT_VERSION_MASK) != 0 || version < 1 || version > 2) return -XenErrno.EINVAL;
        if (in.maxGrantFrames() == 0 || in.maxGrantFrames() > MAX_GRANT_FRAMES_LIMIT) return -XenErrno.EINVAL;
        IsaProvider isa;
        if ((f & CDF_POLYVISOR_ISA) != 0) {
            isa = domains.isaForElf(in.elfMachine(), in.elfClass());
            if (isa == null) return -XenErrno.EINVAL;
        } else {
            Optional<Domain> self = domains.find(String.valueOf(caller));
            if (self.isEmpty()) return -XenErrno.ESRCH;
            isa = self.get().isa();
        }
        try {
            Domain d = domains.createEmpty(in.requestedDomid(), false, isa, hvm ? GuestType.HVM : GuestType.PV,
                    (int) in.maxVcpus(), in.maxGrantFrames() < 0 ? -1 : in.maxGrantFrames(),
                    (int) version, in.maxEvtchnPort());
            if (d == null) return -XenErrno.EEXIST;
            d.setIdentity(in.ssidref(), in.handle());
            return d.id();
        } catch (DomainOpException e) {
            log.xen("createdomain for domain " + caller + " failed: " + e.getMessage());
            return -XenErrno.EINVAL;
        } catch (IllegalStateException e) {
            return -XenErrno.ENOMEM; // every domain id is in use
        }
    }

    /**
     * XEN_DOMCTL_max_mem. The first one of a domain made by createdomain gives it its RAM range (max_memkb in whole
     * frames, as Xen rounds; see DomainTable.maxMem); otherwise the ceiling, at most the RAM range. -EINVAL beyond it.
     */
    @Override
    public long maxMem(int caller, long domid, long maxKiB) {
        if (!allowed(caller, ControlOp.MAX_MEM)) return -XenErrno.EPERM;
        Optional<Domain> d = target(domid);
        if (d.isEmpty()) return -XenErrno.ESRCH;
        return maxKiB >= 0 && domains.maxMem(d.get(), maxKiB >>> 2) ? 0 : -XenErrno.EINVAL;
    }

    @Override
    public long maxVcpus(int caller, long domid, long max) {
        return act(caller, ControlOp.MAX_VCPUS, domid, d -> {
            if (max < 1 || max > d.vcpus().size()) throw new DomainOpException("max_vcpus out of range");
            d.setMaxVcpus((int) max);
        });
    }

    @Override
    public long vcpuAffinity(int caller, long domid, long vcpu, Supplier<BitSet> hard, BitSet[] out) {
        if (!allowed(caller, hard == null ? ControlOp.GETVCPUAFFINITY : ControlOp.SETVCPUAFFINITY)) return -XenErrno.EPERM;
        Optional<Domain> t = target(domid);
        if (t.isEmpty()) return -XenErrno.ESRCH;
        if (vcpu < 0 || vcpu >= t.get().maxVcpus()) return -XenErrno.EINVAL;
        VcpuHandle v = t.get().vcpus().get((int) vcpu);
        if (hard != null) {
            BitSet eff = hard.get();
            if (eff.length() > pcpus) eff.clear(pcpus, eff.length());
            if (eff.isEmpty()) return -XenErrno.EINVAL;
            v.pin(eff.cardinality() == pcpus ? null : eff);
        }
        BitSet a = v.affinity();
        if (a == null) {
            a = new BitSet();
            a.set(0, pcpus);
        }
        out[0] = a;
        return 0;
    }

    /** At most this many registers are copied out (a 4 KiB context). */
    private static final int MAX_CONTEXT_REGISTERS = 512;

    /**
     * The vCPU's state as its ISA's vcpu_guest_context when the ISA defines one; otherwise one uint64 per register of
     * the ISA's register set, in the SPI's order (Polyvisor's layout, for ISAs Xen never had a context for).
     */
    @Override
    public long vcpuContext(int caller, int callerVcpu, long domid, long vcpu, ByteOrder order, byte[][] out) {
        if (!allowed(caller, ControlOp.GETVCPUCONTEXT)) return -XenErrno.EPERM;
        Optional<Domain> t = target(domid);
        if (t.isEmpty()) return -XenErrno.ESRCH;
        Domain d = t.get();
        if (vcpu < 0 || vcpu >= d.maxVcpus()) return -XenErrno.ESRCH;
        VcpuHandle v = d.vcpus().get((int) vcpu);
        if (!v.initialised()) return -XenErrno.ENODATA;
        // Xen's getvcpucontext: "if ( v != current ) vcpu_pause(v)", so the registers are read whole.
        boolean self = d.id() == caller && vcpu == callerVcpu;
        if (!self && !domains.pauseVcpu(v)) return -XenErrno.EBUSY;
        try {
            out[0] = storeContext(d, v, order);
            return 0;
        } finally {
            if (!self) domains.unpauseVcpu(v);
        }
    }

    private static byte[] storeContext(Domain d, VcpuHandle v, ByteOrder order) {
        var layout = d.isa().guestContext();
        if (layout.isPresent()) return layout.get().store(v.vcpu());
        var regs = d.isa().registers().all();
        ByteBuffer b = ByteBuffer.allocate(8 * Math.min(regs.size(), MAX_CONTEXT_REGISTERS)).order(order);
        for (int i = 0; i < b.capacity() / 8; i++) {
            var r = regs.get(i);
            long x = v.vcpu().register(r.number());
            b.putLong(8 * i, r.bits() == 64 ? x : x & ((1L << r.bits()) - 1));
        }
        return b.array();
    }

    /**
     * XEN_DOMCTL_setvcpucontext, as Xen's: the caller's own domain, a vCPU beyond the domain's, or an ISA with no
     * vcpu_guest_context is -EINVAL; the context is read from the caller (in the target's ISA's layout, word size and
     * byte order) and loaded with the vCPU paused; a context the ISA refuses is -EINVAL. A null handle resets the vCPU
     * (no context, offline). vCPU 0 of a domain made by createdomain comes online with its context, as libxc's
     * VGCF_online does; other vCPUs wait for VCPUOP_up.
     */
    @Override
    public long setVcpuContext(int caller, long domid, long vcpu, IntFunction<byte[]> read) {
        if (!allowed(caller, ControlOp.SETVCPUCONTEXT)) return -XenErrno.EPERM;
        Optional<Domain> t = target(domid);
        if (t.isEmpty()) return -XenErrno.ESRCH;
        Domain d = t.get();
        if (d.id() == caller || vcpu < 0 || vcpu >= d.vcpus().size()) return -XenErrno.EINVAL;
        var layout = d.isa().guestContext();
        if (layout.isEmpty()) return -XenErrno.EINVAL;
        byte[] context = read == null ? null : read.apply(layout.get().size());
        VcpuHandle v = d.vcpus().get((int) vcpu);
        if (!domains.pauseVcpu(v)) return -XenErrno.EBUSY;
        try {
            return domains.setVcpuContext(v, layout.get(), context) ? 0 : -XenErrno.EINVAL;
        } finally {
            domains.unpauseVcpu(v);
        }
    }

    @Override
    public long domainInfoList(int caller, long first, long max, List<DomainInfoOut> out) {
        if (!allowed(caller, ControlOp.GETDOMAININFOLIST)) return -XenErrno.EPERM;
        for (Domain d : domains.all()) {
            if (d.id() < first) continue;
            if (out.size() >= max) break;
            DomainInfoOut[] one = new DomainInfoOut[1];
            if (domainInfo(0, d.id(), one) == 0) out.add(one[0]);
        }
        return 0;
    }

    @Override
    public long readConsole(int caller, boolean clear, boolean incremental, int index, int max,
                            HypervisorLog.RingRead[] out) {
        if (!allowed(caller, ControlOp.READCONSOLE)) return -XenErrno.EPERM;
        out[0] = log.readRing(clear, incremental, index, max);
        return 0;
    }

}
