package org.polyvisor.isa.x86.platform;

import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.GuestMemory;

/**
 * What Xen shows an HVM guest of itself on x86 (xen/include/public/arch-x86/cpuid.h): the hypervisor CPUID leaves at
 * 0x40000000 and the hypercall-page MSR they name.
 * <ul>
 * <li>0x40000000: EAX = the last leaf (0x40000005), EBX:ECX:EDX = "XenVMMXenVMM".</li>
 * <li>0x40000001: EAX = the Xen version, major in bits 31:16 (4.19).</li>
 * <li>0x40000002: EAX = 1 hypercall page, EBX = its MSR (0x40000000), ECX = EDX = 0 (no optional features).</li>
 * <li>0x40000003 (TSC) and 0x40000005 (PV features) are zero; 0x40000004 (HVM features) says the vCPU ID is in
 *     EBX (XEN_HVM_CPUID_VCPU_ID_PRESENT, bit 3) and the domain ID in ECX (XEN_HVM_CPUID_DOMID_PRESENT, bit 4; left
 *     out when the board does not know it).</li>
 * </ul>
 * WRMSR 0x40000000 with a page's guest-physical address (page index 0 in bits 11:0) fills that page as Xen's VMX
 * code does: int3 (0xCC) everywhere, then a 32-byte stub per hypercall, {@code mov $nr, %eax; vmcall; ret}, with
 * {@code ud2} for HYPERVISOR_iret (23), which HVM guests do not have. A page outside RAM or a non-zero index is #GP.
 * RDMSR of it reads 0.
 */
public final class XenHvmInterface {
    static final int BASE_LEAF = 0x4000_0000, LAST_LEAF = 0x4000_0005, HYPERCALL_MSR = 0x4000_0000;
    static final int SIGNATURE_EBX = 0x566e_6558, SIGNATURE_ECX = 0x6558_4d4d, SIGNATURE_EDX = 0x4d4d_566e;  // "XenV" "MMXe" "nVMM"
    static final int VERSION = 4 << 16 | 19, HYPERCALL_IRET = 23, STUB_BYTES = 32, VCPU_ID_PRESENT = 1 << 3,
            DOMID_PRESENT = 1 << 4;

    private XenHvmInterface() { }

    /** Whether {@code leaf} is in the hypervisor range (0x40000000-0x400000FF). */
    public static boolean owns(int leaf) { return leaf >>> 8 == BASE_LEAF >>> 8; }

    static void cpuid(int leaf, int vcpuId, int domainId, CpuState s) { cpuid(leaf, vcpuId, domainId, true, s); }

    /**
     * The hypervisor leaves as Xen's cpuid_hypervisor_leaves gives them; a PV guest ({@code hvm} false, through the
     * forced-emulation prefix) sees the same but for leaf 0x40000004, the HVM features, which is zero for it.
     */
    public static void cpuid(int leaf, int vcpuId, int domainId, boolean hvm, CpuState s) {
        int a = 0, b = 0, c = 0, d = 0;
        switch (leaf) {
            case BASE_LEAF -> { a = LAST_LEAF; b = SIGNATURE_EBX; c = SIGNATURE_ECX; d = SIGNATURE_EDX; }
            case BASE_LEAF + 1 -> a = VERSION;
            case BASE_LEAF + 2 -> { a = 1; b = HYPERCALL_MSR; }
            case BASE_LEAF + 4 -> {
                if (hvm) {
                    a = VCPU_ID_PRESENT;
                    b = vcpuId;
                    if (domainId >= 0) { a |= DOMID_PRESENT; c = domainId; }
                }
            }
            default -> { }
        }
        s.set(CpuState.RAX, 4, a);
        s.set(CpuState.RBX, 4, b);
        s.set(CpuState.RCX, 4, c);
        s.set(CpuState.RDX, 4, d);
    }

    /** WRMSR of the hypercall MSR: fills the page; false (#GP) for a bad index or a page outside RAM. */
    static boolean writeHypercallPage(GuestMemory mem, long value) {
        long page = value & ~0xFFFL;
        if ((value & 0xFFF) != 0 || !mem.isRam(page, GuestMemory.PAGE_SIZE)) return false;
        byte[] p = new byte[GuestMemory.PAGE_SIZE];
        java.util.Arrays.fill(p, (byte) 0xCC);
        for (int nr = 0; nr < GuestMemory.PAGE_SIZE / STUB_BYTES; nr++) {
            int at = nr * STUB_BYTES;
            if (nr == HYPERCALL_IRET) {
                p[at] = 0x0F;
                p[at + 1] = 0x0B;  // ud2
                continue;
            }
            p[at] = (byte) 0xB8;  // mov $nr, %eax
            p[at + 1] = (byte) nr;
            p[at + 2] = (byte) (nr >>> 8);
            p[at + 5] = 0x0F;     // vmcall
            p[at + 6] = 0x01;
            p[at + 7] = (byte) 0xC1;
            p[at + 8] = (byte) 0xC3;  // ret
            p[at + 3] = p[at + 4] = 0;
        }
        mem.writeBytes(page, p, 0, p.length);
        return true;
    }
}
