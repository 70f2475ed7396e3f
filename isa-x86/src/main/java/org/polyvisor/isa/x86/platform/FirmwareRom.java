package org.polyvisor.isa.x86.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.platform.Device;

/**
 * A raw firmware image ({@code firmware = "rom.bin"}) placed where a PC's BIOS flash sits: it ends at 4 GiB (a
 * read-only MMIO window there) and its last 128 KiB (all of it if smaller) also appear below 1 MiB, ending at
 * 0xFFFFF. Instructions are fetched from RAM only, so the low alias is a copy in guest RAM (writable, as
 * shadowed BIOS RAM is after a chipset's PAM registers open it), and the vCPU starts at the reset vector through it:
 * the architectural reset state except that CS's cached base is 0xF0000 instead of 0xFFFF0000, so F000:FFF0 fetches
 * the ROM's last 16 bytes from the copy at 0xFFFF0. Code running from the high window itself is not supported.
 */
final class FirmwareRom implements Device {
    static final long MAX_BYTES = 16L << 20, LOW_ALIAS_MAX = 128 << 10, ONE_MIB = 0x100000;

    final byte[] image;

    private FirmwareRom(byte[] image) { this.image = image; }

    /** The ROM at {@code path}, or a message saying why it cannot be used. */
    static Object load(String path) {
        try {
            long size = Files.size(Path.of(path));
            if (size == 0 || size > MAX_BYTES || (size & 0xFFF) != 0)
                return "firmware " + path + ": " + size + " bytes; a ROM image is a non-empty multiple of 4 KiB up to 16 MiB";
            return new FirmwareRom(Files.readAllBytes(Path.of(path)));
        } catch (IOException | RuntimeException e) {
            return "firmware " + path + ": cannot be read (" + e.getMessage() + ")";
        }
    }

    long highBase() { return (1L << 32) - image.length; }

    int lowLength() { return (int) Math.min(image.length, LOW_ALIAS_MAX); }

    /** Copies the low alias into RAM; false when RAM does not reach 1 MiB. */
    boolean copyLow(GuestMemory mem) {
        int n = lowLength();
        if (!mem.isRam(ONE_MIB - n, n)) return false;
        mem.writeBytes(ONE_MIB - n, image, image.length - n, n);
        return true;
    }

    /** RESET: real mode at F000:FFF0 through the low alias. */
    static void enterResetVector(CpuState s) {
        s.resetReal();
        s.segBase[CpuState.CS] = 0xF0000;
    }

    @Override
    public long read(long offset, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            long a = offset + i;
            v = v << 8 | (a < image.length ? image[(int) a] & 0xFF : 0xFF);
        }
        return v;
    }

    @Override public void write(long offset, int size, long value) { }  // flash is read-only here
}
