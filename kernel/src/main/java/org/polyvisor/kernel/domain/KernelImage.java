package org.polyvisor.kernel.domain;

import org.polyvisor.kernel.elf.ElfImage;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.RawImage;

/**
 * A kernel file as the toolstack parsed it (libxc's xc_dom_parse_image): the ISA that runs it, and either its ELF
 * view or, for a file that is not ELF, the ISA's placement of its raw image. Exactly one of {@code elf} and
 * {@code raw} is set.
 */
public record KernelImage(String source, byte[] bytes, IsaProvider isa, ElfImage elf, RawImage.Placed raw) {
    /** The entry point (guest-physical). */
    public long entry() { return elf != null ? elf.entry() : raw.entry(); }

    /** The guest-physical range the image occupies, bss included: {start, end}. */
    public long[] extent() { return elf != null ? elf.physicalExtent() : new long[] {raw.loadAddress(), raw.end()}; }
}
