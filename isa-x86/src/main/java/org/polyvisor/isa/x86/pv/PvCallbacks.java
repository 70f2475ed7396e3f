package org.polyvisor.isa.x86.pv;

import org.polyvisor.isa.x86.exec.Bus;
import org.polyvisor.isa.x86.exec.CpuState;

/**
 * The callbacks a PV kernel registers with Xen, kept in the vCPU because they are per-vCPU architectural state
 * (Xen keeps them in {@code struct arch_vcpu}/{@code pv_vcpu}: event_callback_eip, failsafe_callback_eip,
 * syscall_callback_eip and the NMI entry of the trap table). The x86 vCPU answers the two hypercalls that set them
 * itself, without a {@code VcpuExit.HYPERCALL}: the kernel never sees them. Xen's numbers and semantics:
 * <ul>
 * <li>{@code set_callbacks} (4). x86_64: {@code (event, failsafe, syscall)} addresses in rdi, rsi, rdx; x86_32:
 *     {@code (event_cs, event_eip, failsafe_cs, failsafe_eip)} in ebx, ecx, edx, esi. Always 0.</li>
 * <li>{@code callback_op} (30), cmd in rdi/ebx, argument pointer in rsi/ecx. {@code CALLBACKOP_register} (0) reads
 *     {@code struct callback_register { uint16 type; uint16 flags; xen_callback_t address; }}: 16 bytes on x86_64
 *     (address, an unsigned long, at offset 8), 12 on x86_32 ({cs, eip} at offsets 4 and 8). Types: event (0),
 *     failsafe (1), syscall (2, x86_64 only), nmi (4); {@code CALLBACKF_mask_events} (bit 0 of flags) is kept for
 *     failsafe and syscall. The other types (sysenter 3/5, syscall32 7) and syscall on x86_32 are -ENOSYS, a
 *     non-canonical NMI address on x86_64 is -EINVAL. {@code CALLBACKOP_unregister} (1) reads
 *     {@code struct callback_unregister { uint16 type; uint16 _unused; }}: nmi clears the NMI callback (0), event,
 *     failsafe and syscall cannot be unregistered (-EINVAL), other types -ENOSYS. Another cmd is -ENOSYS; an
 *     argument pointer the guest cannot read is -EFAULT.</li>
 * </ul>
 * Both are also reachable as {@code Vcpu.archHypercall} ({@link #call}): a multicall entry gets there.
 * The fields are volatile: {@code raiseEventUpcall} reads them from the kernel's threads.
 */
public final class PvCallbacks {
    public static final int SET_CALLBACKS = 4, CALLBACK_OP = 30;
    public static final int CALLBACKOP_REGISTER = 0, CALLBACKOP_UNREGISTER = 1;
    public static final int TYPE_EVENT = 0, TYPE_FAILSAFE = 1, TYPE_SYSCALL = 2, TYPE_NMI = 4;
    public static final int CALLBACKF_MASK_EVENTS = 1;
    static final long EFAULT = 14, EINVAL = 22, ENOSYS = 38;

    private final boolean wide;
    public volatile long eventCs, eventIp, failsafeCs, failsafeIp, syscallIp, nmiIp;
    public volatile boolean failsafeMasksEvents, syscallMasksEvents;
    /**
     * The rest of the PV vCPU state of {@code vcpu_guest_context}: the trap table in trap_ctxt's layout (set_trap_table,
     * {@code TrapTable} bounces through it), kernel_ss/kernel_sp (stack_switch: the stack of traps from CPL 3), the
     * vm_assist bits, the GDT frames and entry counts (set_gdt); the debug registers are kept, not acted on.
     */
    public volatile byte[] trapTable;
    public volatile long kernelSs, kernelSp, vmAssist, ldtEntries, gdtEntries;
    public volatile long[] gdtFrames = new long[16];
    /** DR0-DR7 as set_debugreg leaves them (Xen's reset values: DR6 0xffff0ff0, DR7 0x400). */
    public volatile long[] debugRegisters = {0, 0, 0, 0, 0, 0, PvDebugRegisters.DR6_ONES, PvDebugRegisters.DR7_ONES};

