package org.polyvisor.isa.x86.platform;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;
import org.polyvisor.spi.platform.Device;

/**
 * The MC146818 real-time clock and CMOS RAM of the PC at ports 0x70 (index; bit 7 masks NMI) and 0x71 (data).
 * Time registers 0x00 seconds, 0x02 minutes, 0x04 hours, 0x06 day of week (1 = Sunday), 0x07 day of month,
 * 0x08 month, 0x09 year and 0x32 century, in BCD or binary and 12- or 24-hour form as register B's DM and 24/12
 * bits say; the alarms 0x01/0x03/0x05 are plain storage. Register A reads 0x26 (32.768 kHz base, 1024 Hz rate) and
 * never shows update-in-progress; B resets to 0x02 (24-hour, BCD); C reads 0 (no periodic, alarm or update
 * interrupt is raised: IRQ 8 stays low) and D reads 0x80 (valid RAM and time). The clock is UTC: the host's time when
 * the board was made plus the domain's virtual time; a guest that writes a time field moves its own clock.
 * CMOS RAM bytes 0x0E-0x7F are storage, with the memory sizes BIOSes read filled in (0x15/0x16 base memory in KiB,
 * 0x17/0x18 and 0x30/0x31 extended memory in KiB up to 63 MiB, 0x34/0x35 memory above 16 MiB in 64 KiB units).
 */
final class CmosRtc implements Device {
    static final int BASE = 0x70;
    private static final int SEC = 0, MIN = 2, HOUR = 4, WDAY = 6, MDAY = 7, MON = 8, YEAR = 9, CENTURY = 0x32;
    private static final int A = 0x0A, B = 0x0B, C = 0x0C, D = 0x0D;
    private static final int B_24H = 0x02, B_BINARY = 0x04;

    private final byte[] ram = new byte[128];
    private final LongSupplier virtualNanos;
    /** Seconds since the epoch (UTC) at virtual time 0; a guest's write to a time register moves it. */
    private long epochAtZero;
    private int index;

    /**
     * @param epochSeconds the wall time at virtual time 0, seconds since 1970-01-01 UTC
     * @param ramBytes     the guest's RAM, for the memory-size bytes
     */
    CmosRtc(long epochSeconds, LongSupplier virtualNanos, long ramBytes) {
        this.virtualNanos = virtualNanos;
        this.epochAtZero = epochSeconds;
        ram[B] = B_24H;
        long baseKiB = Math.min(640, ramBytes >>> 10);
        put16(0x15, baseKiB);
        long extKiB = Math.min(0xFC00, Math.max(0, (ramBytes - (1 << 20)) >>> 10));
        put16(0x17, extKiB);
        put16(0x30, extKiB);
        put16(0x34, Math.min(0xFFFF, Math.max(0, (ramBytes - (16L << 20)) >>> 16)));
    }

    private void put16(int at, long v) {
        ram[at] = (byte) v;
        ram[at + 1] = (byte) (v >>> 8);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofEpochSecond(epochAtZero + virtualNanos.getAsLong() / 1_000_000_000L, 0, ZoneOffset.UTC);
    }

    @Override
    public synchronized long read(long offset, int size) {
        if (offset == 0) return 0xFF;  // the index port is write-only
        return switch (index) {
            case SEC, MIN, HOUR, WDAY, MDAY, MON, YEAR, CENTURY -> timeField(index, now());
            case A -> 0x26;
            case C -> 0;
            case D -> 0x80;
            default -> ram[index] & 0xFF;
        };
    }

    @Override
    public synchronized void write(long offset, int size, long value) {
        int v = (int) value & 0xFF;
        if (offset == 0) {
            index = v & 0x7F;  // bit 7: NMI disable, which no NMI source here needs
            return;
        }
        switch (index) {
            case SEC, MIN, HOUR, WDAY, MDAY, MON, YEAR, CENTURY -> setTime(index, v);
            case A -> ram[A] = (byte) (v & 0x7F);
            case B -> ram[B] = (byte) v;
            case C, D -> { }  // read-only
            default -> ram[index] = (byte) v;
        }
    }

    private boolean binary() { return (ram[B] & B_BINARY) != 0; }

    private int encode(int v) { return binary() ? v : (v / 10) << 4 | v % 10; }

    private int decode(int v) { return binary() ? v : (v >>> 4) * 10 + (v & 0xF); }

    private int timeField(int reg, LocalDateTime t) {
        return switch (reg) {
            case SEC -> encode(t.getSecond());
            case MIN -> encode(t.getMinute());
            case HOUR -> {
                int h = t.getHour();
                if ((ram[B] & B_24H) != 0) yield encode(h);
                int h12 = h % 12 == 0 ? 12 : h % 12;
                yield encode(h12) | (h >= 12 ? 0x80 : 0);
            }
            case WDAY -> encode(t.getDayOfWeek().getValue() % 7 + 1);
            case MDAY -> encode(t.getDayOfMonth());
            case MON -> encode(t.getMonthValue());
            case YEAR -> encode(t.getYear() % 100);
            default -> encode(t.getYear() / 100);
        };
    }

    /** A guest sets the clock: the field changes, the others keep running from where they are. */
    private void setTime(int reg, int raw) {
        LocalDateTime t = now();
        try {
            int v = decode(raw & (reg == HOUR ? 0x7F : 0xFF));
            t = switch (reg) {
                case SEC -> t.withSecond(v);
                case MIN -> t.withMinute(v);
                case HOUR -> {
                    if ((ram[B] & B_24H) != 0) yield t.withHour(v);
                    yield t.withHour(v % 12 + ((raw & 0x80) != 0 ? 12 : 0));
                }
                case WDAY -> t;  // derived from the date
                case MDAY -> t.withDayOfMonth(v);
                case MON -> t.withMonth(v);
                case YEAR -> t.withYear(t.getYear() / 100 * 100 + v);
                default -> t.withYear(v * 100 + t.getYear() % 100);
            };
        } catch (java.time.DateTimeException e) {
            return;  // an impossible value (minute 75, February 30): the clock keeps its time
        }
        epochAtZero = t.toEpochSecond(ZoneOffset.UTC) - virtualNanos.getAsLong() / 1_000_000_000L;
    }
}
