package org.polyvisor.isa.x86.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.platform.AddressSpace;

/** {@link PcBoard#boot}: Multiboot kernels, a firmware ROM at the reset vector, and a domain that cannot boot. */
class BootTest {
    static final long START_INFO = 0xFFC000, ENTRY = 0x10000C;
    /** At the entry: {@code mov %eax, 0x500; hlt} (32-bit code). */
    static final String STORE_EAX_AND_HALT = "a300050000f4";

    private static PcRig kernel(long headerAt, int flags, int checksumDelta, long aoutEntry) {
        PcRig rig = new PcRig(1, 16 << 20).build();
        var m = rig.memory;
        if (headerAt > 0x100000) m.write(0x100000, 4, 0x464C457F);  // an ELF header loaded in front of it
        m.write(headerAt, 4, Multiboot.HEADER_MAGIC);
        m.write(headerAt + 4, 4, flags);
        m.write(headerAt + 8, 4, -(Multiboot.HEADER_MAGIC + flags) + checksumDelta);
        if (aoutEntry >= 0) m.write(headerAt + 28, 4, aoutEntry);
        m.load(ENTRY, HexFormat.of().parseHex(STORE_EAX_AND_HALT));
        if (aoutEntry >= 0) m.load(aoutEntry, HexFormat.of().parseHex(STORE_EAX_AND_HALT));
        byte[] cmd = "domid=3 console=ttyS0".getBytes(StandardCharsets.US_ASCII);
        m.load(START_INFO + 80, cmd);
        return rig;
    }

    /** A Multiboot kernel whose entry holds {@code codeHex}, booted. */
    static PcRig kernelWithCode(String codeHex) {
        PcRig rig = kernel(0x100000, 3, 0, -1);
        rig.memory.load(ENTRY, HexFormat.of().parseHex(codeHex));
        boot(rig);
        return rig;
    }

    private static void boot(PcRig rig) {
        rig.board.boot(rig.cpus[0], new BootInfo(GuestType.HVM, ENTRY, START_INFO, 0, rig.ramBytes, 0));
    }

    @ParameterizedTest(name = "header at 0x{0}, flags 0x{1}: entry 0x{3}")
    @CsvSource({"100000, 3, -1, 10000c", "100000, 0, -1, 10000c", "100000, 7, -1, 10000c", "101ff4, 3, -1, 10000c",
            "100060, 10003, 200000, 200000"})
    void multibootEntryState(String at, String flags, String aout, String entry) {
        try (PcRig rig = kernel(Long.parseLong(at, 16), Integer.parseInt(flags, 16), 0, aout.equals("-1") ? -1 : Long.parseLong(aout, 16))) {
            boot(rig);
            assertNull(rig.board.bootFailure(), "boot failure");
            CpuState s = rig.cpus[0].state();
            long[][] expect = {{s.r[CpuState.RAX], 0x2BADB002L}, {s.r[CpuState.RBX], Multiboot.INFO}, {s.rip, Long.parseLong(entry, 16)},
                    {s.seg[CpuState.CS], 0x08}, {s.seg[CpuState.DS], 0x10}, {s.seg[CpuState.SS], 0x10}, {s.flags.value(), 2},
                    {s.cr0, 0x11}, {s.efer, 0}, {s.codeSize, 4}, {s.segLimit[CpuState.CS], 0xFFFF_FFFFL}, {s.segBase[CpuState.ES], 0}};
            String[] names = {"eax", "ebx", "eip", "cs", "ds", "ss", "eflags", "cr0", "efer", "code size", "cs limit", "es base"};
            for (int i = 0; i < expect.length; i++)
                assertEquals(Long.toHexString(expect[i][1]), Long.toHexString(expect[i][0]), "header at 0x" + at + ": " + names[i]);
            assertInstanceOf(VcpuExit.Halt.class, rig.run(0, 100), "the kernel's first instructions run in 32-bit mode");
            assertEquals(0x2BADB002L, rig.memory.read(0x500, 4), "EAX stored by 32-bit code");
        }
    }

    /** The information structure of Multiboot 0.6.96 section 3.3, for 16 MiB. */
    @ParameterizedTest(name = "info +{0} = 0x{1}")
    @CsvSource({"0, 245", "4, 27f", "8, 3c00", "16, 8400", "44, 60", "48, 8200", "64, 8100"})
    void multibootInfo(int offset, String value) {
        try (PcRig rig = kernel(0x100000, 3, 0, -1)) {
            boot(rig);
            assertEquals(Long.parseLong(value, 16), rig.memory.read(Multiboot.INFO + offset, 4), "multiboot_info +" + offset);
        }
    }

