package org.polyvisor.spi;

/** Xen's SHUTDOWN_* reasons (sched.h), numbered as Xen numbers them. */
public enum ShutdownReason {
    POWEROFF(0), REBOOT(1), SUSPEND(2), CRASH(3), WATCHDOG(4), SOFT_RESET(5);

    private final int code;

    ShutdownReason(int code) { this.code = code; }

    public int code() { return code; }

    /** The reason for Xen's code, or null when the code is not one Xen defines. */
    public static ShutdownReason ofCode(long code) {
        for (ShutdownReason r : values()) if (r.code == code) return r;
        return null;
    }
}
