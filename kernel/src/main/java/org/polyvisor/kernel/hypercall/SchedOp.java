package org.polyvisor.kernel.hypercall;

import org.polyvisor.spi.ShutdownReason;

/**
 * sched_op (29): yield (0), block (1), shutdown (2) with {@code struct sched_shutdown { unsigned int reason; }},
 * poll (3) with {@code struct sched_poll { XEN_GUEST_HANDLE(evtchn_port_t) ports; unsigned int nr_ports;
 * uint64_t timeout; }} where timeout is an absolute system time (0: none), watchdog (6) with {@code struct
 * sched_watchdog { uint32_t id; uint32_t timeout; }} (seconds of the domain's time; id 0 creates and returns the
 * new id, timeout 0 destroys; -ENOSPC when both of the domain's timers are in use, -EINVAL for an unknown id).
 * SHUTDOWN_watchdog, from shutdown or a timer that came due, leads to the domain's on_watchdog action.
 */
public final class SchedOp implements HypercallHandler {
    public static final int SCHEDOP_YIELD = 0, SCHEDOP_BLOCK = 1, SCHEDOP_SHUTDOWN = 2, SCHEDOP_POLL = 3, SCHEDOP_WATCHDOG = 6;
    /** Ports one poll may name; Xen bounds it by the domain's port count. */
    static final int MAX_POLL_PORTS = 128;

    @Override
    public long handle(HypercallCall call) {
        long cmd = call.arg(0);
        if (cmd == SCHEDOP_YIELD) {
            call.yieldVcpu();
            return 0;
        }
        if (cmd == SCHEDOP_BLOCK) {
            call.blockVcpu();
            return 0;
        }
        if (cmd == SCHEDOP_SHUTDOWN) {
            long reason = call.memory().readU32(call.arg(1));
            if (ShutdownReason.ofCode(reason) == null) return -XenErrno.EINVAL;
            call.shutdownDomain((int) reason);
            return 0;
        }
        if (cmd == SCHEDOP_WATCHDOG) {
            long at = call.arg(1);
            return call.watchdog(call.memory().readU32(at), call.memory().readU32(at + 4));
        }
        if (cmd == SCHEDOP_POLL) {
            boolean wide = call.wordBits() == 64;
            long at = call.arg(1);
            long portsPtr = call.memory().readWord(at, wide ? 8 : 4);
            long nr = call.memory().readU32(at + (wide ? 8 : 4));
            long timeout = call.memory().readU64(at + (wide ? 16 : 8));
            if (nr > MAX_POLL_PORTS) return -XenErrno.EINVAL;
            int[] ports = new int[(int) nr];
            for (int i = 0; i < nr; i++) {
                long p = call.memory().readU32(portsPtr + 4L * i);
                if (call.events().of(call.domainId()) == null || !call.events().of(call.domainId()).valid(p)) return -XenErrno.EINVAL;
                ports[i] = (int) p;
            }
            call.pollVcpu(ports, timeout == 0 ? -1 : timeout);
            return 0;
        }
        return -XenErrno.ENOSYS;
    }

}
