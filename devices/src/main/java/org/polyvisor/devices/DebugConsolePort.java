package org.polyvisor.devices;

import org.polyvisor.spi.platform.Device;

/**
 * The Bochs/QEMU debug console (PC boards put it at port 0xE9): every byte written goes to the console; a read
 * returns 0xE9, which is how guests detect that the port is there.
 */
public final class DebugConsolePort implements Device {
    private final ConsoleSink console;

    public DebugConsolePort(ConsoleSink console) { this.console = console; }

    @Override public long read(long offset, int size) { return 0xE9; }

    @Override public void write(long offset, int size, long value) { console.write(new byte[] {(byte) value}); }
}
