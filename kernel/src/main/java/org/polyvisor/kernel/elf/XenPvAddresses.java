package org.polyvisor.kernel.elf;

import org.polyvisor.spi.XenElfNotes;

/**
 * Where Xen's PV domain builder puts a kernel that carries Xen's ELF notes (libelf's elf_xen_addr_calc_check):
 * VIRT_BASE defaults to 0; PADDR_OFFSET defaults to 0 (the notes interface; only the legacy {@code __xen_guest}
 * section, which Polyvisor does not read, defaulted it to VIRT_BASE); PADDR_OFFSET without VIRT_BASE is an error.
 * The kernel's virtual range is its segments' p_paddr range moved by {@code virt_base - paddr_offset}, the entry is
 * the ENTRY note's (else e_entry) and must lie in that range, and VIRT_BASE may not be above the range's start. The
 * builder maps virtual {@code virt_base} at pseudo-physical 0, so a segment's pseudo-physical address is
 * {@code p_paddr - paddr_offset} ({@link #physical}). Addresses compare unsigned (an x86_64 kernel's are above 2^63).
 */
public record XenPvAddresses(long virtBase, long paddrOffset, long virtKstart, long virtKend, long virtEntry) {

    /** Xen's addresses of {@code elf}, or Xen's refusal as an {@link ElfException}. */
    public static XenPvAddresses of(ElfImage elf) throws ElfException {
        XenElfNotes notes = elf.xenNotes();
        var base = notes.number(XenElfNotes.VIRT_BASE);
        var offset = notes.number(XenElfNotes.PADDR_OFFSET);
        if (offset.isPresent() && base.isEmpty())
            throw new ElfException(elf.source(), "Xen's ELF_PADDR_OFFSET note is set but VIRT_BASE is not");
        long virtBase = base.orElse(0), paddrOffset = offset.orElse(0);
        long[] p = elf.physicalExtent();
        long kstart = p[0] + virtBase - paddrOffset, kend = p[1] + virtBase - paddrOffset;
        long entry = notes.number(XenElfNotes.ENTRY).orElse(elf.entry());
        if (Long.compareUnsigned(kstart, kend) > 0 || Long.compareUnsigned(entry, kstart) < 0
                || Long.compareUnsigned(entry, kend) > 0 || Long.compareUnsigned(virtBase, kstart) > 0)
            throw new ElfException(elf.source(), String.format("ELF start or entries are out of bounds (Xen's check): "
                    + "kernel 0x%x-0x%x, entry 0x%x, VIRT_BASE 0x%x, PADDR_OFFSET 0x%x", kstart, kend, entry, virtBase, paddrOffset));
        return new XenPvAddresses(virtBase, paddrOffset, kstart, kend, entry);
    }

    /** The pseudo-physical address the builder loads p_paddr {@code paddr} at. */
    public long physical(long paddr) { return paddr - paddrOffset; }
}
