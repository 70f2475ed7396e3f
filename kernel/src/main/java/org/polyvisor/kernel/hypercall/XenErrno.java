package org.polyvisor.kernel.hypercall;

/** Xen's errno values (xen/include/public/errno.h); hypercalls return them negated. */
public final class XenErrno {
    private XenErrno() { }

    public static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7,
            EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17, ENODEV = 19, EINVAL = 22,
            ENOSPC = 28, ERANGE = 34, ENOSYS = 38, ENODATA = 61, ETIME = 62, EOVERFLOW = 75, EOPNOTSUPP = 95;
}
