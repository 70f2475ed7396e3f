package org.polyvisor.isa.arm64.exec;

import java.util.concurrent.atomic.AtomicInteger;

import org.polyvisor.isa.arm64.trap.ExceptionModel;

/**
 * The vCPU's IRQ and FIQ inputs and their delivery. Until the GIC model lands, {@link #raise} latches the input
 * (any line but {@link #FIQ_LINE} drives IRQ) and taking the exception clears the latch, since there is no
 * interrupt controller to acknowledge; the generic timers drive IRQ as levels. An interrupt is taken when the
 * guest has installed its vectors and PSTATE.I (or F) is clear; otherwise it stays pending.
 */
final class Interrupts {
    /** The line that drives FIQ rather than IRQ. */
    static final int FIQ_LINE = -1;

    private static final int IRQ = 1, FIQ = 2;
    /** PSTATE.I and PSTATE.F in SPSR bit positions. */
    private static final int MASK_I = 1 << 7, MASK_F = 1 << 6;

    private final Arm64State s;
    private final GenericTimer timer;
    /** Raised latches; written by any thread, read by the vCPU's thread. */
    private final AtomicInteger latched = new AtomicInteger();

    Interrupts(Arm64State state, GenericTimer timer) {
        this.s = state;
        this.timer = timer;
    }

    void raise(int line) {
        int bit = line == FIQ_LINE ? FIQ : IRQ;
        latched.accumulateAndGet(bit, (v, b) -> v | b);
        s.recheckInterrupts = true;
    }

    boolean irqPending() {
        return (latched.get() & IRQ) != 0
                || timer.armed() && (timer.asserted(GenericTimer.VIRTUAL) || timer.asserted(GenericTimer.PHYSICAL));
    }

    boolean fiqPending() { return (latched.get() & FIQ) != 0; }

    boolean anyPending() { return irqPending() || fiqPending(); }

    boolean timerArmed() { return timer.armed(); }

    /** Takes one unmasked pending interrupt into the guest; true when one was taken (the PC is the vector). */
    boolean deliver() {
        if (!s.vectorsInstalled) return false;
        if ((s.daif & MASK_F) == 0 && fiqPending()) {
            latched.getAndUpdate(v -> v & ~FIQ);
            ExceptionModel.takeInterrupt(s, ExceptionModel.FIQ);
            return true;
        }
        if ((s.daif & MASK_I) == 0 && irqPending()) {
            latched.getAndUpdate(v -> v & ~IRQ);
            ExceptionModel.takeInterrupt(s, ExceptionModel.IRQ);
            return true;
        }
        return false;
    }
}
