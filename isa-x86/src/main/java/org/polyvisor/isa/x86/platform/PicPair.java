package org.polyvisor.isa.x86.platform;

import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.IrqLine;

/**
 * The PC's two cascaded 8259As: the master at ports 0x20/0x21 (IRQ 0-7), the slave at 0xA0/0xA1 (IRQ 8-15) on the
 * master's IRQ 2, and the PIIX edge/level control registers at 0x4D0/0x4D1. Its INTR output goes to vCPU 0 (the
 * local APIC's LINT0 in virtual-wire mode): the vector of the highest-priority deliverable request is posted, and
 * the interrupt-acknowledge cycle ({@link #acknowledge}) moves it into service. A request that went away before
 * the acknowledge is answered with the spurious vector of IRQ 7 (or IRQ 15 on the slave), as the chip does.
 * Thread-safe: devices on any vCPU's thread set lines.
 */
final class PicPair {
    static final int MASTER = 0x20, SLAVE = 0xA0, ELCR = 0x4D0, CASCADE = 2;

    private final Pic8259 master = new Pic8259(0x08), slave = new Pic8259(0x70);
    private final InterruptPin cpu;
    /** The vector posted to the CPU and not yet acknowledged, or -1; and the last one withdrawn. */
    private int posted = -1, withdrawn = -1;

    PicPair(InterruptPin cpu) { this.cpu = cpu; }

    /** The wire of ISA interrupt {@code irq} (0-15). */
    IrqLine line(int irq) {
        if (irq < 0 || irq > 15 || irq == CASCADE) throw new IllegalArgumentException("no ISA IRQ line " + irq);
        return asserted -> setLine(irq, asserted);
    }

    synchronized void setLine(int irq, boolean high) {
        if (irq < 8) master.setLine(irq, high);
        else slave.setLine(irq - 8, high);
        update();
    }

    /**
     * Whether the CPU's acknowledge of {@code vector} belongs here: the vector this pair posted, or the one it withdrew
     * while the CPU was taking it (that acknowledge gets the spurious vector).
     */
    synchronized boolean owns(int vector) { return vector >= 0 && (posted == vector || withdrawn == vector); }

    /** The INTA cycle: the vector to deliver, with the IRQ now in service. */
    synchronized int acknowledge() {
        posted = -1;  // the CPU took it
        withdrawn = -1;
        cascade();
        int irq = master.pendingIrq();
        int vector;
        if (irq < 0) {
            vector = master.vectorBase + 7;
        } else {
            master.acknowledge(irq);
            if (irq == CASCADE) {
                int s = slave.pendingIrq();
                if (s < 0) vector = slave.vectorBase + 7;
                else {
                    slave.acknowledge(s);
                    vector = slave.vectorBase + s;
                }
            } else {
                vector = master.vectorBase + irq;
            }
        }
        update();
        return vector;
    }

    /** The slave's output is the master's IRQ 2 level. */
    private void cascade() {
        if (slave.pendingIrq() >= 0) master.irr |= 1 << CASCADE;
        else master.irr &= ~(1 << CASCADE);
    }

    /** Re-evaluates INTR after any change: posts the vector now deliverable, withdrawing a stale one. */
    private void update() {
        cascade();
        int irq = master.pendingIrq();
        int vector = irq < 0 ? -1 : irq == CASCADE ? slave.vectorBase + slave.pendingIrq() : master.vectorBase + irq;
        if (vector == posted) return;
        if (posted >= 0) {
            cpu.withdraw(posted);
            withdrawn = posted;
        }
        posted = vector;
        if (vector >= 0) cpu.post(vector);
    }

    /** For {@code info} and tests: "IRR/ISR/IMR" of both chips. */
    synchronized String describe() {
        return String.format("master irr=%02x isr=%02x imr=%02x base=%02x, slave irr=%02x isr=%02x imr=%02x base=%02x",
                master.irr, master.isr, master.imr, master.vectorBase, slave.irr, slave.isr, slave.imr, slave.vectorBase);
    }

    /** Ports 0x20-0x21 or 0xA0-0xA1 (offset 0 command, 1 data). */
    Device ports(boolean isSlave) {
        Pic8259 chip = isSlave ? slave : master;
        return new Device() {
            @Override
            public long read(long offset, int size) {
                synchronized (PicPair.this) {
                    int v = chip.read((int) offset & 1);
                    update();
                    return v;
                }
            }

            @Override
            public void write(long offset, int size, long value) {
                synchronized (PicPair.this) {
                    chip.write((int) offset & 1, (int) value);
                    update();
                }
            }
        };
    }

    /** The edge/level control registers at 0x4D0 (IRQ 0-7) and 0x4D1 (IRQ 8-15); IRQ 0, 1, 2, 8 and 13 are always edge. */
    Device elcr() {
        return new Device() {
            @Override
            public long read(long offset, int size) {
                synchronized (PicPair.this) {
                    long v = master.elcr | (long) slave.elcr << 8;
                    return offset == 0 ? v : v >>> 8;
                }
            }

            @Override
            public void write(long offset, int size, long value) {
                synchronized (PicPair.this) {
                    long v = value << (8 * offset);
                    if (offset == 0) master.elcr = (int) v & 0xF8;
                    if (offset == 1 || size > 1) slave.elcr = (int) (v >>> 8) & 0xDE;
                    update();
                }
            }
        };
    }
}
