package org.polyvisor.shell;

/** What {@code polyvisor} returns to its caller. */
public final class ExitCodes {
    /** Done; for {@code run}, the domain powered off. */
    public static final int OK = 0;
    /** For {@code run}, the domain crashed (or ended some other way than poweroff); otherwise a failure. */
    public static final int FAILED = 1;
    /** Bad input: options, config, ISA name, kernel or ELF file. */
    public static final int BAD_INPUT = 2;
    /** For {@code run}, the domain was still running when the timeout expired (it was destroyed). */
    public static final int TIMEOUT = 3;

    private ExitCodes() { }
}
