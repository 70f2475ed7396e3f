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

    private final org.polyvisor.kernel.hypercall.ControlService control;

    GuestHypercall(VcpuHandle vcpu, DomainTable domains, org.polyvisor.kernel.hypercall.ControlService control, long op, long[] args) {
        this.control = control;
        this.vcpu = vcpu;
        this.domains = domains;
        this.op = op;
        this.args = args;
        this.memory = new GuestPointers(vcpu.vcpu(), vcpu.domain().memory());
    }

    @Override public long op() { return op; }

    @Override public long arg(int index) { return args[index]; }

    @Override public long archHypercall(long op, long[] args) { return vcpu.vcpu().archHypercall(op, args); }

    @Override public int domainId() { return vcpu.domain().id(); }

    @Override public boolean privileged() { return vcpu.domain().privileged(); }

    @Override public GuestPointers memory() { return memory; }

    @Override public void consoleWrite(byte[] bytes) { vcpu.domain().consoleWrite(bytes); }

    @Override public void yieldVcpu() { vcpu.requestYield(); }

    @Override public int vcpuId() { return vcpu.vcpuId(); }

    @Override
    public org.polyvisor.kernel.hypercall.VcpuOp.Vcpus vcpus() {
        java.util.List<VcpuHandle> all = vcpu.domain().vcpus();
        return new org.polyvisor.kernel.hypercall.VcpuOp.Vcpus() {
            @Override public int count() { return Math.min(all.size(), vcpu.domain().maxVcpus()); }

            @Override public boolean isUp(int n) { return all.get(n).up(); }

            @Override
            public boolean up(int n) {
                VcpuHandle v = all.get(n);
                if (!v.initialised()) return false;
                v.setUp(true);
                domains.wakeVcpu(v);
                return true;
            }

            @Override
            public void down(int n) {
                all.get(n).setUp(false);
                if (all.get(n) == vcpu) vcpu.requestYield();
            }

            @Override
            public void setPeriodic(int n, long period) {
                VcpuHandle v = all.get(n);
                v.setPeriodic(period, v.virtualNanos());
            }

            @Override
            public int contextSize() { return vcpu.domain().isa().guestContext().map(org.polyvisor.spi.GuestContext::size).orElse(0); }

            @Override
            public long initialise(int n, byte[] context) {
                VcpuHandle v = all.get(n);
                var layout = vcpu.domain().isa().guestContext().orElseThrow();
                synchronized (v) {
                    if (v.initialised()) return -org.polyvisor.kernel.hypercall.XenErrno.EEXIST;
                    String refused = layout.load(context, v.vcpu());
                    if (refused != null) {
                        vcpu.domain().logOnce("initialise-" + n, vcpu.domain().describe() + ": VCPUOP_initialise of vCPU " + n + " refused: " + refused);
                        return -org.polyvisor.kernel.hypercall.XenErrno.EINVAL;
                    }
                    v.markInitialised();
                }
                return 0;
            }

            @Override
            public long[] runstate(int n) {
                VcpuHandle v = all.get(n);
                int state = !v.up() ? org.polyvisor.kernel.hypercall.VcpuOp.RUNSTATE_OFFLINE
                        : v.onCpu() ? org.polyvisor.kernel.hypercall.VcpuOp.RUNSTATE_RUNNING
                        : v.blocked() ? org.polyvisor.kernel.hypercall.VcpuOp.RUNSTATE_BLOCKED
                        : org.polyvisor.kernel.hypercall.VcpuOp.RUNSTATE_RUNNABLE;
                return new long[] {state, v.vcpu().retired(), 0, v.blockedTotal(), 0};
            }
        };
    }

    @Override public int wordBits() { return vcpu.domain().isa().wordBits(); }

    @Override public java.nio.ByteOrder byteOrder() { return vcpu.domain().isa().byteOrder(); }

    @Override public org.polyvisor.kernel.event.EventHub events() { return domains.events(); }

    @Override public org.polyvisor.kernel.grant.GrantHub grants() { return domains.grants(); }

    @Override public org.polyvisor.kernel.hypercall.ControlService control() { return control; }

    @Override
    public void blockVcpu() {
        var ec = vcpu.domain().events();
        int id = vcpu.vcpuId();
        // Xen's do_block: enable event delivery, block, then look again so that an event that raced us is not lost.
        try {
            vcpu.domain().memory().write(ec.vcpuInfoAddress(id) + org.polyvisor.kernel.event.SharedInfoLayout.UPCALL_MASK, 1, 0);
        } catch (org.polyvisor.spi.GuestMemoryFault e) {
            // its registered vcpu_info frame is gone: nothing to unmask
        }
        vcpu.block();
        if (ec.deliverable(id)) vcpu.unblock();
    }

    @Override public long now() { return vcpu.virtualNanos(); }

    @Override
    public void setTimer(long deadline) {
        vcpu.setTimer(deadline);
        if (deadline >= 0 && vcpu.virtualNanos() >= deadline) domains.fireTimers(vcpu.domain(), vcpu);
    }

    @Override
    public void pollVcpu(int[] ports, long deadline) {
        var ec = vcpu.domain().events();
        vcpu.poll(ports);
        vcpu.setPollDeadline(deadline);
        if (deadline >= 0 && vcpu.virtualNanos() >= deadline) { vcpu.unblock(); return; }
        for (int p : ports) if (ec.pending(p)) { vcpu.unblock(); return; }
        if (ports.length == 0) vcpu.unblock();
    }

    @Override public long watchdog(long id, long timeoutSeconds) { return vcpu.domain().watchdogs().op(id, timeoutSeconds, vcpu.domain().virtualNanos()); }

    @Override public void shutdownDomain(int reason) { domains.shutdown(vcpu.domain(), ShutdownReason.ofCode(reason)); }

    @Override public void logOnce(String key, String message) { vcpu.domain().logOnce(key, message); }

    @Override public HypercallCall subCall(long subOp, long[] subArgs) { return new GuestHypercall(vcpu, domains, control, subOp, subArgs); }

    @Override
    public boolean preempted() {
        return vcpu.blocked() || vcpu.yieldPending() || vcpu.domain().state() != org.polyvisor.kernel.domain.DomainState.ACTIVE;
    }

    @Override
    public void continueWith(long nextOp, long[] nextArgs) {
        long[] c = new long[1 + nextArgs.length];
        c[0] = nextOp;
        System.arraycopy(nextArgs, 0, c, 1, nextArgs.length);
        vcpu.setContinuation(c);
    }

    @Override
    public boolean domainExists(int domid) { return domains.find(String.valueOf(domid)).isPresent(); }

    @Override
    public org.polyvisor.kernel.hypercall.HvmParams hvmParams(int domid) {
        return domains.find(String.valueOf(domid)).map(Domain::hvmParams).orElse(null);
    }
}
