package org.polyvisor.isa.x86.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.XenElfNotes;

/**
 * xl.cfg's {@code boot_protocol} (and {@code type = "pvh"}, which sets it to "pvh") makes the PC board boot one way
 * only; absent, a kernel with the PHYS32_ENTRY note boots PVH before its Multiboot header, as QEMU's -kernel does.
 */
class BootProtocolChoiceTest {
    static final long ENTRY = 0x100040;

    /** Boots a kernel with a Multiboot header and, when {@code note}, Xen's PHYS32_ENTRY note; returns the board's account. */
    private static String boot(String protocol, boolean note) {
        PcRig rig = new PcRig(1, 16 << 20);
        if (protocol != null) rig.options.put("boot_protocol", protocol);
        rig.build();
        rig.memory.write(0x100000, 4, Multiboot.HEADER_MAGIC);
        rig.memory.write(0x100004, 4, 3);
        rig.memory.write(0x100008, 4, -(Multiboot.HEADER_MAGIC + 3));
        XenElfNotes notes = note ? new XenElfNotes(Map.of(XenElfNotes.PHYS32_ENTRY,
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) ENTRY).array()), ByteOrder.LITTLE_ENDIAN)
                : XenElfNotes.NONE;
        rig.board.boot(rig.cpus[0], new BootInfo(GuestType.HVM, 0x100000, 0xFFC000, 0, rig.ramBytes, 0, notes, new byte[0]));
        return rig.board.bootFailure() != null ? "failure: " + rig.board.bootFailure() : rig.board.describe();
    }

    @ParameterizedTest(name = "boot_protocol {0}, PVH note {1}: {2}")
    @CsvSource(nullValues = "none", value = {
        "none,      true,  PVH kernel",
        "none,      false, Multiboot kernel",
        "pvh,       true,  PVH kernel",
        "multiboot, true,  Multiboot kernel",
        "pvh,       false, 'failure: a PVH boot (type = \"pvh\" or boot_protocol = \"pvh\") needs a kernel with Xen''s XEN_ELFNOTE_PHYS32_ENTRY note, and this one has none'",
        "firmware,  true,  'failure: boot_protocol = \"firmware\" needs a firmware = \"<ROM image>\" setting'",
        "bios,      true,  'failure: boot_protocol = \"bios\" is not one of \"pvh\", \"multiboot\", \"firmware\"'"})
    void theConfiguredProtocolIsTheOnlyOneTried(String protocol, boolean note, String expected) {
        String got = boot(protocol, note);
        if (expected.startsWith("failure: ")) assertEquals(expected, got);
        else assertTrue(got.contains(expected), "expected a " + expected + ", got: " + got);
    }
}
