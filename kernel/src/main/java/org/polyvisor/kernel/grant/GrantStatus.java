package org.polyvisor.kernel.grant;

/** Xen's GNTST_* per-operation status codes (grant_table.h). */
public final class GrantStatus {
    private GrantStatus() { }

    public static final int OKAY = 0, GENERAL_ERROR = -1, BAD_DOMAIN = -2, BAD_GNTREF = -3, BAD_HANDLE = -4,
            BAD_VIRT_ADDR = -5, BAD_DEV_ADDR = -6, NO_DEVICE_SPACE = -7, PERMISSION_DENIED = -8, BAD_PAGE = -9,
            BAD_COPY_ARG = -10, ADDRESS_TOO_BIG = -11, EAGAIN = -12, NO_SPACE = -13;
}
