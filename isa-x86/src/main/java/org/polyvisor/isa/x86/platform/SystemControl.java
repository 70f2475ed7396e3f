package org.polyvisor.isa.x86.platform;

import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * The PC's power and reset ports, each the one guests without ACPI tables use on QEMU's i440FX machine:
 * <ul>
 * <li>{@link #pm1aControl}, port 0x604: the PIIX4 PM1a control register; a write with SLP_EN (bit 13) set powers the
 *     domain off (any sleep type: there is no sleep state to enter). {@code outw $0x2000, $0x604} is the idiom.</li>
 * <li>{@link #resetControl}, port 0xCF9: the PIIX3 reset control register; a write with RST_CPU (bit 2) set reboots.</li>
 * <li>{@link #keyboardData} and {@link #keyboardStatus}, ports 0x60 and 0x64: an 8042 with no keyboard attached; its status reads 0x1C
 *     (nothing to read, ready for a command) and command 0xFE (pulse the reset line) reboots.</li>
 * </ul>
 */
final class SystemControl {
    static final int PM1A_CNT = 0x604, RESET_CONTROL = 0xCF9, KBD_DATA = 0x60, KBD_STATUS = 0x64;
    static final int SLP_EN = 1 << 13, RST_CPU = 1 << 2, KBD_PULSE_RESET = 0xFE;

    private SystemControl() { }

    static Device pm1aControl(PlatformHost host) {
        return new Device() {
            @Override public long read(long offset, int size) { return 0; }

            @Override public void write(long offset, int size, long value) {
                if (((value << (8 * offset)) & SLP_EN) != 0) host.shutdown(ShutdownReason.POWEROFF);
            }
        };
    }

    static Device resetControl(PlatformHost host) {
        return new Device() {
            @Override public long read(long offset, int size) { return 0; }

            @Override public void write(long offset, int size, long value) {
                if ((value & RST_CPU) != 0) host.shutdown(ShutdownReason.REBOOT);
            }
        };
    }

    /** Port 0x60: the 8042's output buffer, empty (reads 0); writes (keyboard commands) are dropped. */
    static Device keyboardData() {
        return new Device() {
            @Override public long read(long offset, int size) { return 0; }

            @Override public void write(long offset, int size, long value) { }
        };
    }

    /** Port 0x64: the 8042's status (0x1C) and command register. */
    static Device keyboardStatus(PlatformHost host) {
        return new Device() {
            @Override public long read(long offset, int size) { return 0x1C; }

            @Override public void write(long offset, int size, long value) {
                if ((value & 0xFF) == KBD_PULSE_RESET) host.shutdown(ShutdownReason.REBOOT);
            }
        };
    }
}
