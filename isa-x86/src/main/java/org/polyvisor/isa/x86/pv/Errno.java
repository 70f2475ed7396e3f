package org.polyvisor.isa.x86.pv;

/** Xen's errno values (public/errno.h) that the PV hypercalls answer, negated in the result. */
final class Errno {
    static final long EPERM = 1, ESRCH = 3, EFAULT = 14, EBUSY = 16, ENODEV = 19, EINVAL = 22, ENOSYS = 38;

    private Errno() { }
}
