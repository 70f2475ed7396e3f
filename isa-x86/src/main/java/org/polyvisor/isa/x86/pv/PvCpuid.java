package org.polyvisor.isa.x86.pv;

import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.isa.x86.exec.Cpuid;
import org.polyvisor.isa.x86.platform.XenHvmInterface;

/**
 * The CPUID a PV guest gets through Xen's forced-emulation prefix ({@code ud2; .ascii "xen"; cpuid}): the vCPU's own
 * leaves with Xen's PV policy applied, no superpages (PSE and PSE-36 cleared in leaf 1 EDX: a PV guest's L2 entries
 * may not set PSE), and Xen's hypervisor leaves 0x40000000-0x40000005 ("XenVMMXenVMM", version 4.19, one hypercall
 * page at MSR 0x40000000, no HVM features).
 */
public final class PvCpuid {
    private static final long PSE = 1 << 3, PSE36 = 1 << 17;

    private PvCpuid() { }

    public static void execute(CpuState s, Cpuid cpuid) {
        int leaf = (int) s.r[CpuState.RAX];
        if (XenHvmInterface.owns(leaf)) {
            XenHvmInterface.cpuid(leaf, 0, -1, false, s);
            return;
        }
        cpuid.execute(s);
        if (leaf == 1) s.r[CpuState.RDX] &= ~(PSE | PSE36);
    }
}
