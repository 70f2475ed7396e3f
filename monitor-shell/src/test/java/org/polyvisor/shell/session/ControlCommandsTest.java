package org.polyvisor.shell.session;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.images.GuestImages;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.HypervisorOptions;
import org.polyvisor.kernel.control.XsmPolicy;
import org.polyvisor.shell.Guests;

/**
 * vcpu-set, mem-max, mem-set and dmesg as a user types them: each goes through the control plane (domctl/sysctl
 * behind the XSM policy), bad arguments end in one clear error line, never a stack trace.
 */
class ControlCommandsTest {
    @TempDir Path tmp;
    private final StringWriter out = new StringWriter(), err = new StringWriter();
    private ShellSession session;

    @AfterEach
    void close() {
        if (session != null) session.close();
    }

    /** dom0, and domain 1 "two": the spin guest with 2 vCPUs and 8 MiB. */
    private void boot() throws Exception {
        String isa = Guests.dom0Isa();
        Hypervisor h = Hypervisor.boot(new HypervisorOptions(1, 256, 16), Guests.CATALOG, isa, GuestImages.resourceName(isa, "dom0.elf"),
                GuestImages.dom0Kernel(isa).orElseThrow());
        session = new ShellSession(h, new PrintWriter(out), new PrintWriter(err), KeySource.NONE);
        Path spin = Guests.cfg(Guests.isaWith("spin"), "spin");
        Path cfg = Files.writeString(tmp.resolve("two.cfg"), "name = \"two\"\nkernel = \"" + spin.resolveSibling("spin.elf")
                + "\"\nmemory = 8\nvcpus = 2\n");
        run("create " + cfg);
        assertEquals("", err.toString(), "create: " + out);
    }

    /** Runs a line; returns "out" or "err: the error line", so a row says which it expects. */
    private String run(String line) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        session.execute(line);
        List<String> errors = err.toString().lines().toList();
        if (!errors.isEmpty()) return "err: " + String.join(" // ", errors);
        return out.toString().strip();
    }

    private record Row(String line, String expected) { }

    private void table(List<Row> rows) {
        List<Executable> checks = new ArrayList<>();
        for (Row r : rows) {
            String got = run(r.line());
            checks.add(() -> assertEquals(r.expected(), got, r.line()));
            checks.add(() -> assertTrue(!got.contains("Exception") && !got.contains("\tat "), r.line() + " printed a stack trace: " + got));
        }
        assertAll(checks);
    }

    @Test
    void vcpuSetAndMemMaxWithGoodAndBadArguments() throws Exception {
        boot();
        String two = "domain 1 (two, " + session.hypervisor().domain("two").isa().id() + ")";
        table(List.of(
            new Row("vcpu-set two 1", "vCPUs of " + two + " set to 1 online (of 2)"),
            new Row("xenstore-read /local/domain/1/cpu/1/availability", "offline"),
            new Row("vcpu-set 1 2", "vCPUs of " + two + " set to 2 online (of 2)"),
            new Row("xenstore-read /local/domain/1/cpu/1/availability", "online"),
            new Row("vcpu-set two 3", "err: error: " + two + " has at most 2 vCPUs (maxvcpus); asked for 3"),
            new Row("vcpu-set two 0", "err: error: " + two + " has at most 2 vCPUs (maxvcpus); asked for 0"),
            new Row("vcpu-set two many", "err: error: Invalid value for positional parameter at index 1 (<n>): 'many' is not an int (usage: vcpu-set <dom> <n>)"),
            new Row("vcpu-set nobody 1", "err: error: no such domain: nobody"),
            new Row("vcpu-set two", "err: error: Missing required parameter: '<n>' (usage: vcpu-set <dom> <n>)"),
            new Row("mem-max two 6", "err: error: maximum memory 6 MiB is below the balloon target of " + two + " (8 MiB); lower it first with mem-set"),
            new Row("mem-set two 4", "balloon target of " + two + " set to 4 MiB"),
            new Row("mem-max two 6", "maximum memory of " + two + " set to 6 MiB"),
            new Row("xenstore-read /local/domain/1/memory/static-max", "6144"),
            new Row("mem-set two 7", "err: error: memory target must be 1 to 6 MiB (the domain's maximum), was 7"),
            new Row("mem-max two 3", "err: error: maximum memory 3 MiB is below the balloon target of " + two + " (4 MiB); lower it first with mem-set"),
            new Row("mem-max two 9", "err: error: maximum memory of " + two + " must be 1 to 8 MiB (what it was built with), was 9"),
            new Row("mem-max two 0", "err: error: maximum memory of " + two + " must be 1 to 8 MiB (what it was built with), was 0"),
            new Row("mem-max two lots", "err: error: Invalid value for positional parameter at index 1 (<MiB>): 'lots' is not a long (usage: mem-max <dom> <MiB>)"),
            new Row("mem-max ghost 4", "err: error: no such domain: ghost"),
            new Row("mem-max two 8", "maximum memory of " + two + " set to 8 MiB")));
        assertEquals(8L * 256, session.hypervisor().domain("two").memory().maxPages());
    }

    @Test
    void dmesgReadsTheConsoleRingAndDashCClearsIt() throws Exception {
        boot();
        assertTrue(run("dmesg").contains("(XEN) created domain 1 (two"), out::toString);
        assertTrue(run("dmesg -c").contains("(XEN) created domain 0"), out::toString);
        assertEquals("", run("dmesg"), "the ring was cleared");
        run("mem-max two 8");
        assertTrue(run("dmesg").startsWith("(XEN) maximum memory of domain 1"), out::toString);
    }

    @Test
    void aPolicyThatNamesNoToolstackOpStillLetsDom0AndTheShellAct() throws Exception {
        boot();
        session.hypervisor().setPolicy(XsmPolicy.parse("p", List.of("allow two getdomaininfo")));
        assertTrue(run("vcpu-set two 2").startsWith("vCPUs of"), out::toString);
        assertTrue(run("mem-max two 8").startsWith("maximum memory of"), out::toString);
    }
}
