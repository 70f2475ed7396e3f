package org.polyvisor.shell.session;

import org.polyvisor.shell.view.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The monitor shell's command tree: a nameless root whose subcommands are the shell's commands. */
@Command(name = "", mixinStandardHelpOptions = false)
final class ShellCommands {
    private ShellCommands() { }

    static CommandLine build(ShellSession s) {
        CommandLine root = new CommandLine(new ShellCommands());
        root.addSubcommand("list", new ListCommand(s));
        root.addSubcommand("create", new CreateCommand(s));
        root.addSubcommand("destroy", new DomainOpCommands.Destroy(s));
        root.addSubcommand("shutdown", new DomainOpCommands.Shutdown(s));
        root.addSubcommand("pause", new DomainOpCommands.Pause(s));
        root.addSubcommand("unpause", new DomainOpCommands.Unpause(s));
        root.addSubcommand("console", new ConsoleCommand(s));
        root.addSubcommand("sched-credit", new SchedulingCommands.SchedCredit(s));
        root.addSubcommand("vcpu-list", new SchedulingCommands.VcpuList(s));
        root.addSubcommand("vcpu-pin", new SchedulingCommands.VcpuPin(s));
        root.addSubcommand("vcpu-set", new SchedulingCommands.VcpuSet(s));
        root.addSubcommand("domid", new NamingCommands.DomId(s));
        root.addSubcommand("domname", new NamingCommands.DomName(s));
        root.addSubcommand("rename", new NamingCommands.Rename(s));
        root.addSubcommand("uptime", new NamingCommands.Uptime(s));
        root.addSubcommand("mem-set", new MemoryCommands.MemSet(s));
        root.addSubcommand("mem-max", new MemoryCommands.MemMax(s));
        root.addSubcommand("top", new MemoryCommands.Top(s));
        root.addSubcommand("xenstore-ls", new XenStoreCommands.Ls(s));
        root.addSubcommand("xenstore-read", new XenStoreCommands.Read(s));
        root.addSubcommand("xenstore-write", new XenStoreCommands.Write(s));
        root.addSubcommand("isa", new HostCommands.Isa(s));
        root.addSubcommand("info", new HostCommands.Info(s));
        root.addSubcommand("dmesg", new HostCommands.Dmesg(s));
        root.addSubcommand("help", new HelpCommand(s));
        root.addSubcommand("quit", new QuitCommand(s), "exit");
        root.setExpandAtFiles(false);
        root.setOut(s.out());
        root.setErr(s.err());
        root.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            s.error(ex.getMessage() + " (usage: " + usage(c) + ")");
            return 2;
        });
        root.setExecutionExceptionHandler((ex, c, parsed) -> {
            s.error(Messages.oneLine(ex));
            return 1;
        });
        return root;
    }

    /** "destroy <dom>": the command's synopsis on one line. */
    static String usage(CommandLine c) {
        var plain = new CommandLine.Help(c.getCommandSpec(), CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        String synopsis = plain.synopsis(0);
        return Messages.flatten(synopsis.replaceFirst("^Usage:\\s*", ""));
    }
}
