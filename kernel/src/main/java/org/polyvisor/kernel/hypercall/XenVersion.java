package org.polyvisor.kernel.hypercall;

import java.nio.charset.StandardCharsets;

/**
 * xen_version (17): XENVER_version (0) gives the Xen interface version Polyvisor speaks (major in the high 16
 * bits); XENVER_extraversion (1) fills a {@code char[16]}; XENVER_pagesize (7) gives 4096.
 */
public final class XenVersion implements HypercallHandler {
    public static final int XENVER_VERSION = 0, XENVER_EXTRAVERSION = 1, XENVER_PAGESIZE = 7;
    public static final int MAJOR = 4, MINOR = 19;
    public static final String EXTRAVERSION = "-polyvisor";

    @Override
    public long handle(HypercallCall call) {
        long cmd = call.arg(0);
        if (cmd == XENVER_VERSION) return ((long) MAJOR << 16) | MINOR;
        if (cmd == XENVER_EXTRAVERSION) {
            byte[] out = new byte[16];
            byte[] s = EXTRAVERSION.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(s, 0, out, 0, s.length);
            call.memory().write(call.arg(1), out);
            return 0;
        }
        if (cmd == XENVER_PAGESIZE) return 4096;
        return -XenErrno.ENOSYS;
    }
}
