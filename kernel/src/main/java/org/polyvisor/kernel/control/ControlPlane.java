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
    private volatile XsmPolicy policy = XsmPolicy.dom0Only();

    public ControlPlane(DomainTable domains, MachineMemory machine, String scheduler, int pcpus) {
        this.domains = domains;
        this.machine = machine;
        this.scheduler = scheduler;
        this.pcpus = pcpus;
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

    public Domain create(int caller, DomainConfig config) throws DomainCreateException {
        require(caller, ControlOp.CREATEDOMAIN);
        return domains.create(config);
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
    public void pin(int caller, Domain d, int vcpu, java.util.BitSet pcpus) {
        require(caller, ControlOp.SETVCPUAFFINITY);
        if (vcpu < 0 || vcpu >= d.vcpus().size()) throw new DomainOpException(d.describe() + " has no vCPU " + vcpu);
        if (pcpus != null && (pcpus.isEmpty() || pcpus.nextSetBit(0) >= this.pcpus))
            throw new DomainOpException("no pCPU in that set: this host has pCPUs 0-" + (this.pcpus - 1));
        d.vcpus().get(vcpu).pin(pcpus);
    }

    /** xl rename. */
    public void rename(int caller, Domain d, String name) { require(caller, ControlOp.RENAMEDOMAIN); domains.rename(d, name); }

    // The guests' side (hypercalls).

    private Optional<Domain> target(long domid) {
        return domid < 0 || domid > 0x7FEF ? Optional.empty() : domains.find(String.valueOf(domid));
    }

    private long act(int caller, ControlOp op, long domid, java.util.function.Consumer<Domain> action) {
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

    @Override public long pause(int caller, long domid) { return act(caller, ControlOp.PAUSEDOMAIN, domid, domains::pause); }

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
        if (d.config().type() == org.polyvisor.spi.GuestType.HVM) flags |= DOMINF_HVM;
        int online = 0;
        for (VcpuHandle v : d.vcpus()) if (v.up()) online++;
        out[0] = new DomainInfoOut(d.id(), flags, d.memory().populatedPages(), d.memory().nrPages(),
                d.sharedInfo() >>> 12, (long) (i.cpuSeconds() * 1e9), online, d.vcpus().size() - 1);
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

}
