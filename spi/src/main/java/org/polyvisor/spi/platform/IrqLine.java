package org.polyvisor.spi.platform;

/** An interrupt request wire from a device to an interrupt controller: level-triggered, high while asserted. */
@FunctionalInterface
public interface IrqLine {
    void set(boolean asserted);

    IrqLine NONE = asserted -> { };
}
