package org.polyvisor.spi;

/**
 * What the domain builder hands to {@link BootProtocol} or an HVM board: the loaded kernel's entry point, the
 * guest-physical address of the start_info page it wrote (PV), the layout of the domain's RAM, the kernel's Xen ELF
 * notes, and the kernel file itself (for headers a loader looks for, such as multiboot's in the first 8 KiB).
 */
public record BootInfo(GuestType type, long entry, long startInfo, long ramBase, long ramBytes, int vcpuId,
                       XenElfNotes xenNotes, byte[] image) {
    public BootInfo {
        if (xenNotes == null) xenNotes = XenElfNotes.NONE;
        if (image == null) image = new byte[0];
    }

    /** Boot information without notes or image (tests, and images that have neither). */
    public BootInfo(GuestType type, long entry, long startInfo, long ramBase, long ramBytes, int vcpuId) {
        this(type, entry, startInfo, ramBase, ramBytes, vcpuId, XenElfNotes.NONE, new byte[0]);
    }
}
