package org.polyvisor.kernel.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.kernel.TestElf;
import org.polyvisor.spi.FlatGuestMemory;

/** ELF32 and ELF64 of both byte orders load; every truncation and random damage gives an ElfException, nothing else. */
class ElfImageTest {

    @ParameterizedTest(name = "class {0}, {1}")
    @CsvSource({"1, LITTLE_ENDIAN", "1, BIG_ENDIAN", "2, LITTLE_ENDIAN", "2, BIG_ENDIAN"})
    void loadsSegmentsAndZeroFillsBss(int cls, String orderName) throws Exception {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] code = {1, 2, 3, 4, 5};
        ElfImage elf = ElfImage.parse("t.elf", TestElf.build(42, cls, order, 0x2000, code, 0x100));
        assertEquals(cls, elf.elfClass());
        assertEquals(order, elf.byteOrder());
        assertEquals(42, elf.machine());
        assertEquals(0x2000, elf.entry());
        try (FlatGuestMemory m = new FlatGuestMemory(order, 0, 0x10000)) {
            m.write(0x2005, 1, 0xff);
            ElfLoader.load(elf, m, 0, 0x10000);
            assertEquals(3, m.read(0x2002, 1));
            assertEquals(0, m.read(0x2005, 1), "bss is zeroed");
            ElfException e = assertThrows(ElfException.class, () -> ElfLoader.load(elf, m, 0x4000, 0x1000));
            assertEquals("t.elf: segment at 0x2000-0x2105 lies outside the domain's RAM 0x4000-0x5000", e.getMessage());
        }
    }

    @ParameterizedTest(name = "class {0}")
    @CsvSource({"1", "2"})
    void everyTruncationIsAnElfException(int cls) {
        byte[] full = TestElf.build(3, cls, ByteOrder.LITTLE_ENDIAN, 0x1000, new byte[16], 0);
        for (int n = 0; n < full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            try {
                ElfImage.parse("cut", cut);
                fail("a file cut to " + n + " of " + full.length + " bytes was accepted");
            } catch (ElfException expected) {
                // the message says what; any other exception type fails the test
            }
        }
    }

    @ParameterizedTest(name = "class {0}")
    @CsvSource({"1", "2"})
    void randomDamageNeverThrowsAnythingButElfException(int cls) {
        byte[] full = TestElf.build(3, cls, ByteOrder.BIG_ENDIAN, 0x1000, new byte[16], 0);
        Random r = new Random(cls);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = full.clone();
            for (int k = 0; k < 3; k++) b[r.nextInt(b.length)] = (byte) r.nextInt();
            try {
                ElfImage.parse("fuzz", b);
            } catch (ElfException expected) {
                // fine
            }
        }
    }

    /** A PV/PVH kernel's "Xen" notes, read as Xen's libelf reads them (binutils-built image, see resources/elf). */
    @org.junit.jupiter.api.Test
    void xenElfNotesAreRead() throws Exception {
        byte[] file;
        try (var in = getClass().getResourceAsStream("/elf/xen-notes.elf")) {
            file = in.readAllBytes();
        }
        var notes = ElfImage.parse("xen-notes.elf", file).xenNotes();
        org.junit.jupiter.api.Assertions.assertEquals("linux", notes.text(org.polyvisor.spi.XenElfNotes.GUEST_OS).orElseThrow());
        org.junit.jupiter.api.Assertions.assertEquals("xen-3.0", notes.text(org.polyvisor.spi.XenElfNotes.XEN_VERSION).orElseThrow());
        org.junit.jupiter.api.Assertions.assertEquals(0xffffffff80000000L, notes.number(org.polyvisor.spi.XenElfNotes.VIRT_BASE).orElseThrow());
        org.junit.jupiter.api.Assertions.assertEquals(0x100000L, notes.number(org.polyvisor.spi.XenElfNotes.ENTRY).orElseThrow());
        org.junit.jupiter.api.Assertions.assertEquals(0x100000L, notes.number(org.polyvisor.spi.XenElfNotes.PHYS32_ENTRY).orElseThrow());
        org.junit.jupiter.api.Assertions.assertEquals("!writable_page_tables", notes.text(org.polyvisor.spi.XenElfNotes.FEATURES).orElseThrow());
        org.junit.jupiter.api.Assertions.assertTrue(notes.number(org.polyvisor.spi.XenElfNotes.HYPERCALL_PAGE).isEmpty());
    }

    /** A note whose sizes run past its segment is a clear error, not an exception from deep inside. */
    @org.junit.jupiter.api.Test
    void aNoteRunningPastItsSegmentIsRefused() throws Exception {
        byte[] file;
        try (var in = getClass().getResourceAsStream("/elf/xen-notes.elf")) {
            file = in.readAllBytes();
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x1120 + 4, 0x7FFF);   // the first note's descsz
        var e = org.junit.jupiter.api.Assertions.assertThrows(ElfException.class, () -> ElfImage.parse("bad.elf", file));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("malformed note at offset 0x1120"), e.getMessage());
    }
}
