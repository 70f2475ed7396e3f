package org.polyvisor.kernel.hypercall;

import org.polyvisor.spi.ShutdownReason;

/** sched_op (29): yield (0), block (1), shutdown (2) with {@code struct sched_shutdown { unsigned int reason; }}. */
public final class SchedOp implements HypercallHandler {
    public static final int SCHEDOP_YIELD = 0, SCHEDOP_BLOCK = 1, SCHEDOP_SHUTDOWN = 2;

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
        return -XenErrno.ENOSYS;
    }
}
