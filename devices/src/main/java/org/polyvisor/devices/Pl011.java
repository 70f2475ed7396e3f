package org.polyvisor.devices;

import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.IrqLine;

/**
 * The Arm PrimeCell UART PL011 (r1p5) as QEMU's virt board has it: DR, RSR/ECR, FR, the baud and line-control
 * registers, CR, IFLS, the interrupt mask/raw/masked/clear registers and the PrimeCell identification registers
 * that drivers probe. Transmission is instant (TXFE always set); received bytes wait in a 32-entry FIFO.
 */
public final class Pl011 implements Device {
    private static final int DR = 0x000, RSR = 0x004, FR = 0x018, ILPR = 0x020, IBRD = 0x024, FBRD = 0x028, LCR_H = 0x02C,
            CR = 0x030, IFLS = 0x034, IMSC = 0x038, RIS = 0x03C, MIS = 0x040, ICR = 0x044, DMACR = 0x048;
    private static final int FR_RXFE = 1 << 4, FR_RXFF = 1 << 6, FR_TXFE = 1 << 7;
    private static final int INT_RX = 1 << 4, INT_TX = 1 << 5, INT_RT = 1 << 6, INT_OE = 1 << 10;
    private static final int CR_TXE = 1 << 8, CR_RXE = 1 << 9;
    private static final int FIFO_SIZE = 32;
    /** UARTPeriphID0-3 then UARTPCellID0-3 at 0xFE0..0xFFC: part 0x011, designer Arm, revision r1p5. */
    private static final int[] ID = {0x11, 0x10, 0x14, 0x00, 0x0D, 0xF0, 0x05, 0xB1};

    private final ConsoleSink console;
    private final IrqLine irq;
    private final byte[] rx = new byte[FIFO_SIZE];
    private int rxHead, rxCount;
    private int ilpr, ibrd, fbrd, lcrH, cr = CR_TXE | CR_RXE, ifls = 0x12, imsc, ris, dmacr, rsr;

    public Pl011(ConsoleSink console, IrqLine irq) {
        this.console = console;
        this.irq = irq;
        ris = INT_TX; // the transmit FIFO starts empty, below its trigger level
    }

    /** Bytes typed on the console. */
    public synchronized void receive(byte[] bytes) {
        for (byte b : bytes) {
            if (rxCount == FIFO_SIZE) { rsr |= 1 << 3; ris |= INT_OE; continue; }
            rx[(rxHead + rxCount++) % FIFO_SIZE] = b;
        }
        if (rxCount > 0) ris |= INT_RX | INT_RT;
        updateIrq();
    }

    @Override
    public synchronized long read(long offset, int size) {
        int off = (int) offset;
        if (off >= 0xFE0 && off <= 0xFFC) return (off & 3) == 0 ? ID[(off - 0xFE0) >> 2] : 0;
        long v = switch (off) {
            case DR -> {
                if (rxCount == 0) yield 0;
                int b = rx[rxHead] & 0xFF;
                rxHead = (rxHead + 1) % FIFO_SIZE;
                if (--rxCount == 0) ris &= ~(INT_RX | INT_RT);
                updateIrq();
                yield b;
            }
            case RSR -> rsr;
            case FR -> FR_TXFE | (rxCount == 0 ? FR_RXFE : 0) | (rxCount == FIFO_SIZE ? FR_RXFF : 0);
            case ILPR -> ilpr;
            case IBRD -> ibrd;
            case FBRD -> fbrd;
            case LCR_H -> lcrH;
            case CR -> cr;
            case IFLS -> ifls;
            case IMSC -> imsc;
            case RIS -> ris;
            case MIS -> ris & imsc;
            case DMACR -> dmacr;
            default -> 0;
        };
        return v;
    }

    @Override
    public synchronized void write(long offset, int size, long value) {
        int v = (int) value;
        switch ((int) offset) {
            case DR -> {
                // Like QEMU, UARTEN is not required: bare-metal code that never programs CR still prints. TXE is.
                if ((cr & CR_TXE) != 0) console.write(new byte[] {(byte) v});
                ris |= INT_TX;
            }
            case RSR -> rsr = 0; // UARTECR: any write clears the errors
            case ILPR -> ilpr = v & 0xFF;
            case IBRD -> ibrd = v & 0xFFFF;
            case FBRD -> fbrd = v & 0x3F;
            case LCR_H -> lcrH = v & 0xFF;
            case CR -> cr = v & 0xFF87;
            case IFLS -> ifls = v & 0x3F;
            case IMSC -> imsc = v & 0x7FF;
            case ICR -> ris &= ~v;
            case DMACR -> dmacr = v & 7;
            default -> { }
        }
        updateIrq();
    }

    private void updateIrq() { irq.set((ris & imsc) != 0); }
}
