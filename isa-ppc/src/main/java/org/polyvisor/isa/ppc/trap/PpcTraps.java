package org.polyvisor.isa.ppc.trap;

import org.polyvisor.spi.VcpuExit;

/**
 * Decides what a synchronous exception becomes. A guest that installed handlers would get the architecture's
 * interrupt (SRR0/SRR1 saved, MSR changed, pc at the vector: 0x700 program, 0xC00 system call); the walking
 * skeleton has no notion of an installed handler yet, so every such exception ends the guest with a
 * {@link VcpuExit.Fault}. The one exception the hypervisor takes itself is {@code sc 1} from supervisor
 * state: the PV hypercall.
 */
public final class PpcTraps {
    private PpcTraps() { }

    /** Program interrupt, illegal instruction: an encoding this backend does not know. */
    public static VcpuExit illegalInstruction(int word, long pc) {
        return new VcpuExit.Fault(String.format("undefined instruction 0x%08x", word), pc);
    }

    /** Program interrupt, trap: tw/twi whose condition held (gcc's __builtin_trap is {@code trap}). */
    public static VcpuExit trap(int word, long pc) {
        return new VcpuExit.Fault(String.format("trap instruction 0x%08x", word), pc);
    }

    /** Program interrupt, privileged instruction executed in problem state. */
    public static VcpuExit privilegedInstruction(int word, long pc) {
        return new VcpuExit.Fault(String.format("privileged instruction 0x%08x in problem state", word), pc);
    }

    /**
     * {@code sc LEV}: LEV = 1 from supervisor state is the hypercall (DESIGN.md); anything else is a system call
     * interrupt, which no guest can handle yet.
     */
    public static VcpuExit systemCall(int lev, boolean supervisor, long pc) {
        if (lev == 1 && supervisor) return VcpuExit.HYPERCALL;
        return new VcpuExit.Fault("system call (sc " + lev + ") with no handler installed", pc);
    }
}
