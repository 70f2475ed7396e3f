package org.polyvisor.kernel.hypercall;

/** Xen's hypercall numbers (xen/include/public/xen.h) and their names for messages. */
public final class HypercallNumbers {
    private HypercallNumbers() { }

    public static final int XEN_VERSION = 17, CONSOLE_IO = 18, SCHED_OP = 29, EVENT_CHANNEL_OP = 32, GRANT_TABLE_OP = 20, SYSCTL = 35, DOMCTL = 36, MEMORY_OP = 12, MULTICALL = 13, SET_TIMER_OP = 15, IRET = 23, VCPU_OP = 24, HVM_OP = 34;

    private static final String[] NAMES = {
        "set_trap_table", "mmu_update", "set_gdt", "stack_switch", "set_callbacks", "fpu_taskswitch",
        "sched_op_compat", "platform_op", "set_debugreg", "get_debugreg", "update_descriptor", null, "memory_op",
        "multicall", "update_va_mapping", "set_timer_op", "event_channel_op_compat", "xen_version", "console_io",
        "physdev_op_compat", "grant_table_op", "vm_assist", "update_va_mapping_otherdomain", "iret", "vcpu_op",
        "set_segment_base", "mmuext_op", "xsm_op", "nmi_op", "sched_op", "callback_op", "xenoprof_op",
        "event_channel_op", "physdev_op", "hvm_op", "sysctl", "domctl", "kexec_op", "tmem_op", "argo_op",
        "xenpmu_op", "dm_op", "hypfs_op"};

    public static String name(long op) {
        if (op >= 0 && op < NAMES.length && NAMES[(int) op] != null) return NAMES[(int) op];
        if (op >= 48 && op <= 55) return "arch_" + (op - 48);
        return "hypercall " + op;
    }
}
