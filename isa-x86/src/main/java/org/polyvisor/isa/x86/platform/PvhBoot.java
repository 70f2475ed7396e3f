package org.polyvisor.isa.x86.platform;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.XenElfNotes;

/**
 * PVH boot (Xen's docs/misc/pvh.pandoc and public/arch-x86/hvm/start_info.h): a kernel whose ELF carries the
 * {@code XEN_ELFNOTE_PHYS32_ENTRY} note (18, a 32-bit guest-physical address) is entered there in 32-bit flat
 * protected mode with paging off, with EBX = the guest-physical address of an {@code hvm_start_info}.
 *
 * <p>{@code struct hvm_start_info} (version 1, 56 bytes, little-endian):
 * <pre>
 *   0 u32 magic            0x336ec578 ("xEn3" with the top bit of the first byte set)
 *   4 u32 version          1
 *   8 u32 flags            SIF_PRIVILEGED (1) and SIF_INITDOMAIN (2) as the builder's start_info has them (dom0)
 *  12 u32 nr_modules       0 (the config names no modules)
 *  16 u64 modlist_paddr    0
 *  24 u64 cmdline_paddr    the NUL-terminated command line (Xen's start_info cmd_line: "domid=N ..." then xl's cmdline)
 *  32 u64 rsdp_paddr       0: the board has no ACPI tables
 *  40 u64 memmap_paddr     the memory map, an array of hvm_memmap_table_entry
 *  48 u32 memmap_entries
 *  52 u32 reserved         0
 * </pre>
 * {@code struct hvm_memmap_table_entry { u64 addr; u64 size; u32 type; u32 reserved; }} (24 bytes, E820 types: 1 RAM,
 * 2 reserved). The map is the PC's: RAM below the 640 KiB hole (the structures' own page included, as Xen reports the
 * pages its builder writes as RAM the guest must step around) and the usable RAM from 1 MiB.
 *
 * <p>The structures sit in the page at {@link #INFO} (0x8000, below any kernel linked at 1 MiB: the start info at
 * 0x8000, the memory map at 0x8040, the command line at 0x8100, up to 3 KiB); {@link #areaProblem} refuses to write
 * them over a loaded image. Machine state (pvh.pandoc): CR0 = PE | ET, CR4 = 0, CS a flat 32-bit execute/read
 * segment, DS = ES = SS (and FS, GS) flat 32-bit read/write, TR a 32-bit TSS with base 0 and limit 0x67, EFLAGS = 2
 * (IF and VM clear), EBX = the start info, the other GPRs 0; no GDT or IDT is loaded (the kernel loads its own).
 *
 * <p>Selection: Xen boots a PVH kernel for {@code type = "pvh"}; Polyvisor's config reader maps "pvh" to an HVM
 * domain, and the board chooses PVH whenever the kernel has the note (as QEMU's {@code -kernel} prefers the PVH note
 * to a Multiboot header), so {@code type = "hvm"} and {@code type = "pvh"} boot such a kernel alike.
 */
final class PvhBoot {
    static final int MAGIC = 0x336E_C578, VERSION = 1;
    static final long INFO = 0x8000, MEMMAP = 0x8040, CMDLINE = 0x8100, AREA_END = 0x9000;
    static final int CMDLINE_MAX = (int) (AREA_END - CMDLINE);
    static final int ENTRY_BYTES = 24, TYPE_RAM = 1;
    private static final long LOW_END = 0xA0000, ONE_MIB = 0x100000;

    private PvhBoot() { }

    /** The PHYS32_ENTRY note's address, or empty when the kernel is no PVH kernel. */
    static OptionalLong entry(BootInfo info) {
        return info.xenNotes().number(XenElfNotes.PHYS32_ENTRY);
    }

    /** Why the kernel cannot be entered at {@code entry} with {@code ramBytes} of RAM, or null. */
    static String problem(GuestMemory mem, long entry, long ramBytes) {
        if (entry < 0 || entry > 0xFFFF_FFFFL || !mem.isRam(entry, 1) || entry >= ramBytes)
            return String.format("the PVH entry 0x%x (XEN_ELFNOTE_PHYS32_ENTRY) is not in the domain's RAM", entry);
        if (ramBytes < AREA_END || !mem.isRam(INFO, AREA_END - INFO))
            return String.format("no RAM for the PVH start info at 0x%x-0x%x", INFO, AREA_END);
        for (long a = INFO; a < AREA_END; a += 8)
            if (mem.read(a, 8) != 0)
                return String.format("the kernel image overlaps the PVH start info area 0x%x-0x%x", INFO, AREA_END);
        return null;
    }

    /** start_info's SIF_PRIVILEGED and SIF_INITDOMAIN, which hvm_start_info.flags carries for dom0 as well. */
    static final int SIF_MASK = 1 | 2;

    /** The flags of the builder's start_info (offset 40, or 48 in the 64-bit layout); 0 when it cannot be read. */
    static int startInfoFlags(GuestMemory mem, long startInfo, boolean layout64) {
        long at = startInfo + (layout64 ? 48 : 40);
        return startInfo > 0 && mem.isRam(at, 4) ? (int) mem.read(at, 4) & SIF_MASK : 0;
    }

    /** Writes hvm_start_info, its memory map and the command line for {@code ramBytes} of RAM from 0; returns INFO. */
    static long write(GuestMemory mem, long ramBytes, String cmdline, int flags) {
        long e = MEMMAP;
        e = mapEntry(mem, e, 0, Math.min(ramBytes, LOW_END), TYPE_RAM);
        if (ramBytes > ONE_MIB) e = mapEntry(mem, e, ONE_MIB, ramBytes - ONE_MIB, TYPE_RAM);
        int entries = (int) ((e - MEMMAP) / ENTRY_BYTES);
        byte[] c = (cmdline == null ? "" : cmdline).getBytes(StandardCharsets.US_ASCII);
        mem.writeBytes(CMDLINE, c, 0, Math.min(c.length, CMDLINE_MAX - 1));
        mem.write(INFO, 4, MAGIC & 0xFFFF_FFFFL);
        mem.write(INFO + 4, 4, VERSION);
        mem.write(INFO + 8, 4, flags);       // SIF_PRIVILEGED | SIF_INITDOMAIN for dom0
        mem.write(INFO + 12, 4, 0);          // nr_modules
        mem.write(INFO + 16, 8, 0);          // modlist_paddr
        mem.write(INFO + 24, 8, CMDLINE);    // cmdline_paddr
        mem.write(INFO + 32, 8, 0);          // rsdp_paddr: no ACPI
        mem.write(INFO + 40, 8, MEMMAP);     // memmap_paddr
        mem.write(INFO + 48, 4, entries);    // memmap_entries
        mem.write(INFO + 52, 4, 0);
        return INFO;
    }

    private static long mapEntry(GuestMemory mem, long at, long addr, long size, int type) {
        mem.write(at, 8, addr);
        mem.write(at + 8, 8, size);
        mem.write(at + 16, 4, type);
        mem.write(at + 20, 4, 0);
        return at + ENTRY_BYTES;
    }

    /** The entry state of pvh.pandoc: Multiboot's flat 32-bit state, EAX = 0, EBX = the start info, a 32-bit TSS. */
    static void enter(CpuState s, long entry, long info) {
        Multiboot.enter(s, entry, info);
        s.r[CpuState.RAX] = 0;
        s.trBase = 0;
        s.trLimit = 0x67;
    }
}
