package org.polyvisor.isa.x86.pv;

import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.isa.x86.exec.Cpuid;
import org.polyvisor.isa.x86.exec.LocalInterrupts;

/**
 * CPUID faulting for a vCPU in Xen's ring model: Xen enables it for PV guests (where the hardware has it), so every
 * CPUID the guest executes, in kernel or user mode, is emulated with Xen's PV view, the same one the forced-emulation
 * prefix gives ({@link PvCpuid}). Attached as the vCPU's CPU-side platform hook ({@code CpuState.platform}), which
 * the interpreter's CPUID asks first; a PV domain has no board, so the other hooks answer as without one.
 */
final class PvCpuidView implements LocalInterrupts {
    private final Cpuid plain;

    PvCpuidView(Cpuid plain) { this.plain = plain; }

    @Override public void poll() { }

    @Override public int acknowledge(int vector) { return vector; }

    @Override public long wakeDeadline() { return -1; }

    @Override
    public boolean cpuid(int leaf, CpuState state) {
        state.platform = null;  // the plain leaves underneath, without this hook (and without a board's APIC bits)
        try {
            PvCpuid.execute(state, plain);
        } finally {
            state.platform = this;
        }
        return true;
    }
}
