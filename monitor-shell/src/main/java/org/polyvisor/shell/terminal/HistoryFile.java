package org.polyvisor.shell.terminal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the shell keeps its command history between runs: ~/.polyvisor_history, when it can be written. */
final class HistoryFile {
    private HistoryFile() { }

    static Optional<Path> find() {
        String home = System.getProperty("user.home");
        if (home == null || home.isBlank()) return Optional.empty();
        Path p = Path.of(home, ".polyvisor_history");
        boolean ok = Files.exists(p) ? Files.isRegularFile(p) && Files.isWritable(p) : Files.isDirectory(p.getParent()) && Files.isWritable(p.getParent());
        return ok ? Optional.of(p) : Optional.empty();
    }
}
