package org.polyvisor.kernel.domain;

import java.util.List;
import org.polyvisor.kernel.hypercall.HypercallDispatcher;
import org.polyvisor.spi.HypercallAbi;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.sched.SchedUnit;
import java.util.Arrays;
import org.polyvisor.kernel.hypercall.ControlService;
import org.polyvisor.spi.platform.AddressSpace;

/**
 * Runs one timeslice of a vCPU on the calling pCPU and handles every exit, with an exhaustive switch over
 * {@link VcpuExit}. Whatever a guest or an ISA backend does, the pCPU thread survives: a backend's exception
 * crashes only that domain.
 */
public final class VcpuRunner {
    /** Exits handled within one slice before the pCPU goes back to the scheduler, so that exit storms stay fair. */
    private static final int MAX_EXITS_PER_SLICE = 1024;
    /**
     * A slice runs in chunks of this many instructions (1 ms of virtual time), and between chunks the runner
     * looks at the domain again: a pause or destroy takes effect within a chunk, not a whole 30 ms slice.
     */
    static final long CHUNK = 1_000_000;

    private final DomainTable domains;
    private final HypercallDispatcher hypercalls;

    private final ControlService control;

    public VcpuRunner(DomainTable domains, ControlService control) {
        this.domains = domains;
        this.control = control;
        this.hypercalls = new HypercallDispatcher((caller, domid) -> domains.find(String.valueOf(domid)).map(Domain::memory).orElse(null),
                domains.foreign());
    }

    /** Runs up to {@code budget} instructions of the unit; returns how many it ran. */
    public long runSlice(SchedUnit unit, long budget, int pcpu) {
        VcpuHandle vh = (VcpuHandle) unit;
        Domain d = vh.domain();
        Vcpu vcpu = vh.vcpu();
        vh.setOnCpu(true);
        vh.setLastPcpu(pcpu);
        long t0 = System.nanoTime();
        long left = budget;
        try {
            for (int exits = 0; left > 0 && exits < MAX_EXITS_PER_SLICE && vh.runnable(); exits++) {
                if (vh.hasContinuation()) {
                    long[] continuation = vh.takeContinuation();
                    hypercall(vh, continuation[0], Arrays.copyOfRange(continuation, 1, continuation.length));
                    if (vh.takeYield()) break;
                    continue;
                }
                long before = vcpu.retired();
                VcpuExit exit = vcpu.run(Math.min(left, CHUNK));
                left -= vcpu.retired() - before;
                if (vh.timerDeadline() >= 0) domains.fireTimers(d, vh);
                if (!handle(vh, exit) || vh.takeYield()) break;
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            domains.crash(d, "internal error in the " + d.isa().id() + " backend at pc 0x" + Long.toHexString(safePc(vcpu)) + ": " + e);
        } finally {
            d.addCpuNanos(System.nanoTime() - t0);
            vh.setOnCpu(false);
        }
        return budget - left;
    }

    /** Handles one exit; false when the slice should end. */
    private boolean handle(VcpuHandle vh, VcpuExit exit) {
        Domain d = vh.domain();
        Vcpu vcpu = vh.vcpu();
        switch (exit) {
            case VcpuExit.Hypercall h -> {
                hypercall(vh);
                return true;
            }
            case VcpuExit.PortIo io when d.devices() != null -> {
                var space = AddressSpace.PORT;
                if (io.write()) d.devices().write(space, io.port(), io.size(), io.value());
                else vcpu.completeRead(d.devices().read(space, io.port(), io.size()));
                return vh.runnable();
            }
            case VcpuExit.Mmio m when d.devices() != null -> {
                var space = AddressSpace.MMIO;
                if (m.write()) d.devices().write(space, m.address(), m.size(), m.value());
                else vcpu.completeRead(d.devices().read(space, m.address(), m.size()));
                return vh.runnable();
            }
            case VcpuExit.PortIo io -> {
                d.logOnce("port-" + io.port(), d.describe() + ": no device at I/O port 0x" + Integer.toHexString(io.port())
                        + (io.write() ? " (writes dropped)" : " (reads return all ones)"));
                if (!io.write()) vcpu.completeRead(allOnes(io.size()));
                return true;
            }
            case VcpuExit.Mmio m -> {
                d.logOnce("mmio-" + (m.address() >>> 12), d.describe() + ": no device at MMIO 0x" + Long.toHexString(m.address())
                        + (m.write() ? " (writes dropped)" : " (reads return all ones)"));
                if (!m.write()) vcpu.completeRead(allOnes(m.size()));
                return true;
            }
            case VcpuExit.Halt h -> {
                vh.block();
                vh.setWakeDeadline(vcpu.wakeDeadline());
                // An interrupt raised on another thread between the halt and the block must not be slept through.
                if (vcpu.hasWakeEvent() && vh.unblock()) return true;
                return false;
            }
            case VcpuExit.Shutdown s -> {
                domains.shutdown(d, s.reason());
                return false;
            }
            case VcpuExit.Breakpoint b -> {
                if (d.privileged()) {
                    d.logOnce("bp", d.describe() + ": breakpoint at 0x" + Long.toHexString(b.pc()) + " ignored (dom0 is never paused)");
                    return false;
                }
                d.logOnce("bp", d.describe() + ": breakpoint at 0x" + Long.toHexString(b.pc()) + "; domain paused");
                domains.pause(d);
                return false;
            }
            case VcpuExit.BudgetSpent b -> {
                return true;
            }
            case VcpuExit.Fault f -> {
                domains.crash(d, f.reason() + " at pc 0x" + Long.toHexString(f.pc()));
                return false;
            }
        }
    }

    private void hypercall(VcpuHandle vh) {
        Vcpu vcpu = vh.vcpu();
        HypercallAbi abi = vh.domain().isa().hypercallAbi();
        long mask = vh.domain().isa().wordBits() == 64 ? -1L : 0xFFFF_FFFFL;
        List<Integer> regs = abi.argumentRegisters();
        long[] args = new long[regs.size()];
        for (int i = 0; i < args.length; i++) args[i] = vcpu.register(regs.get(i)) & mask;
        hypercall(vh, vcpu.register(abi.opRegister()) & mask, args);
    }

    /**
     * Runs one hypercall (or a continuation of one) and writes its result to the guest, unless it left a continuation:
     * then the result waits for the call that finishes it.
     */
    private void hypercall(VcpuHandle vh, long op, long[] args) {
        Domain d = vh.domain();
        Vcpu vcpu = vh.vcpu();
        HypercallAbi abi = d.isa().hypercallAbi();
        long mask = d.isa().wordBits() == 64 ? -1L : 0xFFFF_FFFFL;
        long result = hypercalls.dispatch(new GuestHypercall(vh, domains, control, op, args));
        if (!vh.hasContinuation()) vcpu.setRegister(abi.resultRegister(), result & mask);
        // Xen looks for a deliverable event on every return to the guest: a guest that unmasked upcalls with events
        // pending makes any hypercall (Linux uses xen_version) to have them delivered.
        var ec = d.events();
        if (ec != null && ec.deliverable(vcpu.id())) d.deliverUpcall(vcpu.id());
    }

    private static long allOnes(int size) { return size >= 8 ? -1L : (1L << (8 * size)) - 1; }

    private static long safePc(Vcpu v) {
        try { return v.pc(); } catch (RuntimeException e) { return -1; }
    }

}
