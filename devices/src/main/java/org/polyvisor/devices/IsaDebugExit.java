package org.polyvisor.devices;

import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * QEMU's {@code isa-debug-exit} (PC boards put it at port 0xF4): any write powers the machine off and the process
 * exits with {@code (value << 1) | 1}, so a test kernel reports its verdict as an exit status. Reads return all ones.
 */
public final class IsaDebugExit implements Device {
    private final PlatformHost host;

    public IsaDebugExit(PlatformHost host) { this.host = host; }

    @Override public long read(long offset, int size) { return size >= 8 ? -1L : (1L << (8 * size)) - 1; }

    @Override
    public void write(long offset, int size, long value) {
        long masked = size >= 4 ? value & 0xFFFF_FFFFL : value & ((1L << (8 * size)) - 1);
        host.exit((int) ((masked << 1) | 1));
    }
}
