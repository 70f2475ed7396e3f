package org.polyvisor.shell;

/** An error the user caused or must fix: printed as one line, never as a stack trace, with its exit code. */
public final class UserError extends RuntimeException {
    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** Bad input (exit code 2). */
    public static UserError badInput(String message) { return new UserError(ExitCodes.BAD_INPUT, message); }

    public int exitCode() { return exitCode; }
}
