package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.trap.Vectors.GP;
import static org.polyvisor.isa.x86.trap.Vectors.UD;
import static org.polyvisor.isa.x86.trap.Vectors.fault;

/**
 * The fast system-call instructions and their MSRs (SDM Vol. 2: SYSCALL, SYSRET, SYSENTER, SYSEXIT, SWAPGS,
 * RDMSR, WRMSR; Vol. 4 for the MSR numbers). Each returns 0 or an exception as a value and changes nothing
 * when it faults. Segment caches are loaded with the flat descriptors these instructions assume.
 */
final class SystemCalls {
    static final int IA32_TSC = 0x10, SYSENTER_CS = 0x174, SYSENTER_ESP = 0x175, SYSENTER_EIP = 0x176;
    static final int EFER = 0xC000_0080, STAR = 0xC000_0081, LSTAR = 0xC000_0082, CSTAR = 0xC000_0083,
            SFMASK = 0xC000_0084, FS_BASE = 0xC000_0100, GS_BASE = 0xC000_0101, KERNEL_GS_BASE = 0xC000_0102;
    static final long EFER_SCE = 1, EFER_LME = 1 << 8, EFER_LMA = 1 << 10, EFER_NXE = 1 << 11;

    /** Attributes (access byte, flags nibble) of the flat segments: 64-bit or 32-bit code, data; DPL added. */
    private static final int CODE64 = 0xA09B, CODE32 = 0xC09B, DATA = 0xC093;
    private static final long IF = 1 << 9, RF = 1 << 16, VM = 1 << 17;

    private final CpuState s;
    private final Bus bus;

    SystemCalls(CpuState s, Bus bus) { this.s = s; this.bus = bus; }

    private void flat(int sreg, int sel, int attr) {
        if (sreg == CpuState.CS && (sel & 3) != s.cpl()) bus.flushTlb();
        s.seg[sreg] = sel;
        s.segBase[sreg] = 0;
        s.segLimit[sreg] = 0xFFFF_FFFFL;
        s.segAttr[sreg] = attr | ((sel & 3) << 5);
        if (sreg == CpuState.CS || sreg == CpuState.SS) s.updateMode();
    }

    /** The value of the last successful {@link #rdmsr}. */
    long value;

    long rdmsr(int msr) {
        if (s.cpl() != 0) return fault(GP, 0);
        switch (msr) {
            case IA32_TSC -> value = s.tsc();
            case SYSENTER_CS -> value = s.sysenterCs;
            case SYSENTER_ESP -> value = s.sysenterEsp;
            case SYSENTER_EIP -> value = s.sysenterEip;
            case EFER -> value = s.efer;
            default -> {
                if (s.platform != null && s.platform.ownsMsr(msr)) { value = s.platform.readMsr(msr); return 0; }  // APIC MSRs
                if (!s.longModeCapable) return fault(GP, 0);  // the IA-32e MSRs exist in every mode of a 64-bit model
                switch (msr) {
                    case STAR -> value = s.star;
                    case LSTAR -> value = s.lstar;
                    case CSTAR -> value = s.cstar;
                    case SFMASK -> value = s.sfmask;
                    case FS_BASE -> value = s.segBase[CpuState.FS];
                    case GS_BASE -> value = s.segBase[CpuState.GS];
                    case KERNEL_GS_BASE -> value = s.kernelGsBase;
                    default -> { return fault(GP, 0); }
                }
            }
        }
        return 0;
    }

    long wrmsr(int msr, long v) {
        if (s.cpl() != 0) return fault(GP, 0);
        switch (msr) {
            case IA32_TSC -> s.tscOffset = v - s.clock.nanos();
            case SYSENTER_CS -> s.sysenterCs = v & 0xFFFF;
            case SYSENTER_ESP -> { if (!s.canonical(v)) return fault(GP, 0); s.sysenterEsp = v; }
            case SYSENTER_EIP -> { if (!s.canonical(v)) return fault(GP, 0); s.sysenterEip = v; }
            case EFER -> {
                if ((v & ~(EFER_SCE | EFER_LME | EFER_LMA | EFER_NXE)) != 0) return fault(GP, 0);
                if (!s.longModeCapable && (v & EFER_LME) != 0) return fault(GP, 0);  // this vCPU model has no long mode
                if (s.longMode && (v & EFER_LME) == 0) return fault(GP, 0);  // cannot leave IA-32e mode from 64-bit code
                boolean paging = (s.cr0 & CpuState.CR0_PG) != 0;
                if (paging && ((v ^ s.efer) & EFER_LME) != 0) return fault(GP, 0);  // LME changes only with paging off
                s.efer = (v & ~EFER_LMA) | (s.efer & EFER_LMA);  // LMA is read-only: CR0.PG sets it
                s.updateMode();
                bus.flushTlb();
            }
            default -> {
                if (s.platform != null && s.platform.ownsMsr(msr)) return s.platform.writeMsr(msr, v) ? 0 : fault(GP, 0);
                if (!s.longModeCapable) return fault(GP, 0);  // the IA-32e MSRs exist in every mode of a 64-bit model
                boolean address = msr == LSTAR || msr == CSTAR || msr == FS_BASE || msr == GS_BASE || msr == KERNEL_GS_BASE;
                if (address && !s.canonical(v)) return fault(GP, 0);
                switch (msr) {
                    case STAR -> s.star = v;
                    case LSTAR -> s.lstar = v;
                    case CSTAR -> s.cstar = v;
                    case SFMASK -> s.sfmask = v & 0xFFFF_FFFFL;
                    case FS_BASE -> s.segBase[CpuState.FS] = v;
                    case GS_BASE -> s.segBase[CpuState.GS] = v;
                    case KERNEL_GS_BASE -> s.kernelGsBase = v;
                    default -> { return fault(GP, 0); }
                }
            }
        }
        return 0;
    }

