package org.polyvisor.kernel.xenstore;

/** The errors xenstored answers with, by their errno names (XS_ERROR carries the name). */
public enum XsError {
    EINVAL, EACCES, EEXIST, EISDIR, ENOENT, ENOMEM, ENOSPC, EIO, ENOTEMPTY, ENOSYS, EROFS, EBUSY, EAGAIN, EISCONN, E2BIG, EQUOTA;

    /** A failed operation's outcome. */
    public XsException ex() { return new XsException(this); }

    /** Thrown inside the store, turned into an XS_ERROR reply at the protocol edge. */
    public static final class XsException extends Exception {
        private final XsError error;

        XsException(XsError error) {
            super(error.name(), null, false, false);
            this.error = error;
        }

        public XsError error() { return error; }
    }
}
