package org.polyvisor.kernel.event;

/** What an event channel port is bound to (EVTCHNSTAT_*), with the vCPU it notifies. */
public sealed interface Port {
    int CLOSED = 0, UNBOUND = 1, INTERDOMAIN = 2, PIRQ = 3, VIRQ = 4, IPI = 5;

    int vcpu();

    Port withVcpu(int vcpu);

    int status();

    /** Allocated for {@code remoteDomain} to bind to. */
    record Unbound(int remoteDomain, int vcpu) implements Port {
        public Port withVcpu(int v) { return new Unbound(remoteDomain, v); }
        public int status() { return UNBOUND; }
    }

    /** Connected to a port of another (or the same) domain. */
    record Interdomain(int remoteDomain, int remotePort, int vcpu) implements Port {
        public Port withVcpu(int v) { return new Interdomain(remoteDomain, remotePort, v); }
        public int status() { return INTERDOMAIN; }
    }

    /** A virtual IRQ of the hypervisor (VIRQ_TIMER 0, VIRQ_DEBUG 1, VIRQ_CONSOLE 2, VIRQ_DOM_EXC 3...). */
    record Virq(int virq, int vcpu) implements Port {
        public Port withVcpu(int v) { return new Virq(virq, v); }
        public int status() { return VIRQ; }
    }

    /**
     * Connected to a service the hypervisor runs for dom0 (the XenStore daemon): a guest sees an interdomain
     * channel to domain 0, and a send reaches {@code service}.
     */
    record Service(Runnable service, int vcpu) implements Port {
        public Port withVcpu(int v) { return new Service(service, v); }
        public int status() { return INTERDOMAIN; }
    }

    /** An inter-processor interrupt between the domain's own vCPUs. */
    record Ipi(int vcpu) implements Port {
        public Port withVcpu(int v) { return new Ipi(v); }
        public int status() { return IPI; }
    }
}
