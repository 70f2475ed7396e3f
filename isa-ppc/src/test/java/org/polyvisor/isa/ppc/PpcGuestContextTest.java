package org.polyvisor.isa.ppc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyvisor.isa.ppc.Asm.SPIN;
import static org.polyvisor.isa.ppc.Asm.SPRG0;
import static org.polyvisor.isa.ppc.Asm.addi;
import static org.polyvisor.isa.ppc.Asm.mfspr;
import static org.polyvisor.isa.ppc.pv.PpcGuestContext.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestContext;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

/**
 * The 32-bit ppc vcpu_guest_context (images/README.md, PpcGuestContext): every field lands in its register, store
 * gives the same bytes back, a secondary starts from it, and contexts no 32-bit PowerPC could run are refused with
 * their reason.
 */
class PpcGuestContextTest {
    private static final long CODE = 0x3000;
    private final PpcIsaProvider isa = new PpcIsaProvider();
    private final GuestContext layout = isa.guestContext().orElseThrow();
    private final FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, 1024 * 1024);

    private Vcpu offline() { return isa.createVcpu(new VcpuConfig(mem, 1, GuestType.PV, () -> 0)); }

    /** A context in which every field has a distinct value a 750/7400 accepts. */
    private static ByteBuffer full() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.BIG_ENDIAN);
        for (int n = 0; n < 32; n++) b.putInt(GPRS + 4 * n, 0x1000_0000 + n);
        b.putInt(LR, 0x2000_0004).putInt(CTR, 0x2000_0008).putInt(SRR0, 0x2000_000c).putInt(SRR1, 0x0000_9032);
        b.putInt(PC, (int) CODE).putInt(MSR, 0x0000_3032).putInt(FPSCR, 0x0000_00f3).putInt(XER, 0xe000_0011);
        b.putInt(HID0, 0x8000_0000).putInt(DAR, 0x2000_0010).putInt(DSISR, 0x4200_0000).putInt(CR, 0x1234_5678);
        b.putInt(SDR1, 0x0010_0001);
        for (int n = 0; n < 16; n++) b.putInt(SR + 4 * n, 0x2000_0000 | n * 0x111);
        b.putInt(IBAT, 0x0000_1ffe).putInt(IBAT + 4, 0x0000_0012);     // 256 MiB at 0, supervisor only, read/write
        b.putInt(DBAT + 8, 0x8000_0003).putInt(DBAT + 12, 0x8000_002a); // 128 KiB at 0x80000000, Vs Vp, G, PP 10
        for (int n = 0; n < 4; n++) b.putInt(SPRG + 4 * n, 0x5000_0000 + n);
        for (int n = 0; n < 32; n++) b.putLong(FPRS + 8 * n, Double.doubleToRawLongBits(n + 0.5));
        return b;
    }

    @Test
    void everyFieldLandsInItsRegisterAndStoreGivesTheSameBytes() {
        Vcpu v = offline();
        byte[] ctx = full().array();
        assertNull(layout.load(ctx, v), "ppc context: accepted");
        Map<String, Long> r = v.save().registers();
        for (int n = 0; n < 32; n++) assertEquals(0x1000_0000L + n, r.get("r" + n), "ppc context: r" + n);
        Map<String, Long> expected = Map.ofEntries(Map.entry("lr", 0x2000_0004L), Map.entry("ctr", 0x2000_0008L),
                Map.entry("srr0", 0x2000_000cL), Map.entry("srr1", 0x9032L), Map.entry("pc", CODE), Map.entry("msr", 0x3032L),
                Map.entry("fpscr", 0xf3L), Map.entry("xer", 0xe000_0011L), Map.entry("hid0", 0x8000_0000L),
                Map.entry("dar", 0x2000_0010L), Map.entry("dsisr", 0x4200_0000L), Map.entry("cr", 0x1234_5678L),
                Map.entry("sdr1", 0x0010_0001L), Map.entry("sr5", 0x2000_0555L), Map.entry("ibat0u", 0x1ffeL),
                Map.entry("ibat0l", 0x12L), Map.entry("dbat1u", 0x8000_0003L), Map.entry("dbat1l", 0x8000_002aL),
                Map.entry("sprg3", 0x5000_0003L), Map.entry("f7", Double.doubleToRawLongBits(7.5)));
        expected.forEach((name, value) -> assertEquals(value, r.get(name), "ppc context: " + name));
        byte[] back = layout.store(v);
        // the decrementer was left disarmed (0): it reads back as it counts, everything else is the same bytes
        ByteBuffer.wrap(back).putInt(DEC, 0);
        assertArrayEquals(ctx, back, "ppc context: store gives load's bytes");
    }

    @Test
    void aSecondaryStartsFromTheContext() {
        mem.write(CODE, 4, addi(3, 3, 1));
        mem.write(CODE + 4, 4, mfspr(4, SPRG0 + 2));
        mem.write(CODE + 8, 4, SPIN);
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.BIG_ENDIAN);
        b.putInt(PC, (int) CODE).putInt(GPRS + 12, 7).putInt(SPRG + 8, 0xcafe);
        Vcpu v = offline();
        assertNull(layout.load(b.array(), v));
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(3));
        assertEquals(8, v.register(3), "ppc secondary: r3 from the context, plus one");
        assertEquals(0xcafe, v.register(4), "ppc secondary: SPRG2 from the context");
        assertEquals(CODE + 8, v.pc(), "ppc secondary: spinning at its third instruction");
    }

    @Test
    void aContextWithTheDecrementerArmsIt() {
        mem.write(0x900, 4, SPIN);
        mem.write(CODE, 4, SPIN);
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.BIG_ENDIAN);
        b.putInt(PC, (int) CODE).putInt(MSR, 0x9000).putInt(DEC, -1);
        Vcpu v = offline();
        assertNull(layout.load(b.array(), v));
        v.run(1);
        assertEquals(0x900, v.pc(), "ppc context: DEC = -1 signals the decrementer at once, taken with EE = 1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case, field offset, value, words of the reason
            "reserved MSR bit 0x80000000,     148, 0x80000000, reserved MSR bits 0x80000000",
            "reserved MSR bit 0x00000004,     148, 0x00000004, reserved MSR bits 0x00000004",
            "MSR[LE],                         148, 0x00000001, big-endian only",
            "MSR[ILE],                        148, 0x00010000, big-endian only",
            "MSR[POW],                        148, 0x00040000, power management",
            "reserved XER bits,               156, 0x00001000, reserved XER bits",
            "reserved FPSCR bit 20,           152, 0x00000800, reserved FPSCR bit 20",
            "reserved SDR1 bits,              176, 0x00000200, reserved SDR1 bits",
            "HTABMASK with a hole,            176, 0x00000005, HTABMASK",
            "HTABORG not aligned to the size, 176, 0x00010003, HTABORG",
            "IBAT BL with a hole,             244, 0x00000016, IBAT0U",
            "DBAT BL with a hole,             300, 0x0000002a, DBAT3U",
            "pc not word aligned,             144, 0x00003002, not word aligned",
    })
    void contextsThatCannotBeValidAreRefused(String what, int offset, long value, String reason) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.BIG_ENDIAN);
        b.putInt(PC, (int) CODE).putInt(offset, (int) value);
        String refused = layout.load(b.array(), offline());
        assertNotNull(refused, "ppc context, " + what + ": refused");
        assertTrue(refused.contains(reason), "ppc context, " + what + ": expected a reason with '" + reason + "', got: " + refused);
    }

    /** Problem state with IR = 1: the entry's mapping decides. A PTE for page 0x00010000 with VSID 0x10 in PTEG 0. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case, IBAT0U, IBAT0L, SR0, PTE PP, reason (empty: accepted)
            "supervisor-only IBAT block and no PTE,       0x00001ffe, 0x00000002, 0x00000077, 2, supervisor-only IBAT block",
            "supervisor-only IBAT block and a PTE,    0x00001ffe, 0x00000002, 0x00000010, 2, ''",
            "IBAT block valid in problem state,        0x00001fff, 0x00000002, 0x00000010, 2, ''",
            "IBAT block with PP 00,                    0x00001fff, 0x00000000, 0x00000010, 2, PP = 00",
            "page PP 00 under Kp = 1,                  0x00000000, 0x00000000, 0x20000010, 0, problem state may not fetch",
            "page PP 00 under Kp = 0,                  0x00000000, 0x00000000, 0x00000010, 0, ''",
            "no translation: left to the ISI handler,  0x00000000, 0x00000000, 0x00000077, 2, ''",
    })
    void problemStateNeedsAnEntryProblemStateMayFetch(String what, long ibatU, long ibatL, long sr0, int pp, String reason) {
        long pc = 0x0001_0000L;
        int vsid = 0x10;
        // primary hash = VSID ^ page index (0x10 ^ 0x10 = 0): PTEG 0 of a 64 KiB table at 0x80000 (SDR1 HTABMASK 0)
        mem.write(0x80000, 4, 0x8000_0000L | (long) vsid << 7);
        mem.write(0x80004, 4, 0x0001_0000L | pp);
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.BIG_ENDIAN);
        b.putInt(PC, (int) pc).putInt(MSR, 0x4030).putInt(SDR1, 0x0008_0000).putInt(SR, (int) sr0);
        b.putInt(IBAT, (int) ibatU).putInt(IBAT + 4, (int) ibatL);
        String refused = layout.load(b.array(), offline());
        if (reason.isEmpty()) {
            assertNull(refused, "ppc context, " + what + ": accepted");
            assertEquals(0x0001_0000L | pp, mem.read(0x80004, 4), "ppc context, " + what + ": the check set no R bit");
        } else {
            assertNotNull(refused, "ppc context, " + what + ": refused");
            assertTrue(refused.contains(reason), "ppc context, " + what + ": expected '" + reason + "', got: " + refused);
        }
    }

    @Test
    void aShortContextIsRefused() {
        String refused = layout.load(new byte[SIZE - 1], offline());
        assertEquals("context of 583 bytes, 584 expected", refused);
    }
}
