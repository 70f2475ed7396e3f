package org.polyvisor.isa.x86.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.XenElfNotes;

/** {@link PcBoard#boot} of a PVH kernel: the PHYS32_ENTRY note, the entry state and {@code hvm_start_info}. */
class PvhBootTest {
    static final long START_INFO = 0xFFC000, ENTRY = 0x100040;

    private static XenElfNotes notes(long entry) {
        byte[] d = entry > 0xFFFF_FFFFL ? ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(entry).array()
                : ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) entry).array();
        return new XenElfNotes(Map.of(XenElfNotes.PHYS32_ENTRY, d), ByteOrder.LITTLE_ENDIAN);
    }

    /** A 16 MiB PC with {@code mov %ebx, 0x500; hlt} at the entry and xl's cmdline in start_info, booted as PVH. */
    private static PcRig booted(long entry, boolean multibootToo) {
        PcRig rig = new PcRig(1, 16 << 20).build();
        rig.memory.load(ENTRY, HexFormat.of().parseHex("891d00050000f4"));
        if (multibootToo) {
            rig.memory.write(0x100000, 4, Multiboot.HEADER_MAGIC);
            rig.memory.write(0x100004, 4, 3);
            rig.memory.write(0x100008, 4, -(Multiboot.HEADER_MAGIC + 3));
        }
        rig.memory.load(START_INFO + 80, "domid=4 console=hvc0".getBytes(StandardCharsets.US_ASCII));
        rig.board.boot(rig.cpus[0], new BootInfo(GuestType.HVM, 0x100000, START_INFO, 0, rig.ramBytes, 0, notes(entry), new byte[0]));
        return rig;
    }

    @ParameterizedTest(name = "multiboot header too: {0}")
    @CsvSource({"false", "true"})
    void entryStateIsFlat32BitWithPagingOff(boolean multibootToo) {
        try (PcRig rig = booted(ENTRY, multibootToo)) {
            assertNull(rig.board.bootFailure(), "boot failure");
            CpuState s = rig.cpus[0].state();
            long[][] expect = {{s.r[CpuState.RBX], PvhBoot.INFO}, {s.r[CpuState.RAX], 0}, {s.rip, ENTRY}, {s.cr0, 0x11}, {s.cr4, 0},
                    {s.efer, 0}, {s.flags.value(), 2}, {s.codeSize, 4}, {s.segLimit[CpuState.CS], 0xFFFF_FFFFL},
                    {s.segBase[CpuState.SS], 0}, {s.segLimit[CpuState.DS], 0xFFFF_FFFFL}, {s.trLimit, 0x67}};
            String[] names = {"ebx", "eax", "eip", "cr0", "cr4", "efer", "eflags", "code size", "cs limit", "ss base", "ds limit", "tr limit"};
            for (int i = 0; i < expect.length; i++)
                assertEquals(Long.toHexString(expect[i][1]), Long.toHexString(expect[i][0]), names[i]);
            assertInstanceOf(VcpuExit.Halt.class, rig.run(0, 100), "the entry's code runs in 32-bit mode");
            assertEquals(PvhBoot.INFO, rig.memory.read(0x500, 4), "EBX stored by the kernel's first instruction");
        }
    }

    /** public/arch-x86/hvm/start_info.h, version 1, for 16 MiB of RAM. */
    @ParameterizedTest(name = "hvm_start_info +{0} ({2}) = 0x{1}")
    @CsvSource({"0, 336ec578, magic", "4, 1, version", "8, 0, flags", "12, 0, nr_modules", "16, 0, modlist_paddr",
            "24, 8100, cmdline_paddr", "32, 0, rsdp_paddr", "40, 8040, memmap_paddr", "48, 2, memmap_entries", "52, 0, reserved"})
    void startInfoFields(int offset, String value, String field) {
        try (PcRig rig = booted(ENTRY, false)) {
            int size = offset >= 16 && offset < 48 ? 8 : 4;
            assertEquals(value, Long.toHexString(rig.memory.read(PvhBoot.INFO + offset, size)), field);
        }
    }

    @ParameterizedTest(name = "memmap[{0}] = 0x{1} + 0x{2}, type {3}")
    @CsvSource({"0, 0, a0000, 1", "1, 100000, f00000, 1"})
    void memoryMap(int index, String addr, String size, int type) {
        try (PcRig rig = booted(ENTRY, false)) {
            long e = PvhBoot.MEMMAP + 24L * index;
            assertEquals(addr, Long.toHexString(rig.memory.read(e, 8)), "addr");
            assertEquals(size, Long.toHexString(rig.memory.read(e + 8, 8)), "size");
            assertEquals(type, rig.memory.read(e + 16, 4), "type");
            assertEquals(0, rig.memory.read(e + 20, 4), "reserved");
        }
    }

    @ParameterizedTest(name = "start_info flags 0x{0}: hvm_start_info flags 0x{1}")
    @CsvSource({"3, 3", "0, 0", "7, 3"})
    void flagsFollowTheBuildersStartInfo(int startInfoFlags, int expected) {
        PcRig rig = new PcRig(1, 16 << 20).build();
        try (rig) {
            rig.memory.load(ENTRY, HexFormat.of().parseHex("f4"));
            rig.memory.write(START_INFO + 40, 4, startInfoFlags);  // the 32-bit start_info layout
            rig.board.boot(rig.cpus[0], new BootInfo(GuestType.HVM, 0, START_INFO, 0, rig.ramBytes, 0, notes(ENTRY), new byte[0]));
            assertEquals(expected, rig.memory.read(PvhBoot.INFO + 8, 4), "SIF_PRIVILEGED | SIF_INITDOMAIN only");
        }
    }

    @Test
    void commandLineIsStartInfosNulTerminated() {
        try (PcRig rig = booted(ENTRY, false)) {
            byte[] b = new byte[21];
            rig.memory.readBytes(PvhBoot.CMDLINE, b, 0, b.length);
            assertEquals("domid=4 console=hvc0\0", new String(b, StandardCharsets.US_ASCII));
        }
    }

    @ParameterizedTest(name = "entry 0x{0}: {1}")
    @CsvSource({"2000000, not in the domain's RAM", "100000000, not in the domain's RAM"})
    void entryOutsideRamCannotBoot(String entry, String why) {
        try (PcRig rig = booted(Long.parseLong(entry, 16), false)) {
            String failure = rig.board.bootFailure();
            assertTrue(failure != null && failure.contains(why), "failure: " + failure);
        }
    }

    @Test
    void imageOverTheStartInfoAreaCannotBoot() {
        PcRig rig = new PcRig(1, 16 << 20).build();
        try (rig) {
            rig.memory.write(0x8800, 4, 0x12345678);  // a segment loaded into the area
            rig.board.boot(rig.cpus[0], new BootInfo(GuestType.HVM, 0, START_INFO, 0, rig.ramBytes, 0, notes(ENTRY), new byte[0]));
            String failure = rig.board.bootFailure();
            assertTrue(failure != null && failure.contains("overlaps the PVH start info"), "failure: " + failure);
            rig.run(0, 10);
            assertTrue(rig.consoleText().contains("cannot boot"), "console: " + rig.consoleText());
        }
    }
}
