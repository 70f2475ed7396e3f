package org.polyvisor.kernel.hypercall;

/**
 * vcpu_op (24), the sub-ops that need no architecture-specific context: up (1), down (2), is_up (3),
 * get_runstate_info (4) with {@code struct vcpu_runstate_info { int state; uint64_t state_entry_time;
 * uint64_t time[4]; }} (running, runnable, blocked, offline; times in ns of virtual time). initialise (0), which
 * takes each architecture's vcpu_guest_context, is not implemented yet, so a vCPU that was never running cannot
 * be brought up: -EINVAL, as Xen answers for an uninitialised vCPU.
 */
public final class VcpuOp implements HypercallHandler {
    public static final int INITIALISE = 0, UP = 1, DOWN = 2, IS_UP = 3, GET_RUNSTATE_INFO = 4;
    public static final int RUNSTATE_RUNNING = 0, RUNSTATE_RUNNABLE = 1, RUNSTATE_BLOCKED = 2, RUNSTATE_OFFLINE = 3;

    /** What vcpu_op may do to the caller's own vCPUs. */
    public interface Vcpus {
        int count();

        boolean isUp(int vcpu);

        /** Brings an initialised vCPU up; false when it was never initialised. */
        boolean up(int vcpu);

        void down(int vcpu);

        /** {state, running ns, runnable ns, blocked ns, offline ns}. */
        long[] runstate(int vcpu);
    }

    @Override
    public long handle(HypercallCall call) {
        long cmd = call.arg(0), id = call.arg(1);
        Vcpus v = call.vcpus();
        if (id < 0 || id >= v.count()) return -XenErrno.ENOENT;
        int n = (int) id;
        if (cmd == IS_UP) return v.isUp(n) ? 1 : 0;
        if (cmd == DOWN) {
            v.down(n);
            return 0;
        }
        if (cmd == UP) return v.isUp(n) ? 0 : v.up(n) ? 0 : -XenErrno.EINVAL;
        if (cmd == GET_RUNSTATE_INFO) {
            long[] r = v.runstate(n);
            long at = call.arg(2);
            GuestPointers m = call.memory();
            m.writeU32(at, r[0]);
            m.writeU32(at + 4, 0);
            m.writeU64(at + 8, call.now());
            for (int i = 0; i < 4; i++) m.writeU64(at + 16 + 8L * i, r[1 + i]);
            return 0;
        }
        if (cmd == INITIALISE) return -XenErrno.ENOSYS;
        return -XenErrno.ENOSYS;
    }
}
