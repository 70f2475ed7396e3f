package org.polyvisor.isa.x86_64.trap;

import org.polyvisor.isa.x86.trap.TrapModel;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.VcpuExit;

/**
 * The x86 trap model plus Xen's x86_64 PV hypercall: {@code syscall} from the guest kernel (CPL 0, where the PV
 * kernel runs flat at ring 0) is a hypercall; from user mode, or in an HVM guest, it enters the guest's own
 * LSTAR handler when EFER.SCE is set, and is #UD otherwise (fatal while no IDT is installed).
 */
public final class LongModeTraps extends TrapModel {
    public LongModeTraps(GuestType type) { super(type); }

    @Override
    public VcpuExit softwareInterrupt(int vector, int cpl, long pc) {
        // int $0x82 is the 32-bit PV ABI only; used only while the guest has installed no IDT.
        return new VcpuExit.Fault("software interrupt 0x" + Integer.toHexString(vector) + " with no handler (no IDT)", pc);
    }

    @Override
    public boolean isHypercallInterrupt(int vector, int cpl) { return false; }

    @Override
    public boolean isHypercallSyscall(int cpl) { return type == GuestType.PV && cpl == 0; }

    @Override
    public VcpuExit syscall(int cpl, long pc) {
        if (type == GuestType.PV && cpl == 0) return VcpuExit.HYPERCALL;
        return super.syscall(cpl, pc);
    }
}
