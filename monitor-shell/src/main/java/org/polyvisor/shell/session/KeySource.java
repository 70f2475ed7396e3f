package org.polyvisor.shell.session;

import java.io.IOException;

/** Keys typed while a console is attached: a terminal in raw mode, piped input, or a test's script. */
public interface KeySource {
    int EOF = -1;
    int TIMEOUT = -2;

    /** The next character, {@link #EOF} at the end of input, or {@link #TIMEOUT} when none came in time. */
    int read(long timeoutMillis) throws IOException;

    /** Puts the input in raw mode (no echo, no line editing) until the handle is closed. */
    default AutoCloseable raw() { return () -> { }; }

    /** No input at all: every read is the end of input. */
    KeySource NONE = timeout -> EOF;
}