    /** Xen's ring model of this vCPU (off for Polyvisor's flat CPL 0 PV images). */
    public final GuestModes modes;

    /** {@code wide}: the x86_64 ABI (64-bit addresses, syscall callback); else x86_32 ({cs, eip} pairs). */
    public PvCallbacks(boolean wide) {
        this.wide = wide;
        this.modes = new GuestModes(wide);
    }

    public boolean wide() { return wide; }

    /** True once the guest registered an event callback (address not 0). */
    public boolean eventRegistered() { return eventIp != 0; }

    /**
     * Answers hypercall {@code op} when it is one of the two callback calls: sets the result in rAX and returns
     * true; false for every other op (the kernel's).
     */
    public boolean handle(CpuState s, Bus bus) {
        long mask = wide ? -1L : 0xFFFF_FFFFL;
        long op = s.r[CpuState.RAX] & mask;
        if (op != SET_CALLBACKS && op != CALLBACK_OP) return false;
        int[] regs = wide ? ARGS_64 : ARGS_32;
        long[] a = args;
        for (int i = 0; i < a.length; i++) a[i] = s.r[regs[i]] & mask;
        s.r[CpuState.RAX] = call(op, a, bus) & mask;
        return true;
    }

    /** One of the two callback hypercalls with its arguments (from registers, or a multicall entry); else -ENOSYS. */
    long call(long op, long[] a, Bus bus) {
        if (op == SET_CALLBACKS) return setCallbacks(a);
        if (op == CALLBACK_OP) return callbackOp(a, bus);
        return -ENOSYS;
    }

    private final long[] args = new long[4];
    private static final int[] ARGS_64 = {CpuState.RDI, CpuState.RSI, CpuState.RDX, 10};
    private static final int[] ARGS_32 = {CpuState.RBX, CpuState.RCX, CpuState.RDX, CpuState.RSI};

    private long setCallbacks(long[] a) {
        if (wide) {
            eventIp = a[0];
            failsafeIp = a[1];
            syscallIp = a[2];
        } else {
            eventCs = a[0] & 0xFFFF;
            eventIp = a[1];
            failsafeCs = a[2] & 0xFFFF;
            failsafeIp = a[3];
        }
        return 0;
    }

    private long callbackOp(long[] a, Bus bus) {
        long cmd = a[0], p = a[1];
        if (cmd != CALLBACKOP_REGISTER && cmd != CALLBACKOP_UNREGISTER) return -ENOSYS;
        int type = (int) read(bus, p, 2);
        int flags = (int) read(bus, p + 2, 2);
        long cs = 0, address;
        if (cmd == CALLBACKOP_UNREGISTER) address = 0;
        else if (wide) address = read(bus, p + 8, 8);
        else {
            cs = read(bus, p + 4, 4) & 0xFFFF;
            address = read(bus, p + 8, 4);
        }
        if (bus.abort != null) { bus.abort = null; return -EFAULT; }
        if (cmd == CALLBACKOP_UNREGISTER) {
            return switch (type) {
                case TYPE_NMI -> { nmiIp = 0; yield 0; }
                case TYPE_EVENT, TYPE_FAILSAFE -> -EINVAL;
                case TYPE_SYSCALL -> wide ? -EINVAL : -ENOSYS;
                default -> -ENOSYS;
            };
        }
        boolean masks = (flags & CALLBACKF_MASK_EVENTS) != 0;
        switch (type) {
            case TYPE_EVENT -> { eventCs = cs; eventIp = address; }
            case TYPE_FAILSAFE -> { failsafeCs = cs; failsafeIp = address; failsafeMasksEvents = masks; }
            case TYPE_SYSCALL -> {
                if (!wide) return -ENOSYS;
                syscallIp = address;
                syscallMasksEvents = masks;
            }
            case TYPE_NMI -> {
                if (wide && (address << 16 >> 16) != address) return -EINVAL;  // Xen: a canonical address
                nmiIp = address;
            }
            default -> { return -ENOSYS; }
        }
        return 0;
    }

    private static long read(Bus bus, long va, int size) {
        if (bus.abort != null) return 0;
        return bus.read(va, size);
    }
}
