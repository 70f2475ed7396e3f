package org.polyvisor.shell;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs {@code polyvisor} in process and keeps what it printed. */
record Cli(int code, String out, String err) {
    static Cli run(String... args) { return runWithInput("", args); }

    static Cli runWithInput(String input, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out), new PrintWriter(err));
        return new Cli(code, out.toString(), err.toString());
    }

    /** Standard error's lines, for "one line" checks. */
    long errLines() { return err.lines().filter(l -> !l.isBlank()).count(); }

    @Override
    public String toString() { return "exit " + code + "\n--- stdout:\n" + out + "--- stderr:\n" + err; }
}
