package org.polyvisor.isa.x86.pv;

import org.polyvisor.isa.x86.exec.Bus;

/**
 * A hypercall's view of the calling guest's memory: guest-virtual reads and writes through the vCPU's MMU with the
 * kernel's rights (Xen's copy_from_guest / copy_to_guest). An access that faults (unmapped, outside RAM, MMIO,
 * non-canonical) does nothing, answers 0 and marks the view {@link #faulted}: the hypercall then answers -EFAULT.
 * Not thread-safe: one per vCPU.
 */
final class GuestView {
    private final Bus bus;
    private boolean faulted;

    GuestView(Bus bus) { this.bus = bus; }

    long read(long va, int size) {
        if (faulted) return 0;
        boolean outer = bus.implicitSupervisor;
        bus.implicitSupervisor = true;
        long v = bus.read(va, size);
        bus.implicitSupervisor = outer;
        if (bus.abort != null) { bus.abort = null; faulted = true; return 0; }
        return v;
    }

    void write(long va, int size, long value) {
        if (faulted) return;
        boolean outer = bus.implicitSupervisor;
        bus.implicitSupervisor = true;
        bus.write(va, size, value);
        bus.implicitSupervisor = outer;
        if (bus.abort != null || bus.after != null) { bus.abort = null; bus.after = null; faulted = true; }  // MMIO too
    }

    /** True when an access since the last call faulted; clears the mark. */
    boolean faulted() {
        boolean f = faulted;
        faulted = false;
        return f;
    }
}
