package org.polyvisor.kernel.event;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.polyvisor.kernel.hypercall.XenErrno;

/**
 * Every domain's event channels and the operations of EVTCHNOP_* with Xen's semantics and error values.
 * Results are a port number (or 0) on success and a negative Xen errno on failure.
 */
public final class EventHub {
    public static final int DOMID_SELF = 0x7FF0;
    public static final int VIRQ_TIMER = 0, VIRQ_DEBUG = 1, VIRQ_CONSOLE = 2, VIRQ_DOM_EXC = 3, NR_VIRQS = 24;

    private final Map<Integer, EventChannels> domains = new ConcurrentHashMap<>();

    public void register(EventChannels e) { domains.put(e.domainId(), e); }

    /** A domain goes away: its ports close, and interdomain peers become unbound towards it, as in Xen. */
    public synchronized void unregister(int domainId) {
        EventChannels e = domains.remove(domainId);
        if (e == null) return;
        for (int port = 1; e.valid(port); port++) if (e.get(port) != null) close(e, port);
    }

    public EventChannels of(int domainId) { return domains.get(domainId); }

    private int resolve(int caller, long dom) { return dom == DOMID_SELF ? caller : (int) dom; }

    /** EVTCHNOP_alloc_unbound: a port of {@code dom} that {@code remoteDom} may bind to. */
    public synchronized long allocUnbound(int caller, boolean privileged, long dom, long remoteDom) {
        int d = resolve(caller, dom);
        if (d != caller && !privileged) return -XenErrno.EPERM;
        EventChannels e = domains.get(d);
        if (e == null) return -XenErrno.ESRCH;
        int remote = resolve(caller, remoteDom);
        int port = e.allocate(new Port.Unbound(remote, 0));
        return port < 0 ? -XenErrno.ENOSPC : port;
    }

    /** EVTCHNOP_bind_interdomain: connects a new local port to the remote domain's unbound port offered to us. */
    public synchronized long bindInterdomain(int caller, long remoteDom, long remotePort) {
        EventChannels local = domains.get(caller);
        EventChannels remote = domains.get(resolve(caller, remoteDom));
        if (local == null || remote == null) return -XenErrno.ESRCH;
        if (!remote.valid(remotePort)) return -XenErrno.EINVAL;
        if (!(remote.get(remotePort) instanceof Port.Unbound u) || u.remoteDomain() != caller) return -XenErrno.EINVAL;
        int lport = local.allocate(new Port.Interdomain(remote.domainId(), (int) remotePort, 0));
        if (lport < 0) return -XenErrno.ENOSPC;
        remote.set((int) remotePort, new Port.Interdomain(caller, lport, u.vcpu()));
        // Xen marks the new local port pending, so the binder notices a send that raced the bind.
        local.setPending(lport);
        return lport;
    }

    /** EVTCHNOP_bind_virq: a port for a virtual IRQ on a vCPU; global VIRQs bind to vCPU 0 only. */
    public synchronized long bindVirq(int caller, long virq, long vcpu) {
        EventChannels e = domains.get(caller);
        if (e == null) return -XenErrno.ESRCH;
        if (virq < 0 || virq >= NR_VIRQS) return -XenErrno.EINVAL;
        if (virq != VIRQ_TIMER && vcpu != 0) return -XenErrno.EINVAL; // Xen checks this before the vCPU exists
        if (vcpu < 0 || vcpu >= e.vcpus()) return -XenErrno.ENOENT;
        if (e.virqPort((int) virq, (int) vcpu) > 0) return -XenErrno.EEXIST;
        int port = e.allocate(new Port.Virq((int) virq, (int) vcpu));
        return port < 0 ? -XenErrno.ENOSPC : port;
    }

    /** EVTCHNOP_bind_ipi: a port that notifies one of the caller's own vCPUs. */
    public synchronized long bindIpi(int caller, long vcpu) {
        EventChannels e = domains.get(caller);
        if (e == null) return -XenErrno.ESRCH;
        if (vcpu < 0 || vcpu >= e.vcpus()) return -XenErrno.ENOENT;
        int port = e.allocate(new Port.Ipi((int) vcpu));
        return port < 0 ? -XenErrno.ENOSPC : port;
    }

    /** EVTCHNOP_close. */
    public synchronized long close(int caller, long port) {
        EventChannels e = domains.get(caller);
        if (e == null) return -XenErrno.ESRCH;
        if (e.get(port) == null) return -XenErrno.EINVAL;
        close(e, (int) port);
        return 0;
    }

    private void close(EventChannels e, int port) {
        if (e.get(port) instanceof Port.Interdomain i) {
            EventChannels remote = domains.get(i.remoteDomain());
            if (remote != null && remote.get(i.remotePort()) instanceof Port.Interdomain back && back.remotePort() == port)
                remote.set(i.remotePort(), new Port.Unbound(e.domainId(), back.vcpu()));
        }
        e.free(port);
    }

