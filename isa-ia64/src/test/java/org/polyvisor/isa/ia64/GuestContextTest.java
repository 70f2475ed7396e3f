package org.polyvisor.isa.ia64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.ia64.pv.Ia64GuestContext;
import org.polyvisor.spi.GuestContext;
import org.polyvisor.spi.VcpuExit;

/**
 * The ia64 struct vcpu_guest_context (Ia64GuestContext, images/README.md): what load gives an offline vCPU, seen
 * through the Vcpu interface; store's round trip; and every refusal with its reason.
 */
class GuestContextTest {
    static final int SIZE = 1088;

    private static GuestContext layout() {
        return new Ia64IsaProvider().guestContext().orElseThrow();
    }

    /** A valid context: ip 0x1000, psr.ic|bn, sof 8 / sol 4, gp, sp, tp, b0, p1, a backing store at 0x6000... */
    static ByteBuffer valid() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(Ia64GuestContext.FLAGS, Ia64GuestContext.VGCF_IA64_FR);
        b.putLong(Ia64GuestContext.IP, 0x1000);
        b.putLong(Ia64GuestContext.PSR, 1L << 13 | 1L << 44);
        b.putLong(Ia64GuestContext.CFM, 8 | 4 << 7);
        b.putLong(Ia64GuestContext.PR, 0x3);
        b.putLong(Ia64GuestContext.BR, 0x1230);
        b.putLong(Ia64GuestContext.GR + 8, 0x600000);       // r1 = gp
        b.putLong(Ia64GuestContext.GR + 8 * 12, 0x7ff0);    // r12 = sp
        b.putLong(Ia64GuestContext.GR + 8 * 13, 2);         // r13 = tp
        b.putLong(Ia64GuestContext.GR + 8 * 4, 0x44);
        b.putLong(Ia64GuestContext.NATS, 1L << 5);
        b.putLong(Ia64GuestContext.RSC, 3);
        b.putLong(Ia64GuestContext.BSP, 0x6000);
        b.putLong(Ia64GuestContext.BSPSTORE, 0x6000);
        b.putLong(Ia64GuestContext.RNAT, 0x5);
        b.putLong(Ia64GuestContext.PFS, 0x18);
        b.putLong(Ia64GuestContext.UNAT, 0x9);
        b.putLong(Ia64GuestContext.FPSR, 0x0009804c0270033fL);
        b.putLong(Ia64GuestContext.LC, 7);
        b.putLong(Ia64GuestContext.EC, 3);
        b.putLong(Ia64GuestContext.CCV, 0x77);
        for (int i = 0; i < 8; i++) b.putLong(Ia64GuestContext.RR + 8 * i, (long) i << 8 | 14 << 2);
        b.putLong(Ia64GuestContext.IVA, 0x8000);
        b.putLong(Ia64GuestContext.PTA, 0x4000 | 15 << 2);
        b.putLong(Ia64GuestContext.TPR, 0x10);
        b.putLong(Ia64GuestContext.KR + 8 * 7, 0xabc);
        b.putLong(Ia64GuestContext.FR, 1L << 63);               // f2 = +1.0
        b.putLong(Ia64GuestContext.FR + 8, 0xffff);
        return b;
    }

    @Test
    void sizeIsTheDocumentedOne() {
        assertEquals(SIZE, layout().size());
    }

    @Test
    void loadGivesTheVcpuItsStartState() {
        try (Machine m = new Machine(VcpuBehaviourTest.HYPERCALLS)) {
            assertNull(layout().load(valid().array(), m.vcpu));
            String[][] expect = {
                    {"ip", "1000"}, {"psr", "100000002000"}, {"cfm", "208"}, {"pr", "3"}, {"b0", "1230"},
                    {"r1", "600000"}, {"r12", "7ff0"}, {"r13", "2"}, {"r4", "44"}, {"ar.rsc", "3"},
                    {"ar.bsp", "6000"}, {"ar.bspstore", "6000"}, {"ar.rnat", "5"}, {"ar.pfs", "18"},
                    {"ar.fpsr", "9804c0270033f"}, {"ar.lc", "7"}, {"ar.ec", "3"}, {"cr.iva", "8000"},
                    {"cr.pta", "403c"}, {"cr.tpr", "10"}, {"f2", "8000000000000000"}, {"f2.se", "ffff"}};
            for (String[] e : expect)
                assertEquals(Long.parseUnsignedLong(e[1], 16), m.get(e[0]), e[0] + " after load");
            // It runs from there: the first break.m is a hypercall with r2 = 18.
            assertSame(VcpuExit.HYPERCALL, m.vcpu.run(100));
            assertEquals(18, m.get("r2"));
        }
    }

    @Test
    void storeGivesBackWhatLoadTook() {
        try (Machine m = new Machine(VcpuBehaviourTest.HYPERCALLS)) {
            byte[] in = valid().array();
            assertNull(layout().load(in, m.vcpu));
            assertArrayEquals(in, layout().store(m.vcpu));
        }
    }

    @Test
    void aRunningVcpusStoredContextLoadsIntoAnotherOne() {
        try (Machine a = new Machine(VcpuBehaviourTest.HYPERCALLS); Machine b = new Machine(VcpuBehaviourTest.HYPERCALLS)) {
            a.vcpu.run(100);
            a.set("r7", 0x1234);
            a.set("ar.bspstore", 0x6000);
            byte[] ctx = layout().store(a.vcpu);
            assertNull(layout().load(ctx, b.vcpu));
            assertArrayEquals(ctx, layout().store(b.vcpu));
            assertEquals(0x1234, b.get("r7"));
            assertEquals(a.vcpu.pc(), b.vcpu.pc());
        }
    }

    record Bad(String name, Consumer<ByteBuffer> edit, String reason) {
        @Override public String toString() { return name; }
    }

    static Stream<Bad> refused() {
        return Stream.of(
                new Bad("reserved flags", b -> b.putLong(Ia64GuestContext.FLAGS, 2), "reserved flags 0x2"),
                new Bad("ip not a bundle", b -> b.putLong(Ia64GuestContext.IP, 0x1004), "is not a bundle address"),
                new Bad("psr bit 0", b -> b.putLong(Ia64GuestContext.PSR, 1), "reserved psr bits 0x1"),
                new Bad("psr bit 16", b -> b.putLong(Ia64GuestContext.PSR, 1L << 16), "reserved psr bits 0x10000"),
                new Bad("psr bit 47", b -> b.putLong(Ia64GuestContext.PSR, 1L << 47), "reserved psr bits 0x800000000000"),
                new Bad("psr.cpl 3", b -> b.putLong(Ia64GuestContext.PSR, 3L << 32), "psr.cpl is 3, not 0"),
                new Bad("psr.cpl 1", b -> b.putLong(Ia64GuestContext.PSR, 1L << 32), "psr.cpl is 1, not 0"),
                new Bad("psr.is", b -> b.putLong(Ia64GuestContext.PSR, 1L << 34), "IA-32"),
                new Bad("psr.ri 3", b -> b.putLong(Ia64GuestContext.PSR, 3L << 41), "psr.ri = 3"),
                new Bad("cfm bit 38", b -> b.putLong(Ia64GuestContext.CFM, 1L << 38), "reserved cfm bits"),
                new Bad("sof 97", b -> b.putLong(Ia64GuestContext.CFM, 97), "no legal frame"),
                new Bad("sol > sof", b -> b.putLong(Ia64GuestContext.CFM, 4 | 5 << 7), "no legal frame"),
                new Bad("8 * sor > sof", b -> b.putLong(Ia64GuestContext.CFM, 8 | 2 << 14), "no legal frame"),
                new Bad("rrb.gr without rotation", b -> b.putLong(Ia64GuestContext.CFM, 8 | 1 << 18), "cfm.rrb.gr 1"),
                new Bad("rrb.pr 48", b -> b.putLong(Ia64GuestContext.CFM, 48L << 32), "cfm.rrb.pr 48"),
                new Bad("r0 nonzero", b -> b.putLong(Ia64GuestContext.GR, 1), "r0 must be 0"),
                new Bad("r0 NaT", b -> b.putLong(Ia64GuestContext.NATS, 1), "r0's NaT bit"),
                new Bad("ar.rsc reserved bit", b -> b.putLong(Ia64GuestContext.RSC, 1 << 5), "reserved ar.rsc bits 0x20"),
                new Bad("ar.rsc.be", b -> b.putLong(Ia64GuestContext.RSC, 1 << 4), "big-endian backing store"),
                new Bad("ar.rsc.loadrs", b -> b.putLong(Ia64GuestContext.RSC, 8 << 16), "loadrs must be 0"),
                new Bad("bspstore misaligned", b -> { b.putLong(Ia64GuestContext.BSP, 0x6004); b.putLong(Ia64GuestContext.BSPSTORE, 0x6004); },
                        "ar.bspstore 0x6004 is not 8-byte aligned"),
                new Bad("bsp != bspstore", b -> b.putLong(Ia64GuestContext.BSP, 0x6010), "differs from ar.bspstore"),
                new Bad("ar.fpsr reserved", b -> b.putLong(Ia64GuestContext.FPSR, 1L << 60), "reserved ar.fpsr bits"),
                new Bad("ar.ec 64", b -> b.putLong(Ia64GuestContext.EC, 64), "ar.ec"),
                new Bad("rr3 bit 1", b -> b.putLong(Ia64GuestContext.RR + 24, 2), "reserved bits in rr3"),
                new Bad("rr7 bit 32", b -> b.putLong(Ia64GuestContext.RR + 56, 1L << 32), "reserved bits in rr7"),
                new Bad("cr.iva not 32 KiB aligned", b -> b.putLong(Ia64GuestContext.IVA, 0x8100), "not 32 KiB aligned"),
                new Bad("cr.tpr reserved", b -> b.putLong(Ia64GuestContext.TPR, 1), "reserved cr.tpr bits 0x1"),
                new Bad("f5 exponent too wide", b -> b.putLong(Ia64GuestContext.FR + 16 * 3 + 8, 1L << 18), "f5: sign and exponent"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void invalidContextsAreRefusedWithAReason(Bad bad) {
        try (Machine m = new Machine(VcpuBehaviourTest.HYPERCALLS)) {
            ByteBuffer b = valid();
            bad.edit().accept(b);
            long pc = m.vcpu.pc(), sp = m.get("r12");
            String why = layout().load(b.array(), m.vcpu);
            assertNotNull(why, bad.name() + ": accepted");
            assertTrue(why.contains(bad.reason()), bad.name() + ": expected a reason containing \"" + bad.reason() + "\", got \"" + why + "\"");
            assertEquals(pc, m.vcpu.pc(), bad.name() + ": a refused context leaves the vCPU as it was");
            assertEquals(sp, m.get("r12"), bad.name() + ": r12 untouched");
        }
    }

    @Test
    void aContextOfTheWrongSizeIsRefused() {
        try (Machine m = new Machine(VcpuBehaviourTest.HYPERCALLS)) {
            assertEquals("context is 8 bytes, not 1088", layout().load(new byte[8], m.vcpu));
        }
    }
}
