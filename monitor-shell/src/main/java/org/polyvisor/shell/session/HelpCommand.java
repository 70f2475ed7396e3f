package org.polyvisor.shell.session;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import java.util.LinkedHashSet;

@Command(name = "help", description = "List the commands, or show how to use one.")
final class HelpCommand implements Callable<Integer> {
    private final ShellSession s;

    @Parameters(paramLabel = "<command>", arity = "0..1", description = "the command to explain")
    String command;

    HelpCommand(ShellSession s) { this.s = s; }

    @Override
    public Integer call() {
        Map<String, CommandLine> all = s.commandLine().getSubcommands();
        if (command != null) {
            CommandLine c = all.get(command);
            if (c == null) {
                s.error("unknown command '" + command + "'; type 'help' for the list");
                return 1;
            }
            s.out().print(c.getUsageMessage(CommandLine.Help.Ansi.OFF));
            return 0;
        }
        for (CommandLine c : new LinkedHashSet<>(all.values())) {
            String synopsis = ShellCommands.usage(c);
            for (String alias : c.getCommandSpec().aliases()) synopsis += ", " + alias;
            String[] description = c.getCommandSpec().usageMessage().description();
            s.out().printf("  %-22s %s%n", synopsis, description.length == 0 ? "" : description[0]);
        }
        s.out().println("  A <dom> is a domain id or name. In a console, Ctrl-] detaches. Ctrl-D quits.");
        return 0;
    }
}
