package org.polyvisor.kernel.hypercall;

/**
 * set_timer_op (15): a one-shot timer at an absolute system time in nanoseconds (Xen's s_time_t); 0 cancels it.
 * 64-bit guests pass the time in one argument, 32-bit guests in two (low word, high word), as Xen's x86_32 ABI.
 * When it comes due the vCPU gets VIRQ_TIMER.
 */
public final class SetTimerOp implements HypercallHandler {
    @Override
    public long handle(HypercallCall call) {
        long timeout = call.wordBits() == 64 ? call.arg(0) : (call.arg(0) & 0xFFFF_FFFFL) | (call.arg(1) << 32);
        call.setTimer(timeout == 0 ? -1 : timeout);
        return 0;
    }
}
