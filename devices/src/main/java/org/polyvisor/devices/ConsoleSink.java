package org.polyvisor.devices;

/** Where a UART's transmitted bytes go (the domain's console). */
@FunctionalInterface
public interface ConsoleSink {
    void write(byte[] bytes);
}
