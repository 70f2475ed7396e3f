package org.polyvisor.devices;

import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.IrqLine;

/**
 * The National Semiconductor NS16550A UART as PCs and embedded boards have it: RBR/THR, IER, IIR/FCR, LCR, MCR,
 * LSR, MSR, SCR, the divisor latch behind LCR.DLAB, a 16-byte receive FIFO, and the interrupt priorities of the
 * data sheet (line status, received data, transmitter empty, modem status). Transmission is instant: a byte
 * written to THR goes to the console at once, so THRE and TEMT read as set. {@code regShift} spreads the eight
 * registers for MMIO boards (register {@code n} at offset {@code n << regShift}).
 */
public final class Uart16550 implements Device {
    // Register numbers (DLAB clear unless said).
    private static final int RBR_THR = 0, IER = 1, IIR_FCR = 2, LCR = 3, MCR = 4, LSR = 5, MSR = 6, SCR = 7;
    private static final int IER_RDI = 0x01, IER_THRI = 0x02, IER_RLSI = 0x04;
    // Modem status never changes here (a terminal is always attached), so IER.MSI never raises IIR 0x00.
    private static final int IIR_NONE = 0x01, IIR_THRI = 0x02, IIR_RDI = 0x04, IIR_RLSI = 0x06, IIR_FIFO = 0xC0;
    private static final int LSR_DR = 0x01, LSR_OE = 0x02, LSR_THRE = 0x20, LSR_TEMT = 0x40;
    private static final int LCR_DLAB = 0x80;
    private static final int MCR_DTR = 0x01, MCR_RTS = 0x02, MCR_OUT1 = 0x04, MCR_OUT2 = 0x08, MCR_LOOP = 0x10;
    private static final int FIFO_SIZE = 16;

    private final ConsoleSink console;
    private final IrqLine irq;
    private final int regShift;
    /** PC boards gate the IRQ with MCR.OUT2 (the line to the PIC goes through it); others wire it straight. */
    private final boolean out2GatesIrq;

    private final byte[] rx = new byte[FIFO_SIZE];
    private int rxHead, rxCount;
    private int ier, lcr, mcr, scr, fcr, dll = 12, dlm; // 9600 baud from 1.8432 MHz, the reset divisor
    private boolean overrun;
    /** THRE interrupt pending: set when THR empties, cleared by reading IIR while it is the cause, or by a write to THR. */
    private boolean thrPending;

    public Uart16550(ConsoleSink console, IrqLine irq, int regShift, boolean out2GatesIrq) {
        this.console = console;
        this.irq = irq;
        this.regShift = regShift;
        this.out2GatesIrq = out2GatesIrq;
    }

    /** A UART whose registers sit one byte apart and whose IRQ is wired straight to the controller. */
    public Uart16550(ConsoleSink console, IrqLine irq) { this(console, irq, 0, false); }

    /** Bytes typed on the console: into the receive FIFO (an overrun sets LSR.OE and drops the byte). */
    public synchronized void receive(byte[] bytes) {
        for (byte b : bytes) push(b);
        updateIrq();
    }

    private void push(byte b) {
        if (rxCount == FIFO_SIZE) { overrun = true; return; }
        rx[(rxHead + rxCount++) % FIFO_SIZE] = b;
    }

    @Override
    public synchronized long read(long offset, int size) {
        int reg = (int) (offset >>> regShift);
        if ((offset & ((1L << regShift) - 1)) != 0 || reg > 7) return 0;
        int v = switch (reg) {
            case RBR_THR -> (lcr & LCR_DLAB) != 0 ? dll : pop();
            case IER -> (lcr & LCR_DLAB) != 0 ? dlm : ier;
            case IIR_FCR -> {
                int iir = iir();
                if (iir == IIR_THRI) thrPending = false;
                yield iir | ((fcr & 1) != 0 ? IIR_FIFO : 0);
            }
            case LCR -> lcr;
            case MCR -> mcr;
            case LSR -> {
                int lsr = LSR_THRE | LSR_TEMT | (rxCount > 0 ? LSR_DR : 0) | (overrun ? LSR_OE : 0);
                overrun = false;
                yield lsr;
            }
            case MSR -> (mcr & MCR_LOOP) != 0
                    ? ((mcr & MCR_RTS) << 3) | ((mcr & MCR_DTR) << 5) | ((mcr & MCR_OUT1) << 4) | ((mcr & MCR_OUT2) << 4)
                    : 0xB0; // CTS, DSR and DCD asserted: a terminal is attached
            default -> scr;
        };
        updateIrq();
        return v & 0xFF;
    }

    private int pop() {
        if (rxCount == 0) return 0;
        int b = rx[rxHead] & 0xFF;
        rxHead = (rxHead + 1) % FIFO_SIZE;
        rxCount--;
        return b;
    }

    @Override
    public synchronized void write(long offset, int size, long value) {
        int reg = (int) (offset >>> regShift);
        if ((offset & ((1L << regShift) - 1)) != 0 || reg > 7) return;
        int v = (int) value & 0xFF;
        switch (reg) {
            case RBR_THR -> {
                if ((lcr & LCR_DLAB) != 0) dll = v;
                else if ((mcr & MCR_LOOP) != 0) push((byte) v);
                else console.write(new byte[] {(byte) v});
                thrPending = true; // THR is empty again at once
            }
            case IER -> {
                if ((lcr & LCR_DLAB) != 0) dlm = v;
                else {
                    boolean thriOn = (v & IER_THRI) != 0 && (ier & IER_THRI) == 0;
                    ier = v & 0x0F;
                    if (thriOn) thrPending = true; // enabling THRI with THR empty raises it, as the data sheet says
                }
            }
            case IIR_FCR -> {
                fcr = v & 0xC9;
                if ((v & 0x02) != 0) { rxHead = 0; rxCount = 0; }
            }
            case LCR -> lcr = v;
            case MCR -> mcr = v & 0x1F;
            case SCR -> scr = v;
            default -> { } // LSR and MSR are read-only
        }
        updateIrq();
    }

    /** The highest-priority pending cause, as IIR reports it. */
    private int iir() {
        if ((ier & IER_RLSI) != 0 && overrun) return IIR_RLSI;
        if ((ier & IER_RDI) != 0 && rxCount > 0) return IIR_RDI;
        if ((ier & IER_THRI) != 0 && thrPending) return IIR_THRI;
        return IIR_NONE;
    }

    private void updateIrq() {
        boolean pending = iir() != IIR_NONE;
        if (out2GatesIrq && (mcr & MCR_OUT2) == 0) pending = false;
        irq.set(pending);
    }
}
