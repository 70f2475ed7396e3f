package org.polyvisor.kernel.elf;

import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.IsaProvider;
import java.nio.ByteOrder;

/** Puts an ELF image into a domain's memory after checking that it is for the domain's ISA and fits its RAM. */
public final class ElfLoader {
    private ElfLoader() { }

    /** Checks machine, class and byte order against the ISA. */
    public static void checkFor(ElfImage elf, IsaProvider isa) throws ElfException {
        if (elf.machine() != isa.elfMachine() || elf.elfClass() != isa.elfClass())
            throw new ElfException(elf.source(), "ELF is for " + machineName(elf.machine(), elf.elfClass())
                    + ", but the domain's ISA is " + isa.id() + " (" + machineName(isa.elfMachine(), isa.elfClass()) + ")");
        if (elf.byteOrder() != isa.byteOrder())
            throw new ElfException(elf.source(), "ELF is " + orderName(elf.byteOrder()) + ", but " + isa.id() + " is "
                    + orderName(isa.byteOrder()));
    }

    /** Copies every PT_LOAD segment to its physical address and zero-fills its tail (.bss); the entry must be in them. */
    public static void load(ElfImage elf, GuestMemory memory, long ramBase, long ramBytes) throws ElfException {
        loadAt(elf, memory, ramBase, ramBytes, 0);
        long[] ext = elf.physicalExtent();
        if (elf.entry() < ext[0] || elf.entry() >= ext[1])
            throw new ElfException(elf.source(), String.format("entry point 0x%x is outside the loaded segments 0x%x-0x%x",
                    elf.entry(), ext[0], ext[1]));
    }

    /**
     * Copies every PT_LOAD segment to its p_paddr less {@code paddrOffset} (Xen's PADDR_OFFSET rule for a PV kernel,
     * {@link XenPvAddresses}) and zero-fills its tail; the entry is not checked here.
     */
    public static void loadAt(ElfImage elf, GuestMemory memory, long ramBase, long ramBytes, long paddrOffset) throws ElfException {
        for (ElfSegment s : elf.segments()) {
            if (s.memSize() == 0) continue;
            long at = s.paddr() - paddrOffset;
            if (Long.compareUnsigned(at, ramBase) < 0 || Long.compareUnsigned(at + s.memSize(), ramBase + ramBytes) > 0
                    || Long.compareUnsigned(at + s.memSize(), at) < 0)
                throw new ElfException(elf.source(), String.format(
                        "segment at 0x%x-0x%x lies outside the domain's RAM 0x%x-0x%x", at, at + s.memSize(),
                        ramBase, ramBase + ramBytes));
            byte[] data = elf.segmentBytes(s);
            memory.writeBytes(at, data, 0, data.length);
            long zero = s.memSize() - s.fileSize();
            byte[] zeros = new byte[(int) Math.min(zero, 1 << 16)];
            for (long done = 0; done < zero; done += zeros.length)
                memory.writeBytes(at + s.fileSize() + done, zeros, 0, (int) Math.min(zeros.length, zero - done));
        }
    }

    static String machineName(int machine, int cls) {
        String m = switch (machine) {
            case 3 -> "i386";
            case 20 -> "PowerPC";
            case 21 -> "PowerPC64";
            case 40 -> "ARM";
            case 50 -> "IA-64";
            case 62 -> "x86-64";
            case 183 -> "AArch64";
            case 243 -> "RISC-V";
            default -> "machine " + machine;
        };
        return m + (cls == ElfImage.ELFCLASS32 ? ", ELF32" : ", ELF64");
    }

    private static String orderName(ByteOrder o) {
        return o == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian";
    }
}
