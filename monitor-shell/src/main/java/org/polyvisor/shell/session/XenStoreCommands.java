package org.polyvisor.shell.session;

import java.util.concurrent.Callable;
import org.polyvisor.kernel.xenstore.XsError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The xenstore-* tools, acting as dom0: xenstore-ls, xenstore-read, xenstore-write. */
final class XenStoreCommands {
    private XenStoreCommands() { }

    private static IllegalArgumentException failed(String what, XsError.XsException e) {
        return new IllegalArgumentException(what + ": " + e.error().name());
    }

    @Command(name = "xenstore-ls", description = "List XenStore below a path (default /local/domain), with values.")
    static final class Ls implements Callable<Integer> {
        private final ShellSession s;
        @Parameters(arity = "0..1", paramLabel = "<path>") String path = "/local/domain";

        Ls(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            try {
                s.hypervisor().xenstoreList(path).forEach(s.out()::println);
            } catch (XsError.XsException e) {
                throw failed("xenstore-ls " + path, e);
            }
            return 0;
        }
    }

    @Command(name = "xenstore-read", description = "Print the value of a XenStore node.")
    static final class Read implements Callable<Integer> {
        private final ShellSession s;
        @Parameters(paramLabel = "<path>") String path;

        Read(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            try {
                s.out().println(s.hypervisor().xenstoreRead(path));
            } catch (XsError.XsException e) {
                throw failed("xenstore-read " + path, e);
            }
            return 0;
        }
    }

    @Command(name = "xenstore-write", description = "Write a value to a XenStore node (watchers are told).")
    static final class Write implements Callable<Integer> {
        private final ShellSession s;
        @Parameters(index = "0", paramLabel = "<path>") String path;
        @Parameters(index = "1", paramLabel = "<value>") String value;

        Write(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            try {
                s.hypervisor().xenstoreWrite(path, value);
            } catch (XsError.XsException e) {
                throw failed("xenstore-write " + path, e);
            }
            return 0;
        }
    }
}
