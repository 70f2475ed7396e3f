package org.polyvisor.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.domain.DomainCreateException;

/**
 * Xen's placement rules for a PV kernel with Xen's notes (libelf's elf_xen_addr_calc_check), on the pv-high images
 * with one note changed in the file: PADDR_OFFSET without VIRT_BASE; VIRT_BASE moved up (the kernel's virtual range
 * moves with it and leaves the ENTRY note behind); an ENTRY outside the kernel; a legacy kernel (p_paddr = p_vaddr)
 * that lost its PADDR_OFFSET note (it then defaults to 0, so the range lands past 4 GiB). Each is refused with one
 * precise message and leaves nothing behind; the unchanged images boot (SelfCheckImageTest).
 */
class XenPvPlacementTest {
    static final int ENTRY = 1, VIRT_BASE = 3, PADDR_OFFSET = 4, UNKNOWN = 0x7ff0;

    @TempDir Path dir;

    @ParameterizedTest(name = "{0}: note {1} -> type {2}, value {3}")
    @CsvSource(delimiter = '|', value = {
        "x86_64/pv-high | 3 | 32752 |                    | Xen's ELF_PADDR_OFFSET note is set but VIRT_BASE is not",
        "x86/pv-high    | 3 | 32752 |                    | Xen's ELF_PADDR_OFFSET note is set but VIRT_BASE is not",
        "x86_64/pv-high | 3 | 3     | ffffffff80200000   | ELF start or entries are out of bounds (Xen's check): kernel 0xffffffff80300000-",
        "x86_64/pv-high | 1 | 1     | ffffffff80000000   | ELF start or entries are out of bounds (Xen's check): kernel 0xffffffff80100000-",
        "x86/pv-high    | 1 | 1     | c0200000           | ELF start or entries are out of bounds (Xen's check): kernel 0xc0100000-",
        "x86/pv-high    | 4 | 32752 |                    | ELF start or entries are out of bounds (Xen's check): kernel 0x180100000-",
    })
    void aMisplacedKernelIsRefused(String image, int note, int newType, String newValue, String expected) throws Exception {
        byte[] elf = Files.readAllBytes(Guests.folder().resolve(image + ".elf"));
        patchNote(elf, note, newType, newValue == null ? null : Long.parseUnsignedLong(newValue, 16));
        Path kernel = dir.resolve("patched.elf");
        Files.write(kernel, elf);
        Path cfg = dir.resolve("patched.cfg");
        Files.writeString(cfg, "name = \"x\"\ntype = \"pv\"\nmemory = 16\nkernel = \"" + kernel + "\"\n");
        try (Hypervisor h = Guests.hypervisor(1)) {
            DomainCreateException e = assertThrows(DomainCreateException.class, () -> h.create(DomainConfig.read(cfg)), image);
            assertTrue(e.getMessage().startsWith("cannot create domain 'x': " + kernel + ": " + expected)
                    || e.getMessage().startsWith("cannot create domain 'x': " + expected), image + ": " + e.getMessage());
            assertEquals(0, h.list().size(), "nothing is left behind");
            assertEquals(h.info().totalMemoryMiB(), h.info().freeMemoryMiB(), "no memory is kept");
        }
    }

    /** Finds the "Xen" note of {@code type} (namesz 4) and gives it {@code newType} and, when not null, {@code value}. */
    private static void patchNote(byte[] elf, int type, int newType, Long value) {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 16 <= elf.length; at += 4) {
            if (b.getInt(at) != 4 || b.getInt(at + 8) != type || b.getInt(at + 12) != 0x006e6558) continue;
            int size = b.getInt(at + 4);
            if (size != 4 && size != 8) continue;
            b.putInt(at + 8, newType);
            if (value != null) {
                if (size == 8) b.putLong(at + 16, value);
                else b.putInt(at + 16, (int) (long) value);
            }
            return;
        }
        throw new AssertionError("no Xen note of type " + type);
    }
}
