package org.polyvisor.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.domain.DomainCreateException;

/** Bad configs and images end in one precise message, and leave the hypervisor as it was. */
class BadInputTest {
    @TempDir Path dir;

    private String createFails(Hypervisor h, String config) throws Exception {
        Path cfg = dir.resolve("bad.cfg");
        Files.writeString(cfg, config);
        DomainCreateException e = assertThrows(DomainCreateException.class, () -> h.create(DomainConfig.read(cfg)));
        assertEquals(0, h.list().size(), "nothing is left behind");
        assertEquals(h.info().totalMemoryMiB(), h.info().freeMemoryMiB(), "no memory is kept");
        return e.getMessage();
    }

    private Path hello(String isa) { return Guests.folder().resolve(isa).resolve("hello.elf"); }

    @Test
    void unknownIsaListsTheLoadedOnes() throws Exception {
        try (Hypervisor h = Guests.hypervisor(1)) {
            String m = createFails(h, "name = \"x\"\nisa = \"sparc\"\nkernel = \"" + hello("x86") + "\"\n");
            assertEquals("cannot create domain 'x': no such ISA: sparc; loaded: arm64, ia64, ppc, x86, x86_64", m);
        }
    }

    @Test
    void aBoardRefusesWhatItCannotModel() throws Exception {
        try (Hypervisor h = Guests.hypervisor(1)) {
            String m = createFails(h, "name = \"x\"\ntype = \"hvm\"\nisa = \"arm64\"\nvcpus = 9\nkernel = \""
                    + Guests.folder().resolve("arm64").resolve("hvm-hello.elf") + "\"\n");
            assertEquals("cannot create domain 'x': arm64 virt board: GICv2 serves 8 vCPUs, not 9 (gic_version = \"v3\" serves up to 64)", m);
        }
    }

    @Test
    void missingKernelFile() throws Exception {
        try (Hypervisor h = Guests.hypervisor(1)) {
            String m = createFails(h, "name = \"x\"\nkernel = \"nowhere.elf\"\n");
            assertEquals("cannot create domain 'x': kernel " + dir.resolve("nowhere.elf") + ": no such file", m);
        }
    }

    @Test
    void truncatedElf() throws Exception {
        byte[] elf = Files.readAllBytes(hello("arm64"));
        Path cut = dir.resolve("cut.elf");
        Files.write(cut, Arrays.copyOf(elf, 100));
        try (Hypervisor h = Guests.hypervisor(1)) {
            String m = createFails(h, "name = \"x\"\nisa = \"arm64\"\nkernel = \"cut.elf\"\n");
            assertTrue(m.startsWith("cannot create domain 'x': " + cut + ": truncated or malformed: program header table"), m);
        }
    }

    @Test
    void notAnElfFile() throws Exception {
        Files.writeString(dir.resolve("text.elf"), "this is not an ELF file at all");
        try (Hypervisor h = Guests.hypervisor(1)) {
            String m = createFails(h, "name = \"x\"\nisa = \"ppc\"\nkernel = \"text.elf\"\n");
            assertTrue(m.endsWith("text.elf: not an ELF file: bad magic (expected 7f 45 4c 46)"), m);
        }
    }

    @Test
    void elfOfAnotherIsaThanTheConfigSays() throws Exception {
        try (Hypervisor h = Guests.hypervisor(1)) {
            String m = createFails(h, "name = \"x\"\nisa = \"arm64\"\nkernel = \"" + hello("ppc") + "\"\n");
            assertTrue(m.endsWith("ELF is for PowerPC, ELF32, but the domain's ISA is arm64 (AArch64, ELF64)"), m);
        }
    }

    @Test
    void moreMemoryThanTheHostHas() throws Exception {
        try (Hypervisor h = Guests.hypervisor(1)) {
            String m = createFails(h, "name = \"x\"\nisa = \"x86\"\nmemory = 4096\nkernel = \"" + hello("x86") + "\"\n");
            assertEquals("cannot create domain 'x': needs 4096 MiB of memory, but the host has only 1024 MiB free of 1024 MiB", m);
        }
    }

    @Test
    void isaIsTakenFromTheElfWhenTheConfigHasNone() throws Exception {
        Path cfg = dir.resolve("noisa.cfg");
        Files.writeString(cfg, "name = \"y\"\nkernel = \"" + hello("ia64") + "\"\n");
        try (Hypervisor h = Guests.hypervisor(1)) {
            assertEquals("ia64", h.create(DomainConfig.read(cfg)).isa().id());
        }
    }
}
