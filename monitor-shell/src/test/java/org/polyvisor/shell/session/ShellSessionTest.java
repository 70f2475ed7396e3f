package org.polyvisor.shell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.images.GuestImages;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.HypervisorOptions;
import org.polyvisor.shell.Guests;

/** The monitor shell's commands, driven by lines of text as a user types them. */
class ShellSessionTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private ShellSession session;

    private static final HypervisorOptions OPTIONS = new HypervisorOptions(1, 256, 16);

    /** A hypervisor with no dom0: enough for the commands that only read configs and tables. */
    private ShellSession bare() {
        session = new ShellSession(Hypervisor.boot(OPTIONS, Guests.CATALOG), new PrintWriter(out), new PrintWriter(err), KeySource.NONE);
        return session;
    }

    private ShellSession withDom0(KeySource keys) throws Exception {
        String isa = Guests.dom0Isa();
        Hypervisor h = Hypervisor.boot(OPTIONS, Guests.CATALOG, isa, GuestImages.resourceName(isa, "dom0.elf"), GuestImages.dom0Kernel(isa).orElseThrow());
        session = new ShellSession(h, new PrintWriter(out), new PrintWriter(err), keys);
        return session;
    }

    /** What a key source does while no key comes: waits, at most a little. */
    private static void idle(long timeoutMillis) {
        try {
            Thread.sleep(Math.min(timeoutMillis, 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void close() {
        if (session != null) session.close();
    }

    /** Runs a line; returns what it printed on out (err is checked separately). */
    private String run(String line) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        session.execute(line);
        return out.toString();
    }

    private String oneErrorLine() {
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), () -> "expected one error line, got:\n" + err + "\nout:\n" + out);
        assertTrue(lines.getFirst().startsWith("error: "), lines.getFirst());
        return lines.getFirst();
    }

    private String row(String listing, String name) {
        return listing.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow(() -> new AssertionError("no row " + name + " in\n" + listing));
    }

    @Test
    void listAfterBootShowsDomain0() throws Exception {
        withDom0(KeySource.NONE);
        String listing = run("list");
        assertTrue(listing.lines().findFirst().orElseThrow().matches("Name\\s+ID\\s+Mem\\s+VCPUs\\s+State\\s+Time\\(s\\)\\s+ISA\\s+Type"), listing);
        String dom0 = row(listing, "Domain-0");
        assertTrue(dom0.matches("Domain-0\\s+0\\s+16\\s+1\\s+[-rb]{2}-{4}\\s+\\d+\\.\\d\\s+" + session.dom0Isa().orElseThrow() + "\\s+pv"), dom0);
        assertEquals("", err.toString());
        assertEquals("polyvisor (dom0: " + session.dom0Isa().orElseThrow() + ")> ", session.prompt());
    }

    @Test
    void listOfNamedDomainsShowsOnlyThoseAndRefusesUnknownOnes() throws Exception {
        withDom0(KeySource.NONE);
        String listing = run("list 0");
        assertEquals(2, listing.lines().count(), listing);
        row(listing, "Domain-0");
        run("list Domain-0 nosuch");
        assertEquals("error: no such domain: nosuch", oneErrorLine());
    }

    @Test
    void schedulingAndNamingCommands() throws Exception {
        withDom0(KeySource.NONE);
        String credit = run("sched-credit -d 0 -w 512 -c 50");
        assertTrue(credit.lines().anyMatch(l -> l.matches("Domain-0\\s+0\\s+512\\s+50")), credit);
        run("sched-credit -d 0 -w 0");
        assertEquals("error: weight must be 1 to 65535, was 0", oneErrorLine());
        String vcpus = run("vcpu-list 0");
        assertTrue(vcpus.lines().anyMatch(l -> l.matches("Domain-0\\s+0\\s+0\\s+\\S+\\s+\\S+\\s+all")), vcpus);
        assertEquals("pinned domain 0 (Domain-0, " + session.dom0Isa().orElseThrow() + ") vCPU 0 to pCPUs 0\n", run("vcpu-pin 0 0 0"));
        assertTrue(run("vcpu-list 0").lines().anyMatch(l -> l.endsWith(" 0")));
        run("vcpu-pin 0 3 0");
        assertEquals("error: domain 0 (Domain-0, " + session.dom0Isa().orElseThrow() + ") has no vCPU 3", oneErrorLine());
        run("vcpu-pin 0 0 7");
        assertTrue(oneErrorLine().startsWith("error: no pCPU in that set"));
        assertEquals("0\n", run("domid Domain-0"));
        assertEquals("Domain-0\n", run("domname 0"));
        run("rename 0 other");
        assertEquals("error: dom0 keeps its name", oneErrorLine());
        assertTrue(run("uptime").lines().anyMatch(l -> l.matches("Domain-0\\s+0\\s+0:00:\\d\\d")));
    }

    @Test
    void xenstoreCommandsSeeTheStandardNodes() throws Exception {
        withDom0(KeySource.NONE);
        assertEquals("Domain-0\n", run("xenstore-read /local/domain/0/name"));
        run("xenstore-write /local/domain/0/data/note hello");
        assertEquals("hello\n", run("xenstore-read /local/domain/0/data/note"));
        String ls = run("xenstore-ls /local/domain/0");
        assertTrue(ls.contains("/local/domain/0/memory/target = \"16384\""), ls);
        assertEquals("balloon target of domain 0 (Domain-0, " + session.dom0Isa().orElseThrow() + ") set to 8 MiB\n", run("mem-set 0 8"));
        assertEquals("8192\n", run("xenstore-read /local/domain/0/memory/target"));
        run("mem-set 0 99");
        assertEquals("error: memory target must be 1 to 16 MiB (the domain's maximum), was 99", oneErrorLine());
        assertTrue(run("top").lines().anyMatch(l -> l.startsWith("Domain-0 ")));
        run("xenstore-read /nowhere");
        assertEquals("error: xenstore-read /nowhere: ENOENT", oneErrorLine());
    }

    @Test
    void createOfAnUnknownIsaListsTheLoadedOnes() throws Exception {
        Path elf = Guests.cfg(Guests.isaWith("hello"), "hello").resolveSibling("hello.elf");
        Path cfg = Files.writeString(tmp.resolve("vax.cfg"), "name = \"v\"\nisa = \"vax\"\nkernel = \"" + elf + "\"\n");
        bare();
        run("create " + cfg);
        String e = oneErrorLine();
        assertTrue(e.contains("no such ISA: vax; loaded: " + Guests.CATALOG.ids()), e);
    }

    @Test
    void createWithAMissingKernelIsOneLine() throws Exception {
        Path cfg = Files.writeString(tmp.resolve("k.cfg"), "name = \"k\"\nisa = \"x86\"\nkernel = \"gone.elf\"\n");
        bare();
        run("create " + cfg);
        String e = oneErrorLine();
        assertTrue(e.contains("gone.elf") && e.contains("no such file"), e);
    }

    @Test
    void createOfBadSyntaxNamesLineAndColumn() throws Exception {
        Path cfg = Files.writeString(tmp.resolve("bad.cfg"), "name = \"b\"\nkernel \"x.elf\"\n");
        bare();
        run("create '" + cfg + "'");
        String e = oneErrorLine();
        assertTrue(e.matches("error: .*bad\\.cfg:2:\\d+: .*"), e);
    }

    @Test
    void createOfAMissingConfigIsOneLine() {
        bare();
        run("create " + tmp.resolve("none.cfg"));
        assertTrue(oneErrorLine().contains("none.cfg: no such file"), err::toString);
    }

    @Test
    void destroyOfAnUnknownDomainIsAnError() {
        bare();
        assertTrue(session.execute("destroy nosuch"));
        assertEquals("error: no such domain: nosuch", oneErrorLine());
        run("destroy 42");
        assertEquals("error: no such domain: 42", oneErrorLine());
    }

    @Test
    void aMissingArgumentShowsTheUsage() {
        bare();
        run("pause");
        assertTrue(oneErrorLine().contains("usage: pause <dom>"), err::toString);
    }

    @Test
    void anUnknownCommandSaysSoAndTheShellGoesOn() {
        bare();
        assertTrue(session.execute("frobnicate 3"));
        assertEquals("error: unknown command 'frobnicate'; type 'help' for the list", oneErrorLine());
        run("create 'unclosed");
        assertTrue(oneErrorLine().contains("unclosed single quote"), err::toString);
    }

    @Test
    void pauseAndUnpauseShowInTheStateColumn() throws Exception {
        Path cfg = Guests.cfg(Guests.isaWith("spin"), "spin");
        withDom0(KeySource.NONE);
        String created = run("create " + cfg);
        assertTrue(created.matches("created domain 1 \\(spin-\\S+, \\S+\\)\\R"), created + err);
        String name = created.substring(created.indexOf('(') + 1, created.indexOf(','));
        assertTrue(run("pause " + name).startsWith("paused domain 1"), out::toString);
        String paused = row(run("list"), name);
        assertTrue(paused.matches(name + "\\s+1\\s+\\d+\\s+1\\s+--p---\\s+.*"), paused);
        run("unpause 1");
        assertEquals("", err.toString());
        String running = row(run("list"), name);
        assertTrue(running.matches(name + "\\s+1\\s+\\d+\\s+1\\s+[rb-]{2}-{4}\\s+.*"), running);
        assertEquals("paused domain 1 (" + name + ", " + created.substring(created.indexOf(", ") + 2, created.indexOf(')')) + ")",
                run("pause 1").strip(), "a first pause");
        assertTrue(run("pause 1").strip().endsWith("(2 pauses to undo)"), "pauses nest, as in Xen: " + out);
        assertTrue(run("unpause 1").strip().endsWith("stays paused (1 more pause to undo)"), out::toString);
        assertTrue(row(run("list"), name).matches(name + "\\s+1\\s+\\d+\\s+1\\s+--p---\\s+.*"), "still paused: " + out);
        assertTrue(run("unpause 1").startsWith("unpaused domain 1"), out::toString);
        run("unpause 1");
        assertTrue(oneErrorLine().contains("is not paused"), err::toString);
        assertTrue(run("destroy " + name).startsWith("destroyed domain 1"), out::toString);
        assertFalse(run("list").contains(name), out::toString);
    }

    @Test
    void createPrintsTheConfigsWarningsFirst() throws Exception {
        String isa = Guests.isaWith("spin");
        Path elf = Guests.cfg(isa, "spin").resolveSibling("spin.elf");
        Path cfg = Files.writeString(tmp.resolve("w.cfg"), "name = \"w\"\nisa = \"" + isa + "\"\nkernel = \"" + elf
                + "\"\nmemory = 8\nvif = [ 'bridge=xenbr0' ]\n");
        withDom0(KeySource.NONE);
        List<String> lines = run("create " + cfg).lines().toList();
        assertEquals(2, lines.size(), out::toString);
        assertTrue(lines.get(0).startsWith("warning: ") && lines.get(0).contains("w.cfg:5") && lines.get(0).contains("'vif'"), lines.get(0));
        assertEquals("created domain 1 (w, " + isa + ")", lines.get(1));
        run("create " + cfg);
        assertTrue(oneErrorLine().contains("a domain of that name exists"), err::toString);
    }

    @Test
    void dom0CannotBeDestroyed() throws Exception {
        withDom0(KeySource.NONE);
        run("destroy Domain-0");
        assertEquals("error: dom0 cannot be destroyed", oneErrorLine());
    }

    @Test
    void consoleShowsHistoryAndDetachesOnCtrlBracket() throws Exception {
        String isa = Guests.dom0Isa();
        String golden = GuestImages.resource(isa, "dom0.golden").map(String::new).orElse("").strip();
        // Keys: nothing for a while (the console stays attached), then Ctrl-].
        int[] script = {KeySource.TIMEOUT, KeySource.TIMEOUT, KeySource.TIMEOUT, ConsoleAttach.DETACH_KEY};
        int[] next = {0};
        withDom0(timeout -> {
            if (!golden.isEmpty() && !out.toString().contains(golden)) {
                idle(timeout);
                return KeySource.TIMEOUT;
            }
            return script[Math.min(next[0]++, script.length - 1)];
        });
        String shown = run("console 0");
        assertTrue(shown.startsWith("[console of domain 0 (Domain-0, " + isa + "); Ctrl-] detaches]"), shown);
        assertTrue(shown.contains(golden), shown);
        assertTrue(shown.strip().endsWith("[detached from domain 0 (Domain-0, " + isa + ")]"), shown);
        assertEquals("", err.toString());
    }

    @Test
    void consoleDetachesWhenTheDomainEnds() throws Exception {
        String isa = Guests.isaWith("hello");
        Path elf = Guests.cfg(isa, "hello").resolveSibling("hello.elf");
        // Preserved after poweroff, so that it is still there to attach to however fast it runs.
        Path cfg = Files.writeString(tmp.resolve("h.cfg"), "name = \"h\"\nisa = \"" + isa + "\"\nkernel = \"" + elf
                + "\"\nmemory = 16\non_poweroff = \"preserve\"\n");
        withDom0(timeout -> {
            idle(timeout);
            return KeySource.TIMEOUT;
        });
        String created = run("create " + cfg);
        String shown = run("console 1");
        assertTrue(shown.contains("Hello from "), created + shown + err);
        assertTrue(shown.contains("checksum 0xa949fd90"), shown);
        assertTrue(shown.strip().endsWith("shut down (poweroff); detached]"), shown);
    }

    @Test
    void helpInfoDmesgIsaAndQuit() throws Exception {
        withDom0(KeySource.NONE);
        String help = run("help");
        for (String c : List.of("list", "create <cfg>", "destroy <dom>", "shutdown <dom>", "pause <dom>", "unpause <dom>",
                "console <dom>", "isa", "info", "dmesg", "help", "quit")) assertTrue(help.contains(c), c + "\n" + help);
        assertTrue(run("help create").contains("<cfg>"), out::toString);
        assertTrue(run("info").contains("xen_version"), out::toString);
        assertTrue(run("dmesg").contains("(XEN) created domain 0"), out::toString);
        assertTrue(run("isa").lines().count() == Guests.CATALOG.all().size(), out::toString);
        assertTrue(session.execute("# a comment"));
        assertTrue(session.execute(""));
        assertFalse(session.execute("exit"));
        assertFalse(session.quitRequested() && session.execute("list"));
    }

    @Test
    void shutdownPowersADomainOff() throws Exception {
        Path cfg = Guests.cfg(Guests.isaWith("spin"), "spin");
        withDom0(KeySource.NONE);
        run("create " + cfg);
        assertTrue(run("shutdown 1").startsWith("shut down domain 1"), out + "" + err);
        run("shutdown 0");
        assertTrue(oneErrorLine().contains("dom0 cannot be shut down"), err::toString);
    }
}
