package org.polyvisor.isa.arm64;

import org.polyvisor.isa.arm64.exec.Arm64State;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.BootProtocol;
import org.polyvisor.spi.Vcpu;

/**
 * First state of an AArch64 vCPU. PV (images/README.md): EL1h, DAIF masked, MMU off, pc at the kernel's entry (the ELF
 * entry, or the first byte of a raw Linux Image as {@link org.polyvisor.isa.arm64.platform.Arm64Image} places it),
 * x0 = start_info. HVM: the same EL1h entry with x0 = 0, which is the Linux arm64 boot protocol's state without a
 * device tree (the platform's firmware tables come with the HVM platform); EL2/EL3 are not modelled.
 * Every other general-purpose register and the stack pointer start at zero.
 */
public final class Arm64BootProtocol implements BootProtocol {
    /** PSTATE at entry: NZCV clear, D/A/I/F masked, EL1 with SP_EL1. */
    public static final long ENTRY_PSTATE = Arm64State.DAIF_ALL | Arm64State.MODE_EL1H;

    @Override
    public void boot(Vcpu vcpu, BootInfo info) {
        for (int r = Arm64Registers.X0; r <= Arm64Registers.X30; r++) vcpu.setRegister(r, 0);
        vcpu.setRegister(Arm64Registers.SP, 0);
        vcpu.setRegister(Arm64Registers.CPSR, ENTRY_PSTATE);
        vcpu.setPc(info.entry());
        vcpu.setRegister(Arm64Registers.X0, switch (info.type()) {
            case PV -> info.startInfo();
            case HVM -> 0;
        });
    }
}
