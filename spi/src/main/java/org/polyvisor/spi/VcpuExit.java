package org.polyvisor.spi;

/**
 * Why {@link Vcpu#run(long)} returned, modelled on KVM's exit reasons. The kernel handles exits
 * with an exhaustive {@code switch}, so a new kind of exit cannot be forgotten.
 */
public sealed interface VcpuExit {

    /** The guest executed its ISA's hypercall instruction; the op and arguments are in the registers of {@link HypercallAbi}. */
    record Hypercall() implements VcpuExit { }

    /** x86 IN/OUT. For a read, the kernel answers with {@link Vcpu#completeRead(long)}. */
    record PortIo(int port, int size, boolean write, long value) implements VcpuExit { }

    /** A load or store to an MMIO hole of {@link GuestMemory}. For a read, the kernel answers with {@link Vcpu#completeRead(long)}. */
    record Mmio(long address, int size, boolean write, long value) implements VcpuExit { }

    /** HLT, WFI, or the like with no interrupt pending: the vCPU has nothing to do until one arrives. */
    record Halt() implements VcpuExit { }

    /** The guest asked its platform to power off, reboot or the like without a hypercall (PSCI, a power-off register). */
    record Shutdown(ShutdownReason reason) implements VcpuExit { }

    /** A breakpoint or a completed single step, for the debugger. */
    record Breakpoint(long pc) implements VcpuExit { }

    /** The instruction budget is spent; the guest simply goes on at its next run. */
    record BudgetSpent() implements VcpuExit { }

    /** The guest cannot go on (undefined instruction with no handler, access outside its memory, triple fault). */
    record Fault(String reason, long pc) implements VcpuExit { }

    Hypercall HYPERCALL = new Hypercall();
    Halt HALT = new Halt();
    BudgetSpent BUDGET_SPENT = new BudgetSpent();
}