    /** EVTCHNOP_send: notifies the other end; a send on an unbound port is dropped silently, as in Xen. */
    public synchronized long send(int caller, long port) {
        EventChannels e = domains.get(caller);
        if (e == null) return -XenErrno.ESRCH;
        Port p = e.get(port);
        switch (p) {
            case null -> { return -XenErrno.EINVAL; }
            case Port.Interdomain i -> {
                EventChannels remote = domains.get(i.remoteDomain());
                if (remote != null) remote.setPending(i.remotePort());
            }
            case Port.Ipi ipi -> e.setPending((int) port);
            case Port.Service svc -> svc.service().run();
            case Port.Unbound u -> { }
            case Port.Virq v -> { return -XenErrno.EINVAL; }
        }
        return 0;
    }

    /** Binds a port of {@code domainId} to a hypervisor service; returns the port, or -1. */
    public synchronized int bindService(int domainId, Runnable service) {
        EventChannels e = domains.get(domainId);
        return e == null ? -1 : e.allocate(new Port.Service(service, 0));
    }

    /**
     * A dom0 service's xenevtchn_bind_interdomain (xenstored runs in dom0's context, here inside the hypervisor):
     * {@code port} of {@code domainId} must be unbound and offered to dom0; it becomes bound to {@code service},
     * which runs on the domain's sends. Returns the port, -ESRCH for no such domain, -EINVAL otherwise.
     */
    public synchronized long bindDom0Service(int domainId, long port, Runnable service) {
        EventChannels e = domains.get(domainId);
        if (e == null) return -XenErrno.ESRCH;
        if (!(e.get(port) instanceof Port.Unbound u) || u.remoteDomain() != 0) return -XenErrno.EINVAL;
        e.set((int) port, new Port.Service(service, u.vcpu()));
        return port;
    }

    /** The dom0 service closes its end (xenevtchn_unbind): the domain's port is unbound again, offered to dom0. */
    public synchronized void unbindDom0Service(int domainId, int port) {
        EventChannels e = domains.get(domainId);
        if (e != null && e.get(port) instanceof Port.Service s) e.set(port, new Port.Unbound(0, s.vcpu()));
    }

    /** The service side signals its port of a domain (a reply is in the ring). */
    public synchronized void notify(int domainId, int port) {
        EventChannels e = domains.get(domainId);
        if (e != null && e.get(port) instanceof Port.Service) e.setPending(port);
    }

    /** EVTCHNOP_unmask. */
    public synchronized long unmask(int caller, long port) {
        EventChannels e = domains.get(caller);
        if (e == null) return -XenErrno.ESRCH;
        if (e.get(port) == null) return -XenErrno.EINVAL;
        e.unmask((int) port);
        return 0;
    }

    /** EVTCHNOP_bind_vcpu: which vCPU a port notifies; only VIRQ_TIMER-like per-vCPU VIRQs cannot move. */
    public synchronized long bindVcpu(int caller, long port, long vcpu) {
        EventChannels e = domains.get(caller);
        if (e == null) return -XenErrno.ESRCH;
        Port p = e.get(port);
        if (p == null) return -XenErrno.EINVAL;
        if (vcpu < 0 || vcpu >= e.vcpus()) return -XenErrno.ENOENT;
        if (p instanceof Port.Virq v && v.virq() == VIRQ_TIMER) return -XenErrno.EINVAL;
        e.set((int) port, p.withVcpu((int) vcpu));
        return 0;
    }

    /** EVTCHNOP_status: the binding of a port of {@code dom} (another domain's needs privilege). */
    public synchronized Port status(int caller, boolean privileged, long dom, long port, long[] error) {
        int d = resolve(caller, dom);
        if (d != caller && !privileged) { error[0] = -XenErrno.EPERM; return null; }
        EventChannels e = domains.get(d);
        if (e == null) { error[0] = -XenErrno.ESRCH; return null; }
        if (!e.valid(port)) { error[0] = -XenErrno.EINVAL; return null; }
        error[0] = 0;
        return e.get(port);
    }

    /** EVTCHNOP_reset: closes every port of {@code dom}. */
    public synchronized long reset(int caller, boolean privileged, long dom) {
        int d = resolve(caller, dom);
        if (d != caller && !privileged) return -XenErrno.EPERM;
        EventChannels e = domains.get(d);
        if (e == null) return -XenErrno.ESRCH;
        for (int port = 1; e.valid(port); port++) if (e.get(port) != null) close(e, port);
        return 0;
    }

    /** The hypervisor raises a VIRQ for a domain (VIRQ_DOM_EXC to dom0 when a domain dies, ...). */
    public synchronized void raiseVirq(int domainId, int virq, int vcpu) {
        EventChannels e = domains.get(domainId);
        if (e == null) return;
        int port = e.virqPort(virq, vcpu);
        if (port > 0) e.setPending(port);
    }
}
