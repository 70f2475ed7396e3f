package org.polyvisor.devices;

import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * A power-off register with the protocol of QEMU's {@code sifive_test} finisher, so bare-metal test code has one
 * well-known way to end: a 32-bit write of 0x5555 powers off with exit code 0 ("pass"), 0x3333 powers off with
 * exit code {@code value >>> 16} ("fail", 1 when the code is 0), 0x7777 resets. Other values are ignored; reads
 * return 0. Boards document where it sits.
 */
public final class TestFinisher implements Device {
    public static final int PASS = 0x5555, FAIL = 0x3333, RESET = 0x7777;

    private final PlatformHost host;

    public TestFinisher(PlatformHost host) { this.host = host; }

    @Override public long read(long offset, int size) { return 0; }

    @Override
    public void write(long offset, int size, long value) {
        if (offset != 0) return;
        int v = (int) value;
        switch (v & 0xFFFF) {
            case PASS -> host.exit(0);
            case FAIL -> host.exit(Math.max(1, v >>> 16));
            case RESET -> host.shutdown(ShutdownReason.REBOOT);
            default -> host.logOnce("finisher-" + Integer.toHexString(v & 0xFFFF),
                    "power-off register: value 0x" + Integer.toHexString(v) + " ignored (0x5555 pass, 0x3333 fail, 0x7777 reset)");
        }
    }
}
