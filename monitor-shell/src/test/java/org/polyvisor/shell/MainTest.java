package org.polyvisor.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** {@code polyvisor} as a user runs it: arguments in, output and exit code out. */
class MainTest {
    @TempDir
    Path tmp;

    @Test
    void versionNamesTheRelease() {
        Cli r = Cli.run("--version");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("polyvisor 0.1.0"), r::toString);
    }

    @Test
    void helpListsTheSubcommands() {
        Cli r = Cli.run("--help");
        assertEquals(0, r.code(), r::toString);
        for (String c : List.of("run", "isa", "disasm", "--dom0-isa", "--pcpus", "--host-memory")) assertTrue(r.out().contains(c), c + "\n" + r);
    }

    @Test
    void anUnknownOptionIsOneLineAndExitTwo() {
        Cli r = Cli.run("--frobnicate");
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines(), r::toString);
        assertTrue(r.err().contains("--frobnicate"), r::toString);
    }

    @Test
    void anUnknownCommandIsNamed() {
        Cli r = Cli.run("bogus");
        assertEquals(2, r.code(), r::toString);
        assertEquals("polyvisor: no such command: bogus (commands: run, isa, disasm) (see 'polyvisor --help')", r.err().strip());
    }

    @Test
    void isaListsEveryLoadedBackendOnALine() {
        Cli r = Cli.run("isa");
        if (Guests.CATALOG.all().isEmpty()) {
            assertEquals(1, r.code(), r::toString);
            return;
        }
        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(Guests.CATALOG.all().size(), lines.size(), r::toString);
        for (var p : Guests.CATALOG.all()) {
            String line = lines.stream().filter(l -> l.startsWith(p.id() + " ")).findFirst().orElseThrow(() -> new AssertionError(p.id() + "\n" + r));
            assertTrue(line.contains(p.wordBits() + "-bit") && line.contains("endian") && line.matches(".*ELF machine +" + p.elfMachine() + " .*")
                    && line.contains(p.description()), line);
        }
    }

    @Test
    void disasmPrintsObjdumpLines() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Guests.CATALOG.has("x86"), "isa-x86 not loaded");
        Path bin = Files.write(tmp.resolve("x.bin"), new byte[] {(byte) 0xb8, 1, 0, 0, 0, (byte) 0xc3});
        Cli r = Cli.run("disasm", "--isa", "x86", bin.toString());
        assertEquals(0, r.code(), r::toString);
        // objdump -D -b binary -m i386 x.bin, without its headers
        assertEquals(List.of("   0:\tb8 01 00 00 00       \tmov    $0x1,%eax", "   5:\tc3                   \tret"), r.out().lines().toList());
    }

    @Test
    void disasmTakesABaseAddress() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Guests.CATALOG.has("x86"), "isa-x86 not loaded");
        Path bin = Files.write(tmp.resolve("x.bin"), new byte[] {(byte) 0xc3});
        Cli r = Cli.run("disasm", "--isa", "x86", "--base", "0x100000", bin.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("  100000:\tc3                   \tret"), r.out().lines().toList());
    }

    @Test
    void disasmOfAnUnknownIsaListsTheLoadedOnes() throws Exception {
        Path bin = Files.write(tmp.resolve("x.bin"), new byte[] {0});
        Cli r = Cli.run("disasm", "--isa", "vax", bin.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines(), r::toString);
        assertTrue(r.err().contains("no such ISA: vax") && r.err().contains("loaded: "), r::toString);
        for (var p : Guests.CATALOG.all()) assertTrue(r.err().contains(p.id()), r::toString);
    }

    @Test
    void disasmOfAMissingFileIsOneLine() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Guests.CATALOG.has("x86"), "isa-x86 not loaded");
        Cli r = Cli.run("disasm", "--isa", "x86", tmp.resolve("nope.bin").toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines(), r::toString);
        assertTrue(r.err().contains("nope.bin: no such file"), r::toString);
    }

    @Test
    void disasmOfABadAddressIsOneLine() throws Exception {
        Path bin = Files.write(tmp.resolve("x.bin"), new byte[] {0});
        Cli r = Cli.run("disasm", "--isa", "x86", "--base", "zz", bin.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines(), r::toString);
        assertTrue(r.err().contains("'zz' is not an address"), r::toString);
    }

    @Test
    void aDom0IsaThatIsNotLoadedIsNamedWithTheLoadedOnes() {
        Cli r = Cli.runWithInput("list\n", "--dom0-isa", "vax");
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines(), r::toString);
        assertTrue(r.err().contains("no such ISA: vax; loaded: " + Guests.CATALOG.ids()), r::toString);
    }

    @Test
    void pipedCommandsRunWithoutATerminal() {
        String isa = Guests.dom0Isa();
        Cli r = Cli.runWithInput("list\nnonsense\ninfo\n", "--dom0-isa", isa, "--pcpus", "1");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Domain-0 ") && l.contains(" " + isa + " ")), r::toString);
        assertTrue(r.out().contains("xen_version"), r::toString);
        assertEquals("error: unknown command 'nonsense'; type 'help' for the list", r.err().strip(), r::toString);
    }

    @Test
    void aBadHostOptionIsOneLine() {
        Cli r = Cli.runWithInput("", "--pcpus", "0");
        assertEquals(2, r.code(), r::toString);
        assertEquals("polyvisor: pcpus must be 1 to 256, was 0", r.err().strip(), r::toString);
        r = Cli.runWithInput("", "--host-memory", "lots");
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines(), r::toString);
    }

    @Test
    void pipedConsoleDetachesOnCtrlBracketAndTheShellGoesOn() {
        String isa = Guests.dom0Isa();
        Cli r = Cli.runWithInput("console 0\n\u001d\nlist\nquit\nlist\n", "--dom0-isa", isa, "--pcpus", "1");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("[console of domain 0 (Domain-0, " + isa + "); Ctrl-] detaches]"), r::toString);
        assertTrue(r.out().contains("[detached from domain 0 (Domain-0, " + isa + ")]"), r::toString);
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("Domain-0 ")).count(), () -> "list must run once, before quit\n" + r);
        assertEquals("", r.err(), r::toString);
    }

    static final List<String> ISAS = Guests.ISAS;

    @ParameterizedTest(name = "run {0}/hello.cfg")
    @FieldSource("ISAS")
    void runHelloPowersOffWithItsGreetingAndChecksum(String isa) {
        Path cfg = Guests.cfg(isa, "hello");
        Cli r = Cli.run("run", "--pcpus", "1", "--timeout", "60", cfg.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Hello from " + isa + " domain 1\n"), r::toString);
        assertTrue(r.out().contains("checksum 0xa949fd90\n"), r::toString);
        assertEquals(1, r.out().split("Hello from", -1).length - 1, () -> "greeting printed more than once\n" + r);
    }

    @ParameterizedTest(name = "run {0}/crash.cfg")
    @FieldSource("ISAS")
    void runCrashExitsOneWithTheKernelsMessage(String isa) {
        Path cfg = Guests.cfg(isa, "crash");
        Cli r = Cli.run("run", "--pcpus", "1", "--timeout", "60", cfg.toString());
        assertEquals(1, r.code(), r::toString);
        assertEquals(1, r.errLines(), r::toString);
        assertTrue(r.err().contains("crashed") && r.err().contains("undefined instruction"), r::toString);
    }

    @Test
    void runOfABadConfigNamesLineAndColumn() throws Exception {
        Path cfg = Files.writeString(tmp.resolve("bad.cfg"), "name = \"x\"\nmemory = = 3\n");
        Cli r = Cli.run("run", cfg.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines(), r::toString);
        assertTrue(r.err().contains("bad.cfg:2:"), r::toString);
        assertTrue(r.err().matches("(?s).*bad\\.cfg:2:\\d+: .*"), r::toString);
    }

    @Test
    void runOfAMissingConfigIsOneLine() {
        Cli r = Cli.run("run", tmp.resolve("none.cfg").toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines(), r::toString);
        assertTrue(r.err().contains("none.cfg") && r.err().contains("no such file"), r::toString);
    }

    @Test
    void runOfAnUnknownIsaIsBadInput() throws Exception {
        Path elf = Guests.cfg(Guests.isaWith("hello"), "hello").resolveSibling("hello.elf");
        Path cfg = Files.writeString(tmp.resolve("vax.cfg"), "name = \"v\"\nisa = \"vax\"\nkernel = \"" + elf + "\"\n");
        Cli r = Cli.run("run", "--pcpus", "1", cfg.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines(), r::toString);
        assertTrue(r.err().contains("no such ISA: vax; loaded: " + Guests.CATALOG.ids()), r::toString);
    }

    @Test
    void runThatTimesOutDestroysTheDomainAndExitsThree() {
        Path cfg = Guests.cfg(Guests.isaWith("spin"), "spin");
        Cli r = Cli.run("run", "--pcpus", "1", "--timeout", "0.5", cfg.toString());
        assertEquals(3, r.code(), r::toString);
        assertEquals(1, r.errLines(), r::toString);
        assertTrue(r.err().contains("timeout") && r.err().contains("destroyed"), r::toString);
    }
}
