package org.polyvisor.isa.arm64.exec;

import java.util.concurrent.atomic.AtomicInteger;

import org.polyvisor.isa.arm64.platform.Gic;
import org.polyvisor.isa.arm64.platform.VirtBoard;
import org.polyvisor.isa.arm64.trap.ExceptionModel;

/**
 * The vCPU's IRQ and FIQ inputs and their delivery. Without a board (PV domains, unit tests) {@link #raise}
 * latches the input (any line but {@link #FIQ_LINE} drives IRQ) and taking the exception clears the latch, since
 * there is no interrupt controller to acknowledge; the generic timers drive IRQ directly as levels. On the virt
 * board the GIC drives IRQ as a level ({@link #raise}/{@link #lower}), the latch stays until the GIC lowers it, and
 * the timers' outputs go to the GIC as PPIs 27 (virtual) and 30 (physical). An interrupt is taken when the guest
 * has installed its vectors and PSTATE.I (or F) is clear; otherwise it stays pending.
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

    /** The board's GIC and this vCPU's index in it, or null without a board. */
    private final Gic gic;
    private final int cpu;

    Interrupts(Arm64State state, GenericTimer timer) { this(state, timer, null, 0); }

    Interrupts(Arm64State state, GenericTimer timer, Gic gic, int cpu) {
        this.s = state;
        this.timer = timer;
        this.gic = gic;
        this.cpu = cpu;
    }

    void lower(int line) {
        int bit = line == FIQ_LINE ? FIQ : IRQ;
        latched.accumulateAndGet(bit, (v, b) -> v & ~b);
    }

    void raise(int line) {
        int bit = line == FIQ_LINE ? FIQ : IRQ;
        latched.accumulateAndGet(bit, (v, b) -> v | b);
        s.recheckInterrupts = true;
    }

    boolean irqPending() {
        if (gic != null) return (latched.get() & IRQ) != 0;
        return (latched.get() & IRQ) != 0
                || timer.armed() && (timer.asserted(GenericTimer.VIRTUAL) || timer.asserted(GenericTimer.PHYSICAL));
    }

    boolean fiqPending() { return (latched.get() & FIQ) != 0; }

    boolean anyPending() { return irqPending() || fiqPending(); }

    boolean timerArmed() { return timer.armed(); }

    /** True on the virt board, where interrupts come through the GIC and WFI may halt until a timer deadline. */
    boolean onBoard() { return gic != null; }

    /** The timers' outputs to the GIC as PPI levels (on the board; nothing otherwise). */
    void syncTimers() {
        if (gic == null) return;
        gic.setLevel(cpu, VirtBoard.PPI_VIRT, timer.asserted(GenericTimer.VIRTUAL));
        gic.setLevel(cpu, VirtBoard.PPI_PHYS, timer.asserted(GenericTimer.PHYSICAL));
    }

    /** Takes one unmasked pending interrupt into the guest; true when one was taken (the PC is the vector). */
    boolean deliver() {
        syncTimers();
        if (!s.vectorsInstalled) return false;
        if ((s.daif & MASK_F) == 0 && fiqPending()) {
            latched.getAndUpdate(v -> v & ~FIQ);
            ExceptionModel.takeInterrupt(s, ExceptionModel.FIQ);
            return true;
        }
        if ((s.daif & MASK_I) == 0 && irqPending()) {
            if (gic == null) latched.getAndUpdate(v -> v & ~IRQ);
            ExceptionModel.takeInterrupt(s, ExceptionModel.IRQ);
            return true;
        }
        return false;
    }
}
