package org.polyvisor.spi.platform;

import java.util.Objects;

/** A device's registers at {@code [base, base + length)} of one bus; {@code name} is what logs and the FDT call it. */
public record DeviceWindow(String name, AddressSpace space, long base, long length, Device device) {
    public DeviceWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(device, "device");
        if (length <= 0 || base < 0 || base + length < base)
            throw new IllegalArgumentException(name + ": bad window 0x" + Long.toHexString(base) + "+0x" + Long.toHexString(length));
    }

    public boolean contains(long address) { return address >= base && address - base < length; }

    public static DeviceWindow mmio(String name, long base, long length, Device device) {
        return new DeviceWindow(name, AddressSpace.MMIO, base, length, device);
    }

    public static DeviceWindow port(String name, int base, int length, Device device) {
        return new DeviceWindow(name, AddressSpace.PORT, base, length, device);
    }
}
