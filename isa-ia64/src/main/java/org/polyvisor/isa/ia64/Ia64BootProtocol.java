package org.polyvisor.isa.ia64;

import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.BootProtocol;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;

/**
 * First state of an ia64 vCPU. PV: IP at the entry bundle (slot 0), privilege level 0, PSR with ic, i, dt,
 * it and rt clear (physical mode, interrupts masked), an empty register frame, r28 = start_info.
 * HVM: the same physical-mode, cpl 0 state at the entry point, as firmware leaves it for an OS loader;
 * r28 is zero there since no start_info exists.
 */
public final class Ia64BootProtocol implements BootProtocol {
    public static final int START_INFO_REGISTER = 28;

    @Override
    public void boot(Vcpu vcpu, BootInfo info) {
        vcpu.setRegister(Ia64Registers.PSR, 0);
        vcpu.setRegister(Ia64Registers.CFM, 0);
        vcpu.setRegister(Ia64Registers.PR, 1);
        vcpu.setPc(info.entry());
        vcpu.setRegister(START_INFO_REGISTER, info.type() == GuestType.PV ? info.startInfo() : 0);
    }
}
