package org.polyvisor.isa.x86_64.trap;

import org.polyvisor.isa.x86.trap.TrapModel;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.VcpuExit;

/**
 * The x86 trap model plus Xen's x86_64 PV hypercall: {@code syscall} from the guest kernel (CPL 0 in this
 * skeleton, where the PV kernel runs flat at ring 0) is a hypercall; from user mode, or in an HVM guest, it
 * would enter the guest's own LSTAR handler, which the skeleton's guests never install, so it is fatal.
 */
public final class LongModeTraps extends TrapModel {
    public LongModeTraps(GuestType type) { super(type); }

    @Override
    public VcpuExit softwareInterrupt(int vector, int cpl, long pc) {
        // int $0x82 is the 32-bit PV ABI only; a 64-bit guest has no IDT here.
        return new VcpuExit.Fault("software interrupt 0x" + Integer.toHexString(vector) + " with no handler (no IDT)", pc);
    }

    @Override
    public VcpuExit syscall(int cpl, long pc) {
        if (type == GuestType.PV && cpl == 0) return VcpuExit.HYPERCALL;
        return super.syscall(cpl, pc);
    }
}
