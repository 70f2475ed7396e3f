package org.polyvisor.isa.arm64.platform;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.polyvisor.spi.RawImage;

/**
 * Where the virt board puts the device tree, and why it cannot when the kernel is in the way.
 * <p>
 * Documentation/arch/arm64/booting.rst ("Setup the device tree"): the blob must sit on an 8-byte boundary and be at
 * most 2 MiB; kernels before v4.2 further needed it within the first 512 MiB from the start of the kernel image and
 * not crossing a 2 MiB boundary. The kernel must find {@code image_size} bytes free from its start (bss included). The
 * board honours all of these: the blob goes 64 KiB-aligned at the top of usable RAM (below Xen's pages), or below
 * kernel start + 512 MiB when RAM is larger, moved down to stay inside one 2 MiB region. A kernel whose extent (a raw
 * Image's {@code image_size} from its load address, or an ELF's PT_LOAD segments with their bss) reaches that slot
 * ends domain creation with {@link #place}'s message instead of having its bss overwrite the tree (or the other way
 * round); so does a tree that does not fit in RAM.
 */
public final class DeviceTreePlacement {
    /** booting.rst: "must not exceed 2 megabytes in size". */
    public static final long MAX_BYTES = 2L << 20;
    /** booting.rst before v4.2: within the first 512 MiB from the start of the kernel image. */
    static final long WINDOW = 512L << 20;
    static final long ALIGN = 0x1_0000, REGION = 2L << 20;
    private static final int PT_LOAD = 1;

    private DeviceTreePlacement() { }

    /** The outcome: the tree's address, or exactly why the tree has no place. */
    public sealed interface Result {
        record At(long address) implements Result { }
        record NoRoom(String reason) implements Result { }
    }

    /**
     * The address for a tree of {@code size} bytes in usable RAM {@code [ramBase, ramBase + ramBytes)}, with the kernel
     * file {@code kernel} loaded (an empty array: no kernel to avoid).
     */
    public static Result place(long size, long ramBase, long ramBytes, byte[] kernel) {
        if (size > MAX_BYTES)
            return new Result.NoRoom(String.format("the arm64 device tree is 0x%x bytes, more than the 2 MiB booting.rst allows",
                    size));
        long[] extent = kernelExtent(kernel, ramBase);
        long top = ramBase + ramBytes;
        if (extent != null && Long.compareUnsigned(extent[0] + WINDOW, top) < 0) top = extent[0] + WINDOW;
        long at = (top - size) & -ALIGN;
        long last = at + size - 1;
        if (size > 0 && (at & -REGION) != (last & -REGION)) at = ((last & -REGION) - size) & -ALIGN;
        if (at < ramBase)
            return new Result.NoRoom(String.format("the 0x%x-byte arm64 device tree does not fit in the usable RAM 0x%x-0x%x",
                    size, ramBase, ramBase + ramBytes));
        if (extent != null && at < extent[1] && extent[0] < at + size)
            return new Result.NoRoom(String.format("the kernel occupies 0x%x-0x%x (bss included), which reaches the 0x%x-byte"
                    + " device tree the arm64 virt board places at 0x%x-0x%x (%s); give the domain more memory",
                    extent[0], extent[1], size, at, at + size, top == ramBase + ramBytes
                            ? "the top of usable RAM, below Xen's pages"
                            : "the highest slot within 512 MiB of the kernel's start, as booting.rst asks"));
        return new Result.At(at);
    }

    /**
     * {@code [low, high)} of guest-physical memory the kernel occupies: an ELF64's PT_LOAD segments (p_paddr to
     * p_paddr + p_memsz) or a raw Image as {@link Arm64Image} places it; null when there is no kernel or it is
     * neither (the domain builder has rejected such a file before the board sees it).
     */
    static long[] kernelExtent(byte[] kernel, long ramBase) {
        if (kernel.length >= 64 && kernel[0] == 0x7f && kernel[1] == 'E' && kernel[2] == 'L' && kernel[3] == 'F')
            return elfExtent(kernel);
        if (kernel.length == 0) return null;
        return Arm64Image.read(kernel, ramBase) instanceof RawImage.Placed p ? new long[] {p.loadAddress(), p.end()} : null;
    }

    /** ELF64 little-endian only: the AArch64 kernels this board runs (the builder has checked the machine). */
    private static long[] elfExtent(byte[] file) {
        if (file[4] != 2 || file[5] != 1) return null;
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = b.getLong(32);
        int phentsize = b.getShort(54) & 0xffff, phnum = b.getShort(56) & 0xffff;
        long lo = Long.MAX_VALUE, hi = 0;
        for (int i = 0; i < phnum; i++) {
            long at = phoff + (long) i * phentsize;
            if (phentsize < 56 || at < 0 || at + 56 > file.length) return null;
            if (b.getInt((int) at) != PT_LOAD) continue;
            long paddr = b.getLong((int) at + 24), memsz = b.getLong((int) at + 40);
            if (memsz == 0) continue;
            lo = Math.min(lo, paddr);
            hi = Math.max(hi, paddr + memsz);
        }
        return hi == 0 ? null : new long[] {lo, hi};
    }
}