    @ParameterizedTest(name = "mmap entry {0}: base 0x{1}, length 0x{2}, type {3}")
    @CsvSource({"0, 0, 9fc00, 1", "1, 9fc00, 400, 2", "2, f0000, 10000, 2", "3, 100000, f00000, 1"})
    void multibootMemoryMap(int n, String base, String length, int type) {
        try (PcRig rig = kernel(0x100000, 3, 0, -1)) {
            boot(rig);
            long e = Multiboot.MMAP + 24L * n;
            assertEquals(20, rig.memory.read(e, 4), "entry " + n + " size");
            assertEquals(Long.parseLong(base, 16), rig.memory.read(e + 4, 8), "entry " + n + " base");
            assertEquals(Long.parseLong(length, 16), rig.memory.read(e + 12, 8), "entry " + n + " length");
            assertEquals(type, rig.memory.read(e + 20, 4), "entry " + n + " type");
        }
    }

    @Test
    void multibootCommandLineAndLoaderName() {
        try (PcRig rig = kernel(0x100000, 3, 0, -1)) {
            boot(rig);
            byte[] b = new byte[32];
            rig.memory.readBytes(Multiboot.CMDLINE, b, 0, b.length);
            assertEquals("domid=3 console=ttyS0", new String(b, StandardCharsets.US_ASCII).split("\0")[0]);
            rig.memory.readBytes(Multiboot.LOADER_NAME, b, 0, b.length);
            assertEquals("Polyvisor", new String(b, StandardCharsets.US_ASCII).split("\0")[0]);
        }
    }

    /** What the domain says when it cannot boot: on the console at vCPU 0's first run, then a crash. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown required flag bit 3       | 100000 | 8     | 0 | requires features this loader lacks (flags 0x8)",
            "bad checksum: no header           | 100000 | 3     | 1 | has no Multiboot header",
            "header not wholly in the first 8 KiB | 101ff8 | 3     | 0 | has no Multiboot header"})
    void cannotBoot(String name, String at, String flags, int delta, String message) {
        try (PcRig rig = kernel(Long.parseLong(at, 16), Integer.parseInt(flags, 16), delta, -1)) {
            boot(rig);
            assertTrue(rig.board.bootFailure().contains(message), name + ": " + rig.board.bootFailure());
            rig.cpus[0].run(10);
            assertTrue(rig.consoleText().startsWith("polyvisor: x86 HVM domain cannot boot: "), name + ": " + rig.consoleText());
            assertTrue(rig.consoleText().contains(message), name + ": " + rig.consoleText());
            assertTrue(rig.events.contains("shutdown CRASH"), name + ": " + rig.events);
        }
    }

    @Test
    void aKernelLoadedOverTheInformationAreaCannotBoot() {
        try (PcRig rig = kernel(0x100000, 3, 0, -1)) {
            rig.memory.write(0x8123, 1, 0x90);
            boot(rig);
            assertTrue(rig.board.bootFailure().contains("overlaps the Multiboot information area 0x8000-0x8800"), rig.board.bootFailure());
        }
    }

    @Test
    void firmwareStartsAtTheResetVector(@TempDir Path dir) throws IOException {
        byte[] rom = new byte[64 << 10];
        java.util.Arrays.fill(rom, (byte) 0xFF);
        rom[rom.length - 16] = (byte) 0xF4;  // hlt at F000:FFF0
        rom[0] = 0x55;
        Path file = dir.resolve("rom.bin");
        Files.write(file, rom);
        try (PcRig rig = new PcRig(1, 16 << 20)) {
            rig.options.put("firmware", file.toString());
            rig.build();
            boot(rig);
            assertNull(rig.board.bootFailure());
            CpuState s = rig.cpus[0].state();
            assertTrue(s.realMode(), "real mode");
            assertEquals(0xF000, s.seg[CpuState.CS], "CS");
            assertEquals(0xFFF0, s.rip, "IP");
            assertEquals(0x55, rig.memory.read(0xF0000, 1), "low alias: the ROM's start at 0xF0000");
            assertEquals(0xF4, rig.read(AddressSpace.MMIO, 0xFFFF_FFF0L, 1), "high window: the reset vector below 4 GiB");
            assertEquals(0x55, rig.read(AddressSpace.MMIO, 0xFFFF_0000L, 1), "high window: the ROM's start");
            assertInstanceOf(VcpuExit.Halt.class, rig.run(0, 10), "hlt at the reset vector");
            assertEquals(0xFFF1, rig.cpus[0].pc(), "past the hlt");
        }
    }

    @ParameterizedTest(name = "{0} bytes: {1}")
    @CsvSource({"100, a ROM image is a non-empty multiple of 4 KiB", "0, a ROM image is a non-empty multiple of 4 KiB",
            "-1, cannot be read"})
    void badFirmware(int size, String message, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("rom.bin");
        if (size >= 0) Files.write(file, new byte[size]);
        try (PcRig rig = new PcRig(1, 16 << 20)) {
            rig.options.put("firmware", file.toString());
            rig.build();
            boot(rig);
            assertTrue(rig.board.bootFailure().contains(message), rig.board.bootFailure());
        }
    }
}
