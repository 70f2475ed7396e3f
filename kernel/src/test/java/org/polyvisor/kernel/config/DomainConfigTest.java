package org.polyvisor.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.spi.GuestType;

/** xl.cfg syntax: what it accepts, and the line and column of what it does not. */
class DomainConfigTest {
    private static DomainConfig parse(String text) throws ConfigException {
        return DomainConfig.parse("t.cfg", text, Path.of("/guests"));
    }

    @Test
    void aFullConfig() throws Exception {
        DomainConfig c = parse("""
                # a comment
                name = "web-1"   # trailing comment
                type = 'hvm'
                isa = "arm64"
                kernel = "hello.elf"
                memory = 0x40; vcpus = 4
                on_poweroff = "preserve"
                on_crash = "restart"
                cmdline = "console=hvc0 \\"quoted\\""
                extra = "ro"
                disk = [ "phy:/dev/sda,xvda,w",
                         "file:/tmp/b.img,xvdb,r" ]
                """);
        assertEquals("web-1", c.name());
        assertEquals(GuestType.HVM, c.type());
        assertEquals("arm64", c.isa());
        assertEquals(Path.of("/guests/hello.elf"), c.kernel());
        assertEquals(64, c.memoryMiB());
        assertEquals(4, c.vcpus());
        assertEquals(LifecycleAction.PRESERVE, c.onPoweroff());
        assertEquals(LifecycleAction.RESTART, c.onCrash());
        assertEquals(LifecycleAction.RESTART, c.onReboot());
        assertEquals("console=hvc0 \"quoted\" ro", c.cmdline());
        assertEquals(List.of("t.cfg:11: setting 'disk' is not supported and was ignored"), c.warnings());
    }

    @Test
    void defaultsAreXls() throws Exception {
        DomainConfig c = parse("name=\"a\"\nkernel=\"/k\"\n");
        assertEquals(GuestType.PV, c.type());
        assertEquals(1, c.vcpus());
        assertEquals(LifecycleAction.DESTROY, c.onPoweroff());
        assertEquals(LifecycleAction.DESTROY, c.onCrash());
        assertEquals(null, c.isa());
    }

    @Test
    void appendingToListsAndStrings() throws Exception {
        var s = XlConfigParser.parse("t", "a = [1]\na += [2, 3]\nb = \"x\"\nb += \"y\"\n");
        assertEquals(3, ((ConfigValue.ListOf) s.get("a")).items().size());
        assertEquals("xy", ((ConfigValue.Text) s.get("b")).value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            name = "a" kernel = "k"              | t.cfg:1:12: expected the end of the line after the value of 'name', found 'k'
            name "a"                             | t.cfg:1:6: expected '=' after 'name', found '\"'
            name =                               | t.cfg:1:7: expected a value after '=', found the end of the file
            name = "a\\nkernel = \\"k\\"\\n      | t.cfg:1:8: string is not closed with \"
            \\nmemory = 12x                      | t.cfg:2:10: '12x' is not a number (strings need quotes)
            x = [1, 2                            | t.cfg:1:5: list is not closed with ']'
            x = [1 2]                            | t.cfg:1:8: expected ',' or ']' in the list, found '2'
            = 3                                  | t.cfg:1:1: expected a setting name, found '='
            name = "a"\\nkernel = "k"\\nvcpus = 65 | t.cfg:3:9: vcpus must be 1 to 64, was 65
            name = "a"\\nkernel = "k"\\nmemory = 0 | t.cfg:3:10: memory must be 1 to 1048576 MiB, was 0
            name = "a"\\nkernel = "k"\\ntype = "xen" | t.cfg:3:8: type 'xen' must be \"pv\" or \"hvm\"
            name = "a"\\nkernel = "k"\\non_crash = "coredump-destroy" | t.cfg:3:12: on_crash = \"coredump-destroy\" is not supported yet (supported: destroy, restart, rename-restart, preserve)
            name = "a"\\nkernel = "k"\\non_crash = "explode" | t.cfg:3:12: on_crash = \"explode\" is not an action (one of: coredump-destroy, coredump-restart, destroy, preserve, rename-restart, restart, soft-reset)
            name = "a b"\\nkernel = "k"          | t.cfg:1:8: name 'a b' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit
            kernel = "k"                         | t.cfg: 'name' is required
            name = "a"                           | t.cfg: 'kernel' is required
            name = 3\\nkernel = "k"              | t.cfg:1:8: 'name' must be a string in quotes, not a number
            """)
    void badConfigsSayWhereAndWhat(String text, String message) {
        String t = text.strip().replace("\\n", "\n").replace("\\\"", "\"");
        ConfigException e = assertThrows(ConfigException.class, () -> parse(t));
        assertEquals(message, e.getMessage());
    }

    @Test
    void unreadableFile() {
        ConfigException e = assertThrows(ConfigException.class, () -> DomainConfig.read(Path.of("/no/such/dir/x.cfg")));
        assertEquals("cannot read config /no/such/dir/x.cfg: no such file", e.getMessage());
    }

    @Test
    void typePvhIsAnHvmDomainTheBoardEntersThePvhWay() throws ConfigException {
        DomainConfig pvh = parse("name=\"p\"\ntype=\"pvh\"\nkernel=\"/k\"\n");
        assertEquals(org.polyvisor.spi.GuestType.HVM, pvh.type());
        assertEquals(java.util.Map.of("boot_protocol", "pvh"), pvh.platform(), "the board boots it PVH only");
        DomainConfig chosen = parse("name=\"p\"\ntype=\"pvh\"\nboot_protocol=\"multiboot\"\nkernel=\"/k\"\n");
        assertEquals("multiboot", chosen.platform().get("boot_protocol"), "an explicit boot_protocol stands");
        assertEquals(java.util.Map.of(), parse("name=\"h\"\ntype=\"hvm\"\nkernel=\"/k\"\n").platform(), "hvm: the board picks");
    }
}
