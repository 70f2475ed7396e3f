package org.polyvisor.spi.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polyvisor.spi.FlatGuestMemory;

/**
 * Decoded code stays coherent across a domain's vCPUs: a store by one vCPU into a page another has decoded drops the
 * other's decoded instructions there once it syncs, and a page that becomes code on one vCPU stops being written
 * through the others' TLBs. Three caches over one guest memory stand for three vCPUs; a fourth over another memory
 * stands for another domain.
 */
class CodeCoherenceTest {
    private static final long PAGE = 0x5;  // guest frame 5, gpa 0x5000
    private final FlatGuestMemory ram = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 1 << 20);
    private final FlatGuestMemory otherDomain = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 1 << 20);
    private final SoftTlb tlbA = new SoftTlb(), tlbB = new SoftTlb(), tlbC = new SoftTlb(), tlbD = new SoftTlb();
    private final DecodedPages a = new DecodedPages(4, tlbA, ram), b = new DecodedPages(4, tlbB, ram);
    private final DecodedPages c = new DecodedPages(4, tlbC, ram), d = new DecodedPages(4, tlbD, otherDomain);
    private static final Object INSN = "decoded";

    @AfterEach void close() { ram.close(); otherDomain.close(); }

    @Test void aStoreByOneVcpuDropsAnothersDecodedInstructionsAtItsNextSync() {
        b.slots(PAGE)[0x10 >> 2] = INSN;
        b.slots(PAGE)[0x20 >> 2] = INSN;
        a.sync();
        assertTrue(a.mayHoldCode(PAGE), "the writer learns that page 5 holds code elsewhere");
        a.written(0x5010, 4, 0);
        assertSame(INSN, b.slots(PAGE)[0x10 >> 2], "nothing changes under the other vCPU before it syncs");
        assertTrue(b.sync(), "the other vCPU has news");
        assertNull(b.slots(PAGE)[0x10 >> 2], "the overwritten instruction is dropped");
        assertSame(INSN, b.slots(PAGE)[0x20 >> 2], "the one the store did not reach stays");
        assertFalse(b.sync(), "news is applied once");
    }

    @Test void aPageThatBecomesCodeStopsBeingWrittenThroughTheOtherVcpusTlbs() {
        MemorySegment host = MemorySegment.ofArray(new byte[4096]);
        tlbA.fill(SoftTlb.WRITE, 0x40005000L, PAGE, host);
        tlbC.fill(SoftTlb.WRITE, 0x5000L, PAGE, host);
        b.slots(PAGE);
        assertNotNull(tlbA.lookup(SoftTlb.WRITE, 0x40005000L), "until it syncs, a vCPU keeps its write entry");
        assertTrue(a.sync());
        assertTrue(c.sync());
        assertNull(tlbA.lookup(SoftTlb.WRITE, 0x40005000L), "the write entry of the frame is gone on vCPU A");
        assertNull(tlbC.lookup(SoftTlb.WRITE, 0x5000L), "and on vCPU C");
    }

    @Test void anotherDomainHearsNothing() {
        b.slots(PAGE)[0] = INSN;
        d.slots(PAGE)[0] = INSN;
        a.sync();
        a.written(0x5000, 8, 0);
        assertFalse(d.sync(), "a store in one domain is no news in another");
        assertSame(INSN, d.slots(PAGE)[0]);
        assertTrue(b.sync());
        assertNull(b.slots(PAGE)[0]);
    }

    @Test void theWriterDropsItsOwnInstructionsAtOnceAndTheLookBehindReachesTheFirstBytes() {
        a.slots(PAGE)[0x0C >> 2] = INSN;
        c.slots(PAGE)[0x0C >> 2] = INSN;
        b.sync();
        b.written(0x5010, 1, 4);  // x86-like: an instruction that starts up to 4 bytes before the store may overlap it
        a.sync();
        c.sync();
        assertNull(a.slots(PAGE)[0x0C >> 2]);
        assertNull(c.slots(PAGE)[0x0C >> 2]);
    }

    @Test void aVcpuAloneTellsNoOneAndAVcpuWithoutADomainIsOnItsOwn() {
        FlatGuestMemory alone = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 1 << 16);
        try (alone) {
            DecodedPages only = new DecodedPages(1, new SoftTlb(), alone);
            only.slots(1)[3] = INSN;
            only.written(0x1003, 1, 0);
            assertNull(only.slots(1)[3]);
            assertFalse(only.sync());
            assertEquals(1, CodeCoherence.of(alone).size());
        }
        DecodedPages standalone = new DecodedPages(1, new SoftTlb());
        standalone.slots(1);
        assertFalse(standalone.sync());
    }

    @Test void aFullFlushForgetsTheInstructionsButNotThatThePagesHoldCode() {
        b.slots(PAGE)[1] = INSN;
        a.sync();
        a.slots(PAGE)[2] = INSN;
        a.clear();
        assertNull(a.slots(PAGE)[2], "the decoded instructions are gone");
        assertTrue(a.mayHoldCode(PAGE), "the page still holds code on vCPU B, so A's stores there stay on the slow path");
        a.written(0x5004, 4, 0);
        assertTrue(b.sync());
        assertNull(b.slots(PAGE)[1], "and B still hears of them");
    }

    @Test void theDomainCountsItsVcpus() {
        assertEquals(3, CodeCoherence.of(ram).size());
    }
}
