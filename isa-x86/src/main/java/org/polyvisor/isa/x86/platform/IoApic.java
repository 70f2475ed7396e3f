package org.polyvisor.isa.x86.platform;

import org.polyvisor.spi.platform.Device;

/**
 * The I/O APIC at 0xFEC00000 (82093AA data sheet): IOREGSEL at offset 0x00 and IOWIN at 0x10; registers 0x00 ID,
 * 0x01 version (0x11, 24 redirection entries), 0x02 arbitration, and the redirection table at 0x10-0x3F (vector,
 * delivery mode, destination mode, polarity, remote IRR, trigger mode, mask, destination). Pins follow the PC's
 * ISA wiring with the usual override: the PIT's IRQ 0 on pin 2, every other ISA IRQ n on pin n. Fixed and
 * lowest-priority entries go to the local APICs the destination selects ({@link Delivery}); a level-triggered pin
 * sets remote IRR until the local APIC's EOI for its vector. Polarity is taken as active high. Thread-safe.
 */
final class IoApic implements Device {
    static final long BASE = 0xFEC0_0000L;
    static final int PINS = 24;
    private static final long MASKED = 1L << 16, LEVEL = 1L << 15, REMOTE_IRR = 1L << 14, LOGICAL = 1L << 11;

    /** Where an entry's interrupt goes: the board's local APICs. */
    interface Delivery {
        void deliver(boolean logical, int dest, int vector, boolean level);
    }

    private final long[] table = new long[PINS];
    private final Delivery delivery;
    private int select, id;
    private int levels;

    IoApic(Delivery delivery) {
        this.delivery = delivery;
        java.util.Arrays.fill(table, MASKED);
    }

    /** The pin an ISA IRQ is wired to. */
    static int pinOf(int isaIrq) { return isaIrq == 0 ? 2 : isaIrq; }

    void setPin(int pin, boolean high) {
        long e;
        synchronized (this) {
            int bit = 1 << pin;
            boolean rising = high && (levels & bit) == 0;
            if (high) levels |= bit;
            else levels &= ~bit;
            e = table[pin];
            if (!high || (e & MASKED) != 0) return;
            if ((e & LEVEL) != 0) {
                if ((e & REMOTE_IRR) != 0) return;  // still in service
                table[pin] = e | REMOTE_IRR;
            } else if (!rising) {
                return;
            }
        }
        delivery.deliver((e & LOGICAL) != 0, (int) (e >>> 56), (int) e & 0xFF, (e & LEVEL) != 0);
    }

    /** A local APIC's EOI for a level-triggered {@code vector}: remote IRR clears, a still-high line fires again. */
    void eoi(int vector) {
        int again = -1;
        synchronized (this) {
            for (int p = 0; p < PINS; p++) {
                if ((table[p] & 0xFF) == vector && (table[p] & REMOTE_IRR) != 0) {
                    table[p] &= ~REMOTE_IRR;
                    if ((levels & 1 << p) != 0) again = p;
                }
            }
        }
        if (again >= 0) setPin(again, true);
    }

    @Override
    public synchronized long read(long offset, int size) {
        if (offset == 0) return select;
        if (offset != 0x10) return 0;
        return switch (select) {
            case 0 -> (long) id << 24;
            case 1 -> (PINS - 1) << 16 | 0x11;
            case 2 -> (long) id << 24;
            default -> {
                int i = select - 0x10;
                if (i < 0 || i >= 2 * PINS) yield 0xFFFF_FFFFL;
                yield (table[i >>> 1] >>> (32 * (i & 1))) & 0xFFFF_FFFFL;
            }
        };
    }

    @Override
    public void write(long offset, int size, long value) {
        int fire = -1;
        synchronized (this) {
            if (offset == 0) { select = (int) value & 0xFF; return; }
            if (offset != 0x10) return;
            if (select == 0) { id = (int) (value >>> 24) & 0xF; return; }
            int i = select - 0x10;
            if (i < 0 || i >= 2 * PINS) return;
            long e = table[i >>> 1];
            if ((i & 1) == 0) {  // low half: remote IRR and delivery status are read-only
                long keep = e & (REMOTE_IRR | 1L << 12);
                e = (e & 0xFFFF_FFFF_0000_0000L) | (value & 0x1AFFFL) | keep;
            } else {
                e = (e & 0xFFFF_FFFFL) | (value & 0xFF00_0000L) << 32;
            }
            table[i >>> 1] = e;
            // Unmasking a pin whose level line is high delivers it now.
            if ((e & MASKED) == 0 && (e & LEVEL) != 0 && (e & REMOTE_IRR) == 0 && (levels & 1 << (i >>> 1)) != 0) fire = i >>> 1;
        }
        if (fire >= 0) setPin(fire, true);
    }
}
