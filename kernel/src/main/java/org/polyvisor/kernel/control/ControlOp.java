package org.polyvisor.kernel.control;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The control operations with their Xen names and numbers (domctl.h, sysctl.h). */
public enum ControlOp {
    DESTROYDOMAIN("destroydomain", 2, false), PAUSEDOMAIN("pausedomain", 3, false), UNPAUSEDOMAIN("unpausedomain", 4, false),
    GETDOMAININFO("getdomaininfo", 5, false), SETVCPUAFFINITY("setvcpuaffinity", 9, false), MAX_MEM("max_mem", 11, false),
    GETVCPUCONTEXT("getvcpucontext", 13, false), SETVCPUCONTEXT("setvcpucontext", 12, false), MAX_VCPUS("max_vcpus", 15, false), SCHEDULER_OP("scheduler_op", 16, false),
    GETVCPUAFFINITY("getvcpuaffinity", 25, false), RENAMEDOMAIN("renamedomain", -1, false),
    SHUTDOWNDOMAIN("shutdowndomain", -1, false), CREATEDOMAIN("createdomain", 1, false),
    /** xl vcpu-set: the domain's cpu/N/availability nodes (a toolstack operation, no hypercall of its own). */
    SETVCPUONLINE("setvcpuonline", -1, false),
    /** xl mem-set: the domain's balloon target (a toolstack operation, no hypercall of its own). */
    SETMEMTARGET("setmemtarget", -1, false),
    READCONSOLE("readconsole", 1, true), PHYSINFO("physinfo", 3, true), SCHED_ID("sched_id", 4, true),
    GETDOMAININFOLIST("getdomaininfolist", 6, true);

    private final String xenName;
    private final int number;
    private final boolean sysctl;

    ControlOp(String xenName, int number, boolean sysctl) {
        this.xenName = xenName;
        this.number = number;
        this.sysctl = sysctl;
    }

    public String xenName() { return xenName; }

    /** The domctl or sysctl sub-op number; -1 for toolstack-only operations with no hypercall of their own. */
    public int number() { return number; }

    public boolean sysctl() { return sysctl; }

    static boolean known(String name) { return Arrays.stream(values()).anyMatch(o -> o.xenName.equals(name)); }

    static String names() { return Arrays.stream(values()).map(ControlOp::xenName).sorted().collect(Collectors.joining(", ")); }

    public static ControlOp domctl(long number) {
        for (ControlOp o : values()) if (!o.sysctl && o.number == number) return o;
        return null;
    }

    public static ControlOp sysctl(long number) {
        for (ControlOp o : values()) if (o.sysctl && o.number == number) return o;
        return null;
    }
}
