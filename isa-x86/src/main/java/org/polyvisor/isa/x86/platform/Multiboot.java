package org.polyvisor.isa.x86.platform;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.GuestMemory;

/**
 * Multiboot (version 0.6.96) loading for kernels written for GRUB or QEMU's {@code -kernel}. The kernel builder
 * already loaded the ELF's segments; this finds the Multiboot header, writes the boot information and sets the
 * machine state of section 3.2 of the specification.
 *
 * <p>The header (magic 0x1BADB002, flags, checksum with magic + flags + checksum = 0, 32-bit aligned) must lie in the
 * image's first 8192 bytes. Without the file at hand it is looked for in the first 8 KiB of each run of pages the
 * image filled (RAM is zero elsewhere), lowest first: where the first segment of a Multiboot ELF puts it. Flags: bit 0 (align modules) and bit 1 (memory information) are honoured (no modules are loaded), bit 2
 * (video mode) is ignored (text mode, no framebuffer information), bit 16 (the a.out kludge) makes
 * {@code entry_addr} the entry point (the image itself was loaded from its ELF program headers); any other bit of
 * 0-15 is a requirement this loader does not know, and the boot fails as the specification demands.
 *
 * <p>The information structure sits at {@link #INFO} (0x8000, below any kernel linked at 1 MiB): flags 0 (mem_lower =
 * 639 KiB, below the EBDA; mem_upper = the usable RAM above 1 MiB in KiB), 2 (the command line, Xen's start_info cmd_line), 6 (a
 * memory map of type-1 entries for the usable RAM, with the EBDA and BIOS area reserved) and 9 (the boot loader
 * name, "Polyvisor"). Entry: EAX = 0x2BADB002, EBX = the structure's address, CS a flat 32-bit code segment (0x08),
 * DS = ES = FS = GS = SS flat 32-bit data (0x10), CR0 = PE | ET with paging off, EFLAGS = 2 (IF and VM clear), A20
 * on (it always is here), no GDT or IDT loaded (GDTR and IDTR limits 0: the kernel loads its own).
 */
final class Multiboot {
    static final int HEADER_MAGIC = 0x1BAD_B002, BOOTLOADER_MAGIC = 0x2BAD_B002;
    static final int AOUT_KLUDGE = 1 << 16, KNOWN_REQUIREMENTS = 0x7;
    static final long INFO = 0x8000, LOADER_NAME = 0x8100, MMAP = 0x8200, CMDLINE = 0x8400;
    static final int CMDLINE_MAX = 1024;
    static final int INFO_MEMORY = 1, INFO_CMDLINE = 1 << 2, INFO_MMAP = 1 << 6, INFO_LOADER_NAME = 1 << 9;
    private static final long LOW_END = 0x9FC00, EBDA_END = 0xA0000, BIOS = 0xF0000, ONE_MIB = 0x100000;

    /** A header found in guest RAM. */
    record Header(long address, int flags, long entryAddr) { }

    private Multiboot() { }

    /**
     * The Multiboot header of the loaded image, or null when it has none: looked for in the first 8 KiB of each run of
     * non-zero pages (where a segment of the image starts), lowest first, in the first 64 MiB of RAM.
     */
    static Header find(GuestMemory mem, long ramBase, long ramBytes) {
        long pages = Math.min(ramBytes, 64L << 20) >>> 12;
        MemorySegment zero = MemorySegment.ofArray(new byte[GuestMemory.PAGE_SIZE]);
        boolean previousZero = true;
        for (long g = ramBase >>> 12, end = g + pages; g < end; g++) {
            MemorySegment p = mem.page(g);
            boolean isZero = p == null || MemorySegment.mismatch(p, 0, GuestMemory.PAGE_SIZE, zero, 0, GuestMemory.PAGE_SIZE) < 0;
            if (!isZero && previousZero) {
                Header h = scan(mem, g << 12);
                if (h != null) return h;
            }
            previousZero = isZero;
        }
        return null;
    }

    /** A header wholly inside {@code [start, start + 8192)}, 32-bit aligned, with a valid checksum; or null. */
    private static Header scan(GuestMemory mem, long start) {
        for (long a = start; a + 12 <= start + 8192 && mem.isRam(a, 12); a += 4) {
            int magic = (int) mem.read(a, 4);
            if (magic != HEADER_MAGIC) continue;
            int flags = (int) mem.read(a + 4, 4), sum = (int) mem.read(a + 8, 4);
            if (magic + flags + sum != 0) continue;
            long entry = (flags & AOUT_KLUDGE) != 0 && mem.isRam(a + 28, 4) ? mem.read(a + 28, 4) : -1;
            return new Header(a, flags, entry);
        }
        return null;
    }

