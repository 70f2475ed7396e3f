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

/** The PL011 as Linux's amba-pl011 driver and bare-metal code see it. */
class Pl011Test {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicBoolean irq = new AtomicBoolean();
    private final Pl011 uart = new Pl011(out::writeBytes, irq::set);

    @ParameterizedTest(name = "ID register 0x{0} = 0x{1}")
    @CsvSource({"fe0, 11", "fe4, 10", "fe8, 14", "fec, 00", "ff0, 0d", "ff4, f0", "ff8, 05", "ffc, b1"})
    void primeCellIdentification(String off, String value) {
        assertEquals(Integer.parseInt(value, 16), uart.read(Integer.parseInt(off, 16), 4));
    }

    @Test
    void writesToDrGoOutAndFlagsShowAnEmptyTransmitter() {
        uart.write(0, 4, 'A');
        assertArrayEquals("A".getBytes(), out.toByteArray());
        long fr = uart.read(0x18, 4);
        assertEquals(0x90, fr & 0xB0, "TXFE and RXFE set, TXFF clear");
    }

    @Test
    void disablingTheTransmitterSilencesIt() {
        uart.write(0x30, 4, 0x201);
        uart.write(0, 4, 'B');
        assertEquals(0, out.size());
    }

    @Test
    void receiveRaisesTheMaskedInterruptUntilTheFifoDrains() {
        uart.write(0x38, 4, 1 << 4);
        assertFalse(irq.get());
        uart.receive("hi".getBytes());
        assertTrue(irq.get());
        assertEquals(1 << 4, uart.read(0x40, 4) & (1 << 4));
        assertEquals(0, uart.read(0x18, 4) & (1 << 4), "RXFE clear");
        assertEquals('h', uart.read(0, 4));
        assertEquals('i', uart.read(0, 4));
        assertFalse(irq.get());
    }

    @Test
    void icrClearsTheTransmitInterrupt() {
        uart.write(0x38, 4, 1 << 5);
        assertTrue(irq.get(), "TX starts below its trigger level");
        uart.write(0x44, 4, 1 << 5);
        assertFalse(irq.get());
    }
}
