package org.polyvisor.shell.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.polyvisor.images.GuestImages;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.HypervisorOptions;
import org.polyvisor.shell.Guests;
import org.polyvisor.shell.session.KeySource;
import org.polyvisor.shell.session.ShellSession;

/** Tab completion offers command names, and the domains as they are now. */
class ShellCompleterTest {
    private static List<String> complete(ShellSession s, String line) {
        List<Candidate> out = new ArrayList<>();
        new ShellCompleter(s).complete(null, new DefaultParser().parse(line, line.length()), out);
        return out.stream().map(Candidate::value).sorted().toList();
    }

    @Test
    void commandsThenDomains() throws Exception {
        String isa = Guests.dom0Isa();
        Hypervisor h = Hypervisor.boot(new HypervisorOptions(1, 64, 16), Guests.CATALOG, isa, "dom0",
                GuestImages.dom0Kernel(isa).orElseThrow());
        try (ShellSession s = new ShellSession(h, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), KeySource.NONE)) {
            List<String> commands = complete(s, "");
            for (String c : List.of("console", "create", "destroy", "dmesg", "exit", "help", "info", "isa", "list", "pause", "quit",
                    "shutdown", "unpause")) assertTrue(commands.contains(c), c + " in " + commands);
            assertEquals(List.of("0", "Domain-0"), complete(s, "pause "));
            assertEquals(List.of("0", "Domain-0"), complete(s, "console Dom"));
            assertEquals(List.of("0", "Domain-0"), complete(s, "list "));
            assertTrue(complete(s, "isa ").isEmpty());
        }
    }
}
