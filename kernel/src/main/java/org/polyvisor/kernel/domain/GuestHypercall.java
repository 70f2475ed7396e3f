package org.polyvisor.kernel.domain;

import org.polyvisor.kernel.console.ConsoleInputRing;
import org.polyvisor.kernel.hypercall.GuestPointers;
import org.polyvisor.kernel.hypercall.HypercallCall;
import org.polyvisor.spi.ShutdownReason;
import java.nio.ByteOrder;
import java.util.List;
import org.polyvisor.kernel.event.EventHub;
import org.polyvisor.kernel.event.SharedInfoLayout;
import org.polyvisor.kernel.grant.GrantHub;
import org.polyvisor.kernel.hypercall.ControlService;
import org.polyvisor.kernel.hypercall.HvmParams;
import org.polyvisor.kernel.hypercall.VcpuOp;
import org.polyvisor.kernel.hypercall.XenErrno;
import org.polyvisor.spi.GuestContext;
import org.polyvisor.spi.GuestMemoryFault;

/** A hypercall made by one vCPU of one domain, with the hypervisor services its handlers may use. */
final class GuestHypercall implements HypercallCall {
    private final VcpuHandle vcpu;
    private final DomainTable domains;
    private final long op;
    private final long[] args;
    private final GuestPointers memory;

    private final ControlService control;

    GuestHypercall(VcpuHandle vcpu, DomainTable domains, ControlService control, long op, long[] args) {
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
    @Override public ConsoleInputRing consoleInput() { return privileged() ? domains.consoleInput() : null; }

    @Override public void yieldVcpu() { vcpu.requestYield(); }

    @Override public int vcpuId() { return vcpu.vcpuId(); }

    @Override
    public VcpuOp.Vcpus vcpus() {
        List<VcpuHandle> all = vcpu.domain().vcpus();
        return new VcpuOp.Vcpus() {
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
            public int contextSize() { return vcpu.domain().isa().guestContext().map(GuestContext::size).orElse(0); }

            @Override
            public long initialise(int n, byte[] context) {
                VcpuHandle v = all.get(n);
                var layout = vcpu.domain().isa().guestContext().orElseThrow();
                synchronized (v) {
                    if (v.initialised()) return -XenErrno.EEXIST;
                    String refused = layout.load(context, v.vcpu());
                    if (refused != null) {
                        vcpu.domain().logOnce("initialise-" + n, vcpu.domain().describe() + ": VCPUOP_initialise of vCPU " + n + " refused: " + refused);
                        return -XenErrno.EINVAL;
                    }
                    v.markInitialised();
                }
                return 0;
            }

            @Override
            public void vcpuInfoMoved(int n, long address) { all.get(n).vcpu().vcpuInfoMoved(address); }

            @Override
            public long[] runstate(int n) {
                VcpuHandle v = all.get(n);
                int state = !v.up() ? VcpuOp.RUNSTATE_OFFLINE
                        : v.onCpu() ? VcpuOp.RUNSTATE_RUNNING
                        : v.blocked() ? VcpuOp.RUNSTATE_BLOCKED
                        : VcpuOp.RUNSTATE_RUNNABLE;
                return new long[] {state, v.vcpu().retired(), 0, v.blockedTotal(), 0};
            }
        };
    }

    @Override public int wordBits() { return vcpu.domain().isa().wordBits(); }

    @Override public ByteOrder byteOrder() { return vcpu.domain().isa().byteOrder(); }

    @Override public EventHub events() { return domains.events(); }

    @Override public GrantHub grants() { return domains.grants(); }

    @Override public ControlService control() { return control; }

    @Override
    public void blockVcpu() {
        var ec = vcpu.domain().events();
        int id = vcpu.vcpuId();
        // Xen's do_block: enable event delivery, block, then look again so that an event that raced us is not lost.
        try {
            vcpu.domain().memory().write(ec.vcpuInfoAddress(id) + SharedInfoLayout.UPCALL_MASK, 1, 0);
        } catch (GuestMemoryFault e) {
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
        return vcpu.blocked() || vcpu.yieldPending() || vcpu.domain().state() != DomainState.ACTIVE;
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
    public HvmParams hvmParams(int domid) {
        return domains.find(String.valueOf(domid)).map(Domain::hvmParams).orElse(null);
    }
}
