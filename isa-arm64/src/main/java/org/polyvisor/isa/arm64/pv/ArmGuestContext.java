package org.polyvisor.isa.arm64.pv;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.polyvisor.isa.arm64.decode.SysReg;
import org.polyvisor.isa.arm64.exec.Arm64State;
import org.polyvisor.isa.arm64.exec.Arm64Vcpu;
import org.polyvisor.spi.GuestContext;
import org.polyvisor.spi.Vcpu;

/**
 * Xen on ARM's {@code struct vcpu_guest_context} (public/arch-arm.h, XEN_DOMCTL_INTERFACE_VERSION 0x14 and later,
 * where {@code cpsr} and {@code spsr_el1} are 64-bit) for AArch64 guests, little-endian, 352 bytes. Each x register
 * is {@code __DECL_REG(xN, rN_...)}, a union of a uint64_t and a uint32_t: 8 bytes.
 * <pre>
 * offset size  field
 *      0    4  uint32_t flags                 VGCF_online = 1 (ignored by load: VCPUOP_up brings the vCPU online)
 *      4    4  (padding: user_regs is 8-byte aligned)
 *      8  312  struct vcpu_guest_core_regs user_regs
 *      8  248    x0 .. x30                    8 bytes each, x_n at 8 + 8n
 *    256    8    pc64                         where the vCPU starts (ELR_EL2 in Xen)
 *    264    8    cpsr                         PSTATE in SPSR layout (SPSR_EL2 in Xen)
 *    272    8    spsr_el1                     (union with uint32_t spsr_svc)
 *    280    4    spsr_fiq                     AArch32 only: ignored, stored as 0
 *    284    4    spsr_irq                     "
 *    288    4    spsr_und                     "
 *    292    4    spsr_abt                     "
 *    296    8    sp_el0
 *    304    8    sp_el1
 *    312    8    elr_el1
 *    320    8  uint64_t sctlr                 SCTLR_EL1
 *    328    8  uint64_t ttbcr                 TCR_EL1
 *    336    8  uint64_t ttbr0                 TTBR0_EL1
 *    344    8  uint64_t ttbr1                 TTBR1_EL1
 *    352       sizeof(struct vcpu_guest_context)
 * </pre>
 * {@link #load} refuses what Xen's arch_set_info_guest refuses for a 64-bit domain: a {@code cpsr} that is not an
 * AArch64 EL1h, EL1t or EL0t state (PSR_MODE_BIT, bit 4, set means AArch32; EL2 and EL3 modes are the
 * hypervisor's), and a nonzero {@code spsr_el1} that is not one either. Everything else (VBAR_EL1, MAIR_EL1, the
 * timers, the FP/SIMD registers) keeps the offline vCPU's reset values, as in Xen, whose structure lacks them.
 * Note: Xen itself lets an ARM guest reach this structure only through the toolstack's domctls (its do_arm_vcpu_op
 * passes no VCPUOP_initialise, guests use PSCI CPU_ON); Polyvisor's kernel offers VCPUOP_initialise to every ISA.
 */
public final class ArmGuestContext implements GuestContext {
    public static final int SIZE = 352;
    public static final int FLAGS = 0, X = 8, PC = 256, CPSR = 264, SPSR_EL1 = 272, SPSR_FIQ = 280, SP_EL0 = 296,
            SP_EL1 = 304, ELR_EL1 = 312, SCTLR = 320, TTBCR = 328, TTBR0 = 336, TTBR1 = 344;
    /** VGCF_online. */
    public static final int VGCF_ONLINE = 1;
    /** PSR_MODE_BIT: the state is AArch32. */
    private static final long PSR_MODE_BIT = 0x10;
    private static final int EL0T = 0b0000, EL1T = 0b0100, EL1H = 0b0101;

    @Override public int size() { return SIZE; }

    @Override
    public String load(byte[] context, Vcpu vcpu) {
        if (!(vcpu instanceof Arm64Vcpu v)) return "not an arm64 vCPU";
        if (context.length < SIZE) return "context of " + context.length + " bytes, " + SIZE + " expected";
        ByteBuffer b = ByteBuffer.wrap(context).order(ByteOrder.LITTLE_ENDIAN);
        long cpsr = b.getLong(CPSR), spsr = b.getLong(SPSR_EL1);
        String why = psrRefused("cpsr", cpsr);
        if (why != null) return why;
        if (spsr != 0 && (why = psrRefused("spsr_el1", spsr)) != null) return why;
        long pc = b.getLong(PC);   // a misaligned pc is the guest's PC alignment fault, as in Xen
        Arm64State s = v.state();
        // Both stack pointers before the mode: setPstate moves the current one into x[SP].
        s.setPstate(EL1H | Arm64State.DAIF_ALL);
        for (int n = 0; n <= 30; n++) s.x[n] = b.getLong(X + 8 * n);
        s.x[org.polyvisor.isa.arm64.decode.Reg.SP] = b.getLong(SP_EL1);
        s.spEl0 = b.getLong(SP_EL0);
        s.setPstate(cpsr);
        s.pc = pc;
        s.sys[SysReg.SPSR_EL1] = spsr & 0xFFFF_FFFFL;
        s.sys[SysReg.ELR_EL1] = b.getLong(ELR_EL1);
        s.sys[SysReg.SCTLR_EL1] = b.getLong(SCTLR);
        s.sys[SysReg.TCR_EL1] = b.getLong(TTBCR);
        s.sys[SysReg.TTBR0_EL1] = b.getLong(TTBR0);
        s.sys[SysReg.TTBR1_EL1] = b.getLong(TTBR1);
        s.recheckInterrupts = true;
        v.translationRegimeLoaded();
        return null;
    }

    /** Why Xen's is_guest_pv64_psr refuses {@code psr}, or null when it is an AArch64 EL1h, EL1t or EL0t state. */
    static String psrRefused(String field, long psr) {
        if ((psr & PSR_MODE_BIT) != 0) return field + " 0x" + Long.toHexString(psr) + " is an AArch32 mode";
        int m = (int) psr & 0xF;
        if (m != EL0T && m != EL1T && m != EL1H) {
            return field + " 0x" + Long.toHexString(psr) + " has mode " + m + ", not EL0t, EL1t or EL1h";
        }
        return null;
    }

    @Override
    public byte[] store(Vcpu vcpu) {
        byte[] out = new byte[SIZE];
        if (!(vcpu instanceof Arm64Vcpu v)) return out;
        Arm64State s = v.state();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(FLAGS, VGCF_ONLINE);
        for (int n = 0; n <= 30; n++) b.putLong(X + 8 * n, s.x[n]);
        b.putLong(PC, s.pc);
        b.putLong(CPSR, s.pstate());
        b.putLong(SPSR_EL1, s.sys[SysReg.SPSR_EL1] & 0xFFFF_FFFFL);
        b.putLong(SP_EL0, s.spEl0());
        b.putLong(SP_EL1, s.spEl1());
        b.putLong(ELR_EL1, s.sys[SysReg.ELR_EL1]);
        b.putLong(SCTLR, s.sys[SysReg.SCTLR_EL1]);
        b.putLong(TTBCR, s.sys[SysReg.TCR_EL1]);
        b.putLong(TTBR0, s.sys[SysReg.TTBR0_EL1]);
        b.putLong(TTBR1, s.sys[SysReg.TTBR1_EL1]);
        return out;
    }
}
