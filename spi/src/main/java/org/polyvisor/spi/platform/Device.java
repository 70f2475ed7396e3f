package org.polyvisor.spi.platform;

/**
 * The registers of one device window. Offsets are relative to the window's base. Devices are called from the
 * thread of whichever vCPU touched them (and from the console thread for input), so they synchronise themselves.
 * A read of a register the device lacks returns what the hardware gives (often 0); nothing here throws on guest input.
 */
public interface Device {
    long read(long offset, int size);

    void write(long offset, int size, long value);
}
