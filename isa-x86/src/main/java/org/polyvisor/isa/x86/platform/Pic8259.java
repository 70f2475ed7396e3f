package org.polyvisor.isa.x86.platform;

/**
 * One Intel 8259A programmable interrupt controller (data sheet 231468): the initialisation sequence ICW1-ICW4,
 * OCW1 (the mask, IMR), OCW2 (non-specific and specific EOI, rotation commands accepted and treated as EOIs), OCW3
 * (read IRR or ISR, special mask mode ignored, poll), edge- and level-triggered requests (ICW1.LTIM, or the ELCR bit
 * of the PIIX), fixed priority with IRQ 0 highest. Not thread-safe: {@link PicPair} locks around it.
 */
final class Pic8259 {
    private static final int ICW1 = 0x10, ICW1_IC4 = 0x01, ICW1_SNGL = 0x02, ICW1_LTIM = 0x08;
    private static final int OCW3 = 0x08, OCW3_RR = 0x02, OCW3_RIS = 0x01, OCW3_POLL = 0x04;
    private static final int EOI = 0x20, SPECIFIC = 0x40;
    private static final int ICW4_AEOI = 0x02;

    int irr, isr, imr;
    /** The vector of IRQ 0 (ICW2, bits 7:3). */
    int vectorBase;
    /** ICW3: the slave lines of a master, the cascade identity of a slave. */
    int icw3;
    /** Level-triggered lines: all of them with ICW1.LTIM, else the edge/level control register (ports 0x4D0/0x4D1). */
    int elcr;
    private boolean ltim, autoEoi, readIsr;
    /** The ICW still expected: 2, 3, 4, or 0 once initialised. */
    private int initStep;
    private boolean needIcw3, needIcw4;
    /** The lines' current levels, for edge detection and level-triggered requests. */
    private int level;
    /** OCW3 poll command: the next read of the command port answers the poll byte. */
    private boolean pollPending;

    Pic8259(int vectorBase) {
        this.vectorBase = vectorBase;
        this.imr = 0xFF;  // until the guest programs it, nothing reaches the CPU
    }

    /** A line's level changes: a rising edge (or a high level with level triggering) sets its IRR bit. */
    void setLine(int irq, boolean high) {
        int bit = 1 << irq;
        if (high) {
            if ((level & bit) == 0 || levelTriggered(bit)) irr |= bit;
            level |= bit;
        } else {
            level &= ~bit;
            if (levelTriggered(bit)) irr &= ~bit;
        }
    }

    private boolean levelTriggered(int bit) { return ltim || (elcr & bit) != 0; }

    /**
     * The highest-priority request that would be delivered now, or -1: unmasked, and above every in-service IRQ
     * (fully nested mode: an in-service cascade line also holds back the slave's further requests until its EOI).
     */
    int pendingIrq() {
        int req = irr & ~imr;
        if (req == 0) return -1;
        for (int irq = 0; irq < 8; irq++) {
            int bit = 1 << irq;
            if ((isr & bit) != 0) return -1;
            if ((req & bit) != 0) return irq;
        }
        return -1;
    }

    /** INTA: the request moves from IRR to ISR (not with automatic EOI); edge requests are consumed. */
    void acknowledge(int irq) {
        int bit = 1 << irq;
        if (!autoEoi) isr |= bit;
        if (!levelTriggered(bit)) irr &= ~bit;
    }

    int read(int port) {
        if (pollPending) {
            pollPending = false;
            int irq = pendingIrq();
            if (irq < 0) return 0;
            acknowledge(irq);
            return 0x80 | irq;
        }
        if (port == 1) return imr;
        return readIsr ? isr : irr;
    }

    void write(int port, int value) {
        value &= 0xFF;
        if (port == 0) {
            if ((value & ICW1) != 0) {  // ICW1 starts initialisation: IMR and ISR cleared, IRR read selected
                initStep = 2;
                needIcw4 = (value & ICW1_IC4) != 0;
                needIcw3 = (value & ICW1_SNGL) == 0;
                ltim = (value & ICW1_LTIM) != 0;
                imr = 0;
                isr = 0;
                irr &= ltim ? level : 0;
                autoEoi = false;
                readIsr = false;
            } else if ((value & OCW3) != 0) {
                if ((value & OCW3_RR) != 0) readIsr = (value & OCW3_RIS) != 0;
                if ((value & OCW3_POLL) != 0) pollPending = true;
            } else {
                ocw2(value);
            }
            return;
        }
        switch (initStep) {
            case 2 -> {
                vectorBase = value & 0xF8;
                initStep = needIcw3 ? 3 : needIcw4 ? 4 : 0;
            }
            case 3 -> {
                icw3 = value;
                initStep = needIcw4 ? 4 : 0;
            }
            case 4 -> {
                autoEoi = (value & ICW4_AEOI) != 0;
                initStep = 0;
            }
            default -> imr = value;  // OCW1
        }
    }

    /** OCW2: R SL EOI in bits 7:5, the level in 2:0. Every EOI form clears an ISR bit; priority rotation is not modelled. */
    private void ocw2(int value) {
        if ((value & EOI) == 0) return;  // set-priority / rotate-in-AEOI commands: no EOI
        if ((value & SPECIFIC) != 0) {
            isr &= ~(1 << (value & 7));
        } else if (isr != 0) {
            isr &= isr - 1;  // non-specific EOI: the highest-priority (lowest-numbered) in-service IRQ
        }
    }
}
