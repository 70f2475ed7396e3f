package org.polyvisor.shell.view;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.io.UncheckedIOException;

/** Turns any failure into the one line the user is shown: the kernel's own messages, and a short form for the rest. */
public final class Messages {
    private Messages() { }

    public static String oneLine(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) e = e.getCause();
        String m = switch (e) {
            case NoSuchFileException n -> n.getFile() + ": no such file";
            case AccessDeniedException a -> a.getFile() + ": permission denied";
            case FileNotFoundException f -> f.getMessage();
            case OutOfMemoryError o -> "out of Java heap memory (" + o.getMessage() + ")";
            case StackOverflowError s -> "stack overflow in " + where(s);
            default -> e.getMessage() == null || e.getMessage().isBlank()
                    ? e.getClass().getSimpleName() + " in " + where(e)
                    : e instanceof RuntimeException && !isOurs(e) ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getMessage();
        };
        return flatten(m);
    }

    /** One line: newlines become "; ", runs of blanks one space. */
    public static String flatten(String s) {
        return s.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ").replaceAll("[ \\t]{2,}", " ");
    }

    /** Exceptions whose message is written for the user, shown without the class name. */
    private static boolean isOurs(Throwable e) {
        String n = e.getClass().getName();
        return n.startsWith("org.polyvisor.") || e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof UncheckedIOException;
    }

    private static String where(Throwable e) {
        StackTraceElement[] st = e.getStackTrace();
        return st.length == 0 ? "unknown place" : st[0].getClassName() + "." + st[0].getMethodName();
    }
}
