package org.polyvisor.kernel.domain;

import org.polyvisor.kernel.hypercall.GuestPointers;
import org.polyvisor.kernel.hypercall.HypercallCall;
import org.polyvisor.spi.ShutdownReason;

/** A hypercall made by one vCPU of one domain, with the hypervisor services its handlers may use. */
final class GuestHypercall implements HypercallCall {
    private final VcpuHandle vcpu;
    private final DomainTable domains;
    private final long op;
    private final long[] args;
    private final GuestPointers memory;

    GuestHypercall(VcpuHandle vcpu, DomainTable domains, long op, long[] args) {
        this.vcpu = vcpu;
        this.domains = domains;
        this.op = op;
        this.args = args;
        this.memory = new GuestPointers(vcpu.vcpu(), vcpu.domain().memory());
    }

    @Override public long op() { return op; }

    @Override public long arg(int index) { return args[index]; }

    @Override public int domainId() { return vcpu.domain().id(); }

    @Override public boolean privileged() { return vcpu.domain().privileged(); }

    @Override public GuestPointers memory() { return memory; }

    @Override public void consoleWrite(byte[] bytes) { vcpu.domain().consoleWrite(bytes); }

    @Override public void yieldVcpu() { vcpu.requestYield(); }

    @Override public void blockVcpu() { vcpu.block(); }

    @Override public void shutdownDomain(int reason) { domains.shutdown(vcpu.domain(), ShutdownReason.ofCode(reason)); }

    @Override public void logOnce(String key, String message) { vcpu.domain().logOnce(key, message); }
}
