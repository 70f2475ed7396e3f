package org.polyvisor.kernel.hypercall;

/**
 * console_io (18). CONSOLEIO_write (0) is allowed to every domain, as Xen's debug builds allow it (release builds
 * let only dom0 write); CONSOLEIO_read (1) is dom0's: it copies up to {@code count} bytes of the hypervisor console's
 * input (what is typed at the shell's {@code console 0}, announced with VIRQ_CONSOLE) and returns how many; a domU
 * gets -EPERM. Bytes are taken only once they are in the guest's buffer (a bad pointer is -EFAULT and loses nothing).
 */
public final class ConsoleIo implements HypercallHandler {
    public static final int CONSOLEIO_WRITE = 0, CONSOLEIO_READ = 1;
    /** Bytes copied per step, so that a huge count does not make a huge host buffer. */
    private static final int CHUNK = 4096;

    @Override
    public long handle(HypercallCall call) {
        long cmd = call.arg(0), count = call.arg(1), buffer = call.arg(2);
        if (cmd == CONSOLEIO_WRITE) {
                if (count < 0 || count > Integer.MAX_VALUE) return -XenErrno.EINVAL;
                for (long done = 0; done < count; done += CHUNK) {
                    int n = (int) Math.min(CHUNK, count - done);
                    call.consoleWrite(call.memory().read(buffer + done, n));
                }
                return 0;
        }
        if (cmd == CONSOLEIO_READ) {
            var input = call.privileged() ? call.consoleInput() : null;
            if (input == null) return -XenErrno.EPERM;
            if (count < 0 || count > Integer.MAX_VALUE) return -XenErrno.EINVAL;
            byte[] bytes = input.peek((int) count);
            if (bytes.length > 0) call.memory().write(buffer, bytes);
            input.consume(bytes.length);
            return bytes.length;
        }
        return -XenErrno.ENOSYS;
    }
}
