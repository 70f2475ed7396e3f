package org.polyvisor.devices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 16550A as a driver sees it: register values after reset, IIR priorities, the FIFO, DLAB, loopback, OUT2. */
class Uart16550Test {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicBoolean irq = new AtomicBoolean();
    private final Uart16550 uart = new Uart16550(out::writeBytes, irq::set);

    @ParameterizedTest(name = "register {0} reads 0x{1} after reset")
    @CsvSource({"1, 00", "2, 01", "3, 00", "4, 00", "5, 60", "6, b0", "7, 00"})
    void resetValues(int reg, String hex) {
        assertEquals(Integer.parseInt(hex, 16), uart.read(reg, 1));
    }

    @Test
    void transmittedBytesReachTheConsole() {
        for (byte b : "hi\n".getBytes()) uart.write(0, 1, b);
        assertArrayEquals("hi\n".getBytes(), out.toByteArray());
        assertEquals(0x60, uart.read(5, 1) & 0x60, "THRE and TEMT stay set: transmission is instant");
    }

    @Test
    void receivedBytesComeOutInOrderWithDataReady() {
        uart.receive("ab".getBytes());
        assertEquals(1, uart.read(5, 1) & 1);
        assertEquals('a', uart.read(0, 1));
        assertEquals('b', uart.read(0, 1));
        assertEquals(0, uart.read(5, 1) & 1);
    }

    @Test
    void aFullFifoOverrunsAndReportsOnceInLsr() {
        uart.receive(new byte[17]);
        assertEquals(0x02, uart.read(5, 1) & 0x02);
        assertEquals(0, uart.read(5, 1) & 0x02, "OE clears when LSR is read");
    }

    @Test
    void divisorLatchHidesRbrAndIer() {
        uart.write(3, 1, 0x83);
        uart.write(0, 1, 0x01);
        uart.write(1, 1, 0x00);
        assertEquals(0x01, uart.read(0, 1));
        assertEquals(0, out.size(), "a divisor write is not output");
        uart.write(3, 1, 0x03);
        assertEquals(0, uart.read(1, 1));
    }

    @Test
    void interruptPrioritiesFollowTheDataSheet() {
        uart.write(1, 1, 0x07); // RDI, THRI, RLSI
        assertTrue(irq.get());
        assertEquals(0x02, uart.read(2, 1), "THR empty raised when THRI is enabled");
        assertFalse(irq.get(), "reading IIR cleared the THRE cause");
        uart.receive("x".getBytes());
        assertEquals(0x04, uart.read(2, 1), "received data");
        uart.receive(new byte[16]);
        assertEquals(0x06, uart.read(2, 1), "line status outranks received data");
        uart.read(5, 1);
        assertEquals(0x04, uart.read(2, 1));
    }

    @Test
    void loopbackFeedsTransmitIntoReceive() {
        uart.write(4, 1, 0x10);
        uart.write(0, 1, 'Q');
        assertEquals(0, out.size());
        assertEquals('Q', uart.read(0, 1));
    }

    @Test
    void fifoControlReportsInIirAndClearsTheReceiveFifo() {
        uart.receive("abc".getBytes());
        uart.write(2, 1, 0x07);
        assertEquals(0xC1, uart.read(2, 1));
        assertEquals(0, uart.read(5, 1) & 1);
    }

    @Test
    void onAPcOut2GatesTheIrqLine() {
        AtomicBoolean pic = new AtomicBoolean();
        Uart16550 com1 = new Uart16550(out::writeBytes, pic::set, 0, true);
        com1.write(1, 1, 0x01);
        com1.receive("z".getBytes());
        assertFalse(pic.get());
        com1.write(4, 1, 0x08);
        assertTrue(pic.get());
    }

    @Test
    void mmioStrideSpreadsTheRegisters() {
        Uart16550 wide = new Uart16550(out::writeBytes, irq::set, 2, false);
        assertEquals(0x60, wide.read(5 << 2, 4) & 0x60);
        assertEquals(0, wide.read(5, 1), "offsets between registers read 0");
        wide.write(0, 4, 'k');
        assertArrayEquals("k".getBytes(), out.toByteArray());
    }
}
