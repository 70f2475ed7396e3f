package org.polyvisor.isa.x86_64.exec;

import org.polyvisor.isa.x86.exec.X86RegisterLayout;
import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.isa.x86_64.decode.Decoder64;
import org.polyvisor.isa.x86_64.trap.LongModeTraps;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.VirtualClock;

/** An x86 vCPU in long mode: sixteen 64-bit GPRs, the long-mode decoder and trap model. */
public final class X86_64Vcpu extends X86Vcpu {
    public X86_64Vcpu(String isa, int id, GuestMemory memory, GuestType type) {
        this(isa, id, memory, type, () -> 0);
    }

    /** With the domain's virtual clock, which RDTSC follows. */
    public X86_64Vcpu(String isa, int id, GuestMemory memory, GuestType type, VirtualClock clock) {
        super(isa, id, memory, X86RegisterLayout.AMD64, new Decoder64(), new LongModeTraps(type), clock);
    }
}
