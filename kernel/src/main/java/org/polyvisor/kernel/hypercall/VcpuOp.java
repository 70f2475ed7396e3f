package org.polyvisor.kernel.hypercall;

import org.polyvisor.spi.GuestContext;
import org.polyvisor.spi.GuestMemory;

/**
 * vcpu_op (24), the sub-ops that need no architecture-specific context:
 * <ul>
 * <li>up (1), down (2), is_up (3), get_runstate_info (4) with {@code struct vcpu_runstate_info { int state;
 *     uint64_t state_entry_time; uint64_t time[4]; }} (running, runnable, blocked, offline; ns of virtual time);</li>
 * <li>set_periodic_timer (6) with {@code struct vcpu_set_periodic_timer { uint64_t period_ns; }} (1 ms to
 *     STIME_DELTA_MAX, else -EINVAL; any vCPU of the domain) and stop_periodic_timer (7): VIRQ_TIMER every period;</li>
 * <li>set_singleshot_timer (8) with {@code struct vcpu_set_singleshot_timer { uint64_t timeout_abs_ns; uint32_t
 *     flags; }} (VCPU_SSHOTTMR_future: -ETIME for a time already past; the timer set_timer_op also uses) and
 *     stop_singleshot_timer (9), both for the calling vCPU only (-EINVAL otherwise, as in Xen);</li>
 * <li>register_vcpu_info (10) with {@code struct vcpu_register_vcpu_info { uint64_t mfn; uint32_t offset;
 *     uint32_t rsvd; }}: moves the vCPU's vcpu_info to that guest frame (the caller's own vCPU, or another that is
 *     down; once; -ENXIO for an offset without room or alignment); upcall_pending, pending_sel and the upcall mask
 *     are kept there from then on;</li>
 * <li>get_physid (12): -EINVAL, which vcpu.h documents for "not a valid operation for this VCPU": Polyvisor's
 *     pCPUs are host threads with no physical processor (APIC/ACPI) ids to report.</li>
 * </ul>
 * and initialise (0) with the ISA's {@code struct vcpu_guest_context} (its {@link GuestContext}):
 * a vCPU that never ran gets its first state from it, so an SMP PV guest can bring up its secondaries with up (1).
 * -EEXIST for a vCPU that was already initialised (as in Xen, going down does not undo it), -EINVAL for a context the
 * ISA refuses, -ENOSYS for an ISA without a context layout; up of a vCPU never initialised is -EINVAL, as in Xen.
 */
public final class VcpuOp implements HypercallHandler {
    public static final int INITIALISE = 0, UP = 1, DOWN = 2, IS_UP = 3, GET_RUNSTATE_INFO = 4, SET_PERIODIC_TIMER = 6,
            STOP_PERIODIC_TIMER = 7, SET_SINGLESHOT_TIMER = 8, STOP_SINGLESHOT_TIMER = 9, REGISTER_VCPU_INFO = 10, GET_PHYSID = 12;
    public static final int VCPU_SSHOTTMR_FUTURE = 1;
    /** Xen's STIME_DELTA_MAX: the longest period a periodic timer may have. */
    static final long STIME_DELTA_MAX = -1L >>> 2, MIN_PERIOD = 1_000_000;
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

        /** VCPUOP_set_periodic_timer (period &gt; 0) or stop_periodic_timer (0). */
        void setPeriodic(int vcpu, long periodNs);

        /** sizeof(vcpu_guest_context) for the domain's ISA, or 0 when it has no context layout. */
        int contextSize();

        /** VCPUOP_initialise with the context's bytes: 0, -EEXIST or -EINVAL. */
        long initialise(int vcpu, byte[] context);

        /** Tells the vCPU its vcpu_info now lives at guest-physical {@code address} ({@code Vcpu.vcpuInfoMoved}). */
        default void vcpuInfoMoved(int vcpu, long address) { }
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
        if (cmd == SET_PERIODIC_TIMER) {
            long period = call.memory().readU64(call.arg(2));
            if (period < MIN_PERIOD || period > STIME_DELTA_MAX) return -XenErrno.EINVAL;
            v.setPeriodic(n, period);
            return 0;
        }
        if (cmd == STOP_PERIODIC_TIMER) {
            v.setPeriodic(n, 0);
            return 0;
        }
        if (cmd == SET_SINGLESHOT_TIMER) {
            if (n != call.vcpuId()) return -XenErrno.EINVAL;
            long at = call.arg(2);
            long timeout = call.memory().readU64(at), flags = call.memory().readU32(at + 8);
            if ((flags & VCPU_SSHOTTMR_FUTURE) != 0 && timeout < call.now()) return -XenErrno.ETIME;
            call.setTimer(Math.max(timeout, 0));
            return 0;
        }
        if (cmd == STOP_SINGLESHOT_TIMER) {
            if (n != call.vcpuId()) return -XenErrno.EINVAL;
            call.setTimer(-1);
            return 0;
        }
        if (cmd == REGISTER_VCPU_INFO) {
            long at = call.arg(2);
            long gfn = call.memory().readU64(at), offset = call.memory().readU32(at + 8);
            if (n != call.vcpuId() && v.isUp(n)) return -XenErrno.EINVAL;   // itself, or another that is down
            var ec = call.events().of(call.domainId());
            int rc = ec == null ? -XenErrno.EINVAL : ec.registerVcpuInfo(n, gfn, offset);
            if (rc == 0) v.vcpuInfoMoved(n, (gfn << GuestMemory.PAGE_SHIFT) + offset);
            return rc;
        }
        if (cmd == GET_PHYSID) return -XenErrno.EINVAL;
        if (cmd == INITIALISE) {
            int size = v.contextSize();
            if (size == 0) return -XenErrno.ENOSYS;
            return v.initialise(n, call.memory().read(call.arg(2), size));
        }
        return -XenErrno.ENOSYS;
    }
}
