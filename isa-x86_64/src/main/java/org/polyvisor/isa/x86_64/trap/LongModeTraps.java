package org.polyvisor.isa.x86_64.trap;

import org.polyvisor.isa.x86.pv.GuestModes;
import org.polyvisor.isa.x86.trap.TrapModel;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.VcpuExit;

/**
 * The x86 trap model plus Xen's x86_64 PV hypercall: {@code syscall} from the guest kernel is a hypercall (at CPL 0
 * for Polyvisor's flat PV images; in Xen's ring model ({@link GuestModes}) in TF_kernel_mode, at CPL 3); from user
 * mode, or in an HVM guest, it enters the guest's own LSTAR handler when EFER.SCE is set, and is #UD otherwise (a
 * PV guest's user-mode syscall then reaches Xen's switch_to_kernel through its trap table).
 */
public final class LongModeTraps extends TrapModel {
    public LongModeTraps(GuestType type) { super(type); }

    /** The PV vCPU's ring model (null for HVM, or until attached). */
    private GuestModes modes;

    /** Attaches the vCPU's ring model: with Xen's rings on, the kernel's syscall is the hypercall whatever its CPL. */
    public void attach(GuestModes modes) { this.modes = modes; }

    /** Guest kernel mode: CPL 0 in Polyvisor's flat ABI; Xen's TF_kernel_mode (at CPL 3) in the ring model. */
    private boolean kernel(int cpl) {
        GuestModes m = modes;
        return type == GuestType.PV && (m != null && m.rings ? m.kernel : cpl == 0);
    }

    @Override
    public VcpuExit softwareInterrupt(int vector, int cpl, long pc) {
        // int $0x82 is the 32-bit PV ABI only; used only while the guest has installed no IDT.
        return new VcpuExit.Fault("software interrupt 0x" + Integer.toHexString(vector) + " with no handler (no IDT)", pc);
    }

    @Override
    public boolean isHypercallInterrupt(int vector, int cpl) { return false; }

    @Override
    public boolean isHypercallSyscall(int cpl) { return kernel(cpl); }

    @Override
    public VcpuExit syscall(int cpl, long pc) {
        if (kernel(cpl)) return VcpuExit.HYPERCALL;
        return super.syscall(cpl, pc);
    }
}
