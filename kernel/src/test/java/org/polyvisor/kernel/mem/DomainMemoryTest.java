package org.polyvisor.kernel.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.polyvisor.spi.GuestMemoryFault;

/** Frames are backed on first touch, owned by one domain, isolated, and given back on destroy. */
class DomainMemoryTest {

    @Test
    void domainsAreIsolatedAndFramesBackedOnFirstTouch() {
        try (MachineMemory m = new MachineMemory(16 << 20)) {
            DomainMemory a = new DomainMemory(m, 1, ByteOrder.LITTLE_ENDIAN, 0, 4 << 20);
            DomainMemory b = new DomainMemory(m, 2, ByteOrder.BIG_ENDIAN, 0x4000_0000L, 4 << 20);
            assertEquals(0, m.backedFrames());
            a.write(0x1000, 4, 0x11223344);
            b.write(0x4000_1000L, 4, 0x11223344);
            assertEquals(2, m.backedFrames());
            assertEquals(0x44, a.read(0x1000, 1), "little-endian");
            assertEquals(0x11, b.read(0x4000_1000L, 1), "big-endian");
            assertNotEquals(a.machineFrame(1), b.machineFrame(0x40001));
            assertNull(a.page(0x40001), "a cannot reach b's RAM");
            assertNull(b.page(1), "b has no RAM below its base");
            assertThrows(GuestMemoryFault.class, () -> a.read(4 << 20, 4));
            assertThrows(GuestMemoryFault.class, () -> a.read(-4, 4));
            assertThrows(IllegalStateException.class, () -> m.frame(a.machineFrame(1), 2), "ownership is checked");
            a.close();
            assertEquals(1, m.backedFrames());
            DomainMemory c = new DomainMemory(m, 3, ByteOrder.LITTLE_ENDIAN, 0, 4 << 20);
            assertEquals(0, c.read(0x1000, 4), "a reused frame is zeroed");
            b.close();
            c.close();
            assertEquals(0, m.reservedFrames());
        }
    }

    @Test
    void accessesAcrossPagesAndAtomics() {
        try (MachineMemory m = new MachineMemory(1 << 20)) {
            DomainMemory be = new DomainMemory(m, 1, ByteOrder.BIG_ENDIAN, 0, 1 << 16);
            be.write(0xFFE, 4, 0xAABBCCDDL);
            assertEquals(0xAABBCCDDL, be.read(0xFFE, 4));
            assertEquals(0xAA, be.read(0xFFE, 1));
            be.write(0x2000, 4, 5);
            assertEquals(5, be.compareAndExchange(0x2000, 4, 5, 6));
            assertEquals(6, be.compareAndExchange(0x2000, 4, 5, 7));
            assertEquals(6, be.read(0x2000, 4));
            assertEquals(6, be.read(0x2003, 1), "stored big-endian");
        }
    }

    @Test
    void theHostCannotPromiseMoreThanItHas() {
        try (MachineMemory m = new MachineMemory(8 << 20)) {
            new DomainMemory(m, 1, ByteOrder.LITTLE_ENDIAN, 0, 6 << 20);
            OutOfMachineMemoryException e = assertThrows(OutOfMachineMemoryException.class,
                    () -> new DomainMemory(m, 2, ByteOrder.LITTLE_ENDIAN, 0, 4 << 20));
            assertEquals("needs 4 MiB of memory, but the host has only 2 MiB free of 8 MiB", e.getMessage());
        }
    }
}
