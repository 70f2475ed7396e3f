package org.polyvisor.shell.terminal;

import java.util.List;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.polyvisor.kernel.domain.DomainInfo;
import org.polyvisor.shell.session.ShellSession;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tab completion: command names, then domain names and ids (as they are now), or files for {@code create}. */
final class ShellCompleter implements Completer {
    private final ShellSession session;
    private final Completer files = new ConfigFiles();

    ShellCompleter(ShellSession session) { this.session = session; }

    /** Folders and xl.cfg files only: what {@code create} takes. */
    private static final class ConfigFiles extends Completers.FileNameCompleter {
        @Override
        protected boolean accept(Path path) {
            return super.accept(path) && (Files.isDirectory(path) || path.getFileName().toString().endsWith(".cfg"));
        }
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0) {
            for (String c : session.commandNames()) candidates.add(new Candidate(c));
            return;
        }
        if (line.wordIndex() != 1) return;
        String command = line.words().getFirst();
        if (ShellSession.DOMAIN_COMMANDS.contains(command)) {
            for (DomainInfo d : session.hypervisor().list()) {
                String what = d.isa() + ", " + d.type().xlName();
                candidates.add(new Candidate(d.name(), d.name(), "domains", what, null, null, true));
                candidates.add(new Candidate(Integer.toString(d.id()), Integer.toString(d.id()), "ids", d.name(), null, null, true));
            }
        } else if (command.equals("create")) {
            files.complete(reader, line, candidates);
        } else if (command.equals("help")) {
            for (String c : session.commandNames()) candidates.add(new Candidate(c));
        }
    }
}
