package org.polyvisor.kernel.hypercall;

import java.util.Map;

/** Routes a hypercall to its handler by Xen's number. Unknown ones answer -ENOSYS and the guest goes on. */
public final class HypercallDispatcher {
    private final Map<Integer, HypercallHandler> handlers;

    /** @param memories how memory_op finds a domain's memory */
    public HypercallDispatcher(MemoryOp.Memories memories) {
        handlers = Map.of(
            HypercallNumbers.MEMORY_OP, new MemoryOp(memories),
            HypercallNumbers.SET_TIMER_OP, new SetTimerOp(),
            HypercallNumbers.VCPU_OP, new VcpuOp(),
            HypercallNumbers.XEN_VERSION, new XenVersion(),
            HypercallNumbers.CONSOLE_IO, new ConsoleIo(),
            HypercallNumbers.SCHED_OP, new SchedOp(),
            HypercallNumbers.EVENT_CHANNEL_OP, new EventChannelOp(),
            HypercallNumbers.GRANT_TABLE_OP, new GrantTableOp(),
            HypercallNumbers.SYSCTL, new Sysctl(),
            HypercallNumbers.DOMCTL, new Domctl());
    }

    public long dispatch(HypercallCall call) {
        long op = call.op();
        HypercallHandler h = op >= 0 && op < 64 ? handlers.get((int) op) : null;
        if (h == null) {
            call.logOnce("enosys-" + op, "d" + call.domainId() + ": " + HypercallNumbers.name(op) + " (" + op
                    + ") is not implemented: -ENOSYS");
            return -XenErrno.ENOSYS;
        }
        try {
            return h.handle(call);
        } catch (GuestPointers.BadGuestPointer e) {
            return -XenErrno.EFAULT;
        }
    }
}
