package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.trap.Vectors.GP;
import static org.polyvisor.isa.x86.trap.Vectors.MEMORY;
import static org.polyvisor.isa.x86.trap.Vectors.UD;
import static org.polyvisor.isa.x86.trap.Vectors.fault;

/**
 * LGDT/LIDT/SGDT/SIDT and MOV to and from the control registers (SDM Vol. 2 pages of those names). Each returns 0,
 * an exception as a value ({@link org.polyvisor.isa.x86.trap.Vectors#fault}), {@link org.polyvisor.isa.x86.trap.Vectors#MEMORY}
 * or {@link #UNSUPPORTED} (no longer returned by CR0 writes: real mode runs), and changes nothing
 * when it does not return 0.
 */
final class SystemInstructions {
    /** A control register write that would need real mode, which is not executed yet. */
    static final long UNSUPPORTED = -2;

    static final long CR0_PE = 1, CR0_ET = 1 << 4, CR0_NW = 1 << 29, CR0_CD = 1 << 30, CR0_PG = 1L << 31;
    /** CR0 bits the guest may set: PE MP EM TS ET NE WP AM NW CD PG. */
    private static final long CR0_DEFINED = 0xE005_003FL;
    /**
     * INVLPG (privileged): drops the translations of the page holding {@code va}; of a 2 MiB or 4 MiB page every 4 KiB
     * translation the software TLB holds for it (SDM Vol. 3, 4.10.4.1), of a 1 GiB page the whole TLB.
     */
    long invlpg(long va) {
        if (s.cpl() != 0) return fault(GP, 0);
        int shift = mmu == null ? 12 : mmu.invalidationShift(va);
        if (shift > 22) {
            bus.flushTlb();
        } else {
            long base = va & -(1L << shift);
            for (long page = 0; page < 1L << shift; page += 0x1000) bus.flushPage(base + page);
        }
        return 0;
    }

    /** The vCPU's MMU (the paging mode INVLPG looks at), or null: set by the vCPU. */
    org.polyvisor.isa.x86.mmu.Mmu mmu;

    /**
     * CR4 bits the guest may set: TSD DE PSE PAE MCE PGE PCE OSFXSR OSXMMEXCPT. VME and PVI are reserved here (#GP):
     * the CPU model has no virtual-8086 mode extensions (CPUID.1:EDX.VME = 0), so virtual-8086 mode runs as without them.
     */
    private static final long CR4_DEFINED = 0x7FC;
    static final long CR4_PAE = 1 << 5, CR4_PGE = 1 << 7;

    private final CpuState s;
    private final Bus bus;

    SystemInstructions(CpuState s, Bus bus) { this.s = s; this.bus = bus; }

    /**
     * LGDT/LIDT: a 16-bit limit then the base (24 bits with a 16-bit operand, 32 bits, or 64 bits in long mode).
     * Privileged: #GP(0) above CPL 0.
     */
    long loadTable(long ea, int opSize, boolean idt) {
        if (s.cpl() != 0) return fault(GP, 0);
        int limit = (int) bus.read(ea, 2);
        long base = bus.read(ea + 2, s.longMode ? 8 : 4);
        if (bus.abort != null) return MEMORY;
        if (!s.longMode) base &= opSize == 2 ? 0xFF_FFFFL : 0xFFFF_FFFFL;
        if (idt) { s.idtBase = base; s.idtLimit = limit; } else { s.gdtBase = base; s.gdtLimit = limit; }
        return 0;
    }

    /** SGDT/SIDT: stores the limit and the base (8 bytes of it in long mode). Not privileged (no UMIP). */
    long storeTable(long ea, boolean idt) {
        bus.write(ea, 2, idt ? s.idtLimit : s.gdtLimit);
        bus.write(ea + 2, s.longMode ? 8 : 4, idt ? s.idtBase : s.gdtBase);
        return bus.abort != null ? MEMORY : 0;
    }

    /** True for the control registers that exist: CR0, CR2, CR3, CR4 (and CR8 in long mode). */
    boolean exists(int cr) {
        return cr == 0 || cr == 2 || cr == 3 || cr == 4 || (cr == 8 && s.longMode);
    }

    /** MOV from CRn: #UD for a register that does not exist, #GP(0) above CPL 0; the value in {@link #value}. */
    long read(int cr) {
        if (!exists(cr)) return fault(UD, 0);
        if (s.cpl() != 0) return fault(GP, 0);
        value = switch (cr) {
            case 0 -> s.cr0;
            case 2 -> s.cr2;
            case 3 -> s.cr3;
            case 4 -> s.cr4;
            default -> s.cr8;
        };
        return 0;
    }

    /** The value read by the last successful {@link #read}. */
    long value;

    /** MOV to CRn with the reserved-bit and mode checks of the SDM. */
    long write(int cr, long v) {
        if (!exists(cr)) return fault(UD, 0);
        if (s.cpl() != 0) return fault(GP, 0);
        switch (cr) {
            case 0 -> {
                if ((v & ~CR0_DEFINED) != 0) return fault(GP, 0);
                if ((v & CR0_PG) != 0 && (v & CR0_PE) == 0) return fault(GP, 0);
                if ((v & CR0_NW) != 0 && (v & CR0_CD) == 0) return fault(GP, 0);
                boolean lme = (s.efer & CpuState.EFER_LME) != 0;
                if (s.longMode && (v & (CR0_PG | CR0_PE)) != (CR0_PG | CR0_PE) && (s.cr0 & CR0_PG) != 0) return fault(GP, 0);
                if (lme && (v & CR0_PG) != 0 && (s.cr4 & CR4_PAE) == 0) return fault(GP, 0);
                long oldCr0 = s.cr0;
                s.cr0 = v | CR0_ET;
                // EFER.LMA follows LME once paging is on (SDM Vol. 3, 10.8.5): entering or leaving IA-32e mode.
                // (Only a PG transition moves LMA: the PV x86_64 vCPU starts in IA-32e mode with PG = 0.)
                long pgChange = (v ^ oldCr0) & CR0_PG;
                if (pgChange != 0) s.efer = lme && (v & CR0_PG) != 0 ? s.efer | CpuState.EFER_LMA : s.efer & ~CpuState.EFER_LMA;
                s.updateMode();
                bus.flushTlb();
            }
            case 2 -> s.cr2 = s.longMode ? v : v & 0xFFFF_FFFFL;
            case 3 -> {
                s.cr3 = s.longMode ? v : v & 0xFFFF_FFFFL;
                if ((s.cr4 & CR4_PGE) != 0) bus.flushNonGlobal(); else bus.flushTlb();
            }
            case 4 -> {
                if ((v & ~CR4_DEFINED) != 0) return fault(GP, 0);
                if (s.longMode && (s.cr0 & CR0_PG) != 0 && (v & CR4_PAE) == 0) return fault(GP, 0);
                s.cr4 = v;
                bus.flushTlb();
            }
            default -> {
                if ((v & ~0xFL) != 0) return fault(GP, 0);
                s.cr8 = v;
            }
        }
        return 0;
    }
}