    /** SYSCALL in 64-bit mode: #UD unless EFER.SCE; RCX = return RIP, R11 = RFLAGS, CPL 0 at LSTAR. */
    long syscall(long next) {
        if ((s.efer & EFER_SCE) == 0) return fault(UD, 0);
        long flags = s.flags.value();
        s.r[CpuState.RCX] = next;
        s.r[11] = flags & ~RF;
        int sel = (int) (s.star >>> 32) & 0xFFFC;
        flat(CpuState.CS, sel, CODE64);
        flat(CpuState.SS, sel + 8, DATA);
        s.flags.load(flags & ~s.sfmask & ~RF);
        s.rip = s.lstar;
        return 0;
    }

    /** SYSRETQ: back to 64-bit ring 3 at RCX with RFLAGS from R11; the 32-bit form needs compatibility mode. */
    long sysret(int opSize) {
        if ((s.efer & EFER_SCE) == 0) return fault(UD, 0);
        if (s.cpl() != 0 || opSize != 8 || !s.canonical(s.r[CpuState.RCX])) return fault(GP, 0);
        int base = (int) (s.star >>> 48) & 0xFFFF;
        flat(CpuState.CS, ((base + 16) & 0xFFFC) | 3, CODE64);
        flat(CpuState.SS, ((base + 8) & 0xFFFC) | 3, DATA);
        s.flags.load((s.r[11] & 0x3C_7FD7L) | 2);
        s.rip = s.r[CpuState.RCX];
        return 0;
    }

    /** SYSENTER: #GP(0) while SYSENTER_CS is 0; CPL 0 at SYSENTER_EIP on SYSENTER_ESP, IF and VM cleared. */
    long sysenter() {
        if ((s.sysenterCs & 0xFFFC) == 0) return fault(GP, 0);
        int sel = (int) s.sysenterCs & 0xFFFC;
        flat(CpuState.CS, sel, s.longMode ? CODE64 : CODE32);
        flat(CpuState.SS, sel + 8, DATA);
        s.flags.load(s.flags.value() & ~(IF | VM | RF));
        s.updateMode();  // from virtual-8086 mode: VM is clear now
        s.r[CpuState.RSP] = s.sysenterEsp & s.addressMask;
        s.rip = s.sysenterEip & s.addressMask;
        return 0;
    }

    /** SYSEXIT: to ring 3 at EDX/RDX on ECX/RCX; the REX.W form returns to 64-bit code. */
    long sysexit(int opSize) {
        if (s.cpl() != 0 || (s.sysenterCs & 0xFFFC) == 0) return fault(GP, 0);
        int sel = (int) s.sysenterCs & 0xFFFC;
        boolean to64 = opSize == 8;
        if (s.longMode && !to64) return fault(GP, 0);  // a return to compatibility mode: not supported
        long rip = to64 ? s.r[CpuState.RDX] : s.r[CpuState.RDX] & 0xFFFF_FFFFL;
        if (!s.canonical(rip)) return fault(GP, 0);
        flat(CpuState.CS, (sel + (to64 ? 32 : 16)) | 3, to64 ? CODE64 : CODE32);
        flat(CpuState.SS, (sel + (to64 ? 40 : 24)) | 3, DATA);
        s.r[CpuState.RSP] = to64 ? s.r[CpuState.RCX] : s.r[CpuState.RCX] & 0xFFFF_FFFFL;
        s.rip = rip;
        return 0;
    }

    /** RDTSC: #GP(0) above CPL 0 when CR4.TSD is set; the value in {@link #value}. */
    long rdtsc() {
        if ((s.cr4 & 4) != 0 && s.cpl() != 0) return fault(GP, 0);
        value = s.tsc();
        return 0;
    }

    /** SWAPGS (64-bit mode, CPL 0): exchanges the GS base with KERNEL_GS_BASE. */
    long swapgs() {
        if (s.cpl() != 0) return fault(GP, 0);
        long t = s.segBase[CpuState.GS];
        s.segBase[CpuState.GS] = s.kernelGsBase;
        s.kernelGsBase = t;
        return 0;
    }
}