    /** Why the header cannot be honoured, or null when it can. */
    static String unsupported(Header h) {
        int unknown = h.flags() & 0xFFFF & ~KNOWN_REQUIREMENTS;
        return unknown == 0 ? null : String.format("the Multiboot header at 0x%x requires features this loader lacks (flags 0x%x)",
                h.address(), unknown);
    }

    /** Why the information area cannot be written (no RAM there, or the image was loaded over it), or null. */
    static String infoAreaProblem(GuestMemory mem) {
        long end = CMDLINE + CMDLINE_MAX;
        if (!mem.isRam(INFO, end - INFO)) return String.format("no RAM for the Multiboot information at 0x%x-0x%x", INFO, end);
        for (long a = INFO; a < end; a += 8)
            if (mem.read(a, 8) != 0) return String.format("the kernel image overlaps the Multiboot information area 0x%x-0x%x", INFO, end);
        return null;
    }

    /** Writes the boot information for {@code ramBytes} of usable RAM from guest-physical 0 and returns its address. */
    static long writeInfo(GuestMemory mem, long ramBytes, String cmdline) {
        for (long a = INFO; a < CMDLINE + CMDLINE_MAX; a += 8) mem.write(a, 8, 0);
        int flags = INFO_MEMORY | INFO_MMAP | INFO_LOADER_NAME;
        mem.write(INFO + 4, 4, Math.min(ramBytes, LOW_END) >>> 10);  // mem_lower: 639 KiB below the EBDA
        mem.write(INFO + 8, 4, Math.max(0, Math.min(ramBytes, 0xFFFF_FFFFL) - ONE_MIB) >>> 10);  // mem_upper
        if (cmdline != null) {
            byte[] c = cmdline.getBytes(StandardCharsets.US_ASCII);
            mem.writeBytes(CMDLINE, c, 0, Math.min(c.length, CMDLINE_MAX - 1));
            mem.write(INFO + 16, 4, CMDLINE);
            flags |= INFO_CMDLINE;
        }
        long e = MMAP;
        e = entry(mem, e, 0, Math.min(ramBytes, LOW_END), 1);
        if (ramBytes > LOW_END) e = entry(mem, e, LOW_END, EBDA_END - LOW_END, 2);
        e = entry(mem, e, BIOS, ONE_MIB - BIOS, 2);
        if (ramBytes > ONE_MIB) e = entry(mem, e, ONE_MIB, ramBytes - ONE_MIB, 1);
        mem.write(INFO + 44, 4, e - MMAP);  // mmap_length
        mem.write(INFO + 48, 4, MMAP);      // mmap_addr
        byte[] name = "Polyvisor".getBytes(StandardCharsets.US_ASCII);
        mem.writeBytes(LOADER_NAME, name, 0, name.length);
        mem.write(INFO + 64, 4, LOADER_NAME);
        mem.write(INFO, 4, flags);
        return INFO;
    }

    /** One memory-map entry: size (20, not counting itself), base_addr, length, type. */
    private static long entry(GuestMemory mem, long at, long base, long length, int type) {
        mem.write(at, 4, 20);
        mem.write(at + 4, 8, base);
        mem.write(at + 12, 8, length);
        mem.write(at + 20, 4, type);
        return at + 24;
    }

    /** The machine state of the specification's section 3.2 (also on a vCPU model with long mode: it stays off). */
    static void enter(CpuState s, long entry, long info) {
        java.util.Arrays.fill(s.r, 0);
        s.r[CpuState.RAX] = BOOTLOADER_MAGIC & 0xFFFF_FFFFL;
        s.r[CpuState.RBX] = info;
        s.flags.load(0x2);
        s.cr0 = 0x11;  // PE | ET
        s.cr2 = s.cr3 = s.cr4 = s.efer = 0;
        for (int i = 0; i < 6; i++) {
            s.seg[i] = i == CpuState.CS ? 0x08 : 0x10;
            s.segBase[i] = 0;
            s.segLimit[i] = 0xFFFF_FFFFL;
            s.segAttr[i] = i == CpuState.CS ? CpuState.FLAT_CODE32 : CpuState.FLAT_DATA;
        }
        s.gdtBase = s.idtBase = 0;
        s.gdtLimit = s.idtLimit = 0;
        s.ldtr = s.tr = 0;
        s.fpu.reset();
        s.mxcsr = 0x1F80;
        s.updateMode();
        s.rip = entry & 0xFFFF_FFFFL;
    }

    /** Xen's start_info cmd_line (offset 80 in the 32-bit layout, 128 in the 64-bit one), up to its NUL. */
    static String startInfoCmdline(GuestMemory mem, long startInfo, boolean layout64) {
        long at = startInfo + (layout64 ? 128 : 80);
        if (startInfo <= 0 || !mem.isRam(at, CMDLINE_MAX)) return null;
        byte[] b = new byte[CMDLINE_MAX];
        mem.readBytes(at, b, 0, b.length);
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

}
