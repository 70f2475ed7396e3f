package org.polyvisor.isa.x86.exec;

/**
 * The CPU side of an HVM board's interrupt controllers and timers (the 8259A pair, the local APIC, the 8254 PIT),
 * attached to a vCPU with {@link X86Vcpu#attach}. The controllers post vectors with {@link X86Vcpu#raiseInterrupt}
 * (and withdraw them with {@link X86Vcpu#lowerInterrupt}); the vCPU calls these three methods on its own thread and
 * never while holding its own lock, so a controller may raise and lower vectors from inside them.
 */
public interface LocalInterrupts {

    /** At the start of every {@link X86Vcpu#run}: timers that are due fire (raising their vectors). */
    void poll();

    /**
     * The interrupt-acknowledge cycle: the vCPU is about to take pending {@code vector}; the controller that posted
     * it moves it from IRR to ISR and answers the vector to deliver (an 8259A whose request went away answers its
     * spurious IRQ 7 vector).
     */
    int acknowledge(int vector);

    /** The virtual time at which this vCPU's next timer interrupt fires, or -1 when none is armed. */
    long wakeDeadline();

    /** Whether RDMSR/WRMSR of {@code msr} go to the board (IA32_APIC_BASE, the x2APIC registers in x2APIC mode). */
    default boolean ownsMsr(int msr) { return false; }

    /** RDMSR of an MSR the board owns. */
    default long readMsr(int msr) { return 0; }

    /** WRMSR of an MSR the board owns; false makes it raise #GP(0). */
    default boolean writeMsr(int msr, long value) { return false; }

    /** CPUID leaves the board answers (Xen's 0x40000000 range): fills EAX-EDX of {@code state} and returns true. */
    default boolean cpuid(int leaf, CpuState state) { return false; }
}
