package org.polyvisor.kernel.hypercall;

import java.util.Map;
import org.polyvisor.kernel.mem.ForeignMappings;
import org.polyvisor.spi.Vcpu;

/**
 * Routes a hypercall to its handler by Xen's number. A number the kernel has no handler for goes to the calling
 * vCPU's ISA (Vcpu.archHypercall: x86 PV's MMU and trap hypercalls); one neither knows answers -ENOSYS and the guest
 * goes on.
 */
public final class HypercallDispatcher {
    private final Map<Integer, HypercallHandler> handlers;

    /** @param memories how memory_op finds a domain's memory */
    public HypercallDispatcher(MemoryOp.Memories memories) { this(memories, new ForeignMappings()); }

    /**
     * @param memories how memory_op finds a domain's memory
     * @param foreign  the foreign mappings between domains (XENMAPSPACE_gmfn_foreign)
     */
    public HypercallDispatcher(MemoryOp.Memories memories, ForeignMappings foreign) {
        handlers = Map.ofEntries(
            Map.entry(HypercallNumbers.MEMORY_OP, new MemoryOp(memories, foreign)),
            Map.entry(HypercallNumbers.MULTICALL, new Multicall(this::dispatch)),
            Map.entry(HypercallNumbers.SET_TIMER_OP, new SetTimerOp()),
            Map.entry(HypercallNumbers.VCPU_OP, new VcpuOp()),
            Map.entry(HypercallNumbers.XEN_VERSION, new XenVersion()),
            Map.entry(HypercallNumbers.CONSOLE_IO, new ConsoleIo()),
            Map.entry(HypercallNumbers.SCHED_OP, new SchedOp()),
            Map.entry(HypercallNumbers.EVENT_CHANNEL_OP, new EventChannelOp()),
            Map.entry(HypercallNumbers.GRANT_TABLE_OP, new GrantTableOp()),
            Map.entry(HypercallNumbers.SYSCTL, new Sysctl()),
            Map.entry(HypercallNumbers.DOMCTL, new Domctl()),
            Map.entry(HypercallNumbers.HVM_OP, new HvmOp()));
    }

    public long dispatch(HypercallCall call) {
        long op = call.op();
        HypercallHandler h = op >= 0 && op < 64 ? handlers.get((int) op) : null;
        if (h == null) {
            long arch = call.archHypercall(op, new long[] {call.arg(0), call.arg(1), call.arg(2), call.arg(3), call.arg(4)});
            if (arch != Vcpu.NOT_ARCH) return arch;
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
