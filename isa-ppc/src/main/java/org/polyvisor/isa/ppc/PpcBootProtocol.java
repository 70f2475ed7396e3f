package org.polyvisor.isa.ppc;

import org.polyvisor.isa.ppc.exec.PpcCpu;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.BootProtocol;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;

/**
 * First state of a PowerPC vCPU.
 * <ul>
 * <li>PV: pc at the ELF entry, MSR = 0 (supervisor: PR = 0; IR = DR = 0: real addressing; EE = 0: external
 * interrupts masked), r3 = the guest-physical address of start_info (images/README.md), every other register 0.</li>
 * <li>HVM: the classic PowerPC reset state: MSR[IP] = 1 (exception prefix 0xFFF00000) and pc at the system
 * reset vector 0xFFF00100, all else 0. There is no firmware at that address yet, so an HVM guest faults at once.</li>
 * </ul>
 * Either way, exceptions are delivered into the guest once it has installed the vector
 * ({@code trap.InstalledVectors}: a nonzero word at prefix + offset); until then a synchronous exception crashes the
 * domain with its reason, as the walking skeleton did.
 */
public final class PpcBootProtocol implements BootProtocol {
    public static final long RESET_VECTOR = 0xfff0_0100L;

    @Override
    public void boot(Vcpu vcpu, BootInfo info) {
        for (int n = 0; n < PpcRegisters.COUNT; n++) vcpu.setRegister(n, 0);
        if (info.type() == GuestType.PV) {
            vcpu.setRegister(PpcRegisters.MSR, 0);
            vcpu.setRegister(3, info.startInfo());
            vcpu.setPc(info.entry());
        } else {
            vcpu.setRegister(PpcRegisters.MSR, PpcCpu.MSR_IP);
            vcpu.setPc(RESET_VECTOR);
        }
    }
}
