package org.polyvisor.isa.ia64;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vcpu.raiseEventUpcall on ia64: the upcall is external interrupt vector 0xe9, taken through the IVT's External
 * Interrupt vector (offset 0x3000) when PSR.i = 1 and the guest has written cr.iva; until then it stays pending
 * (and is a wake event). The code at 0x1000 writes cr.iva = 0x8000, then loops at 0x1020 counting in r20; the
 * handler at 0xb000 reads cr.ivr into r16, counts in r21, writes cr.eoi and returns with rfi.
 */
class EventUpcallTest {
    /** [MLX] movl r9=0x8000; [MMI] mov cr.iva=r9;; srlz.i;; [MIB] loop: adds r20=1,r20; br loop;; */
    static final String CODE = "050000000100000000000020010000640b0024042c040000006200000000040011000000010040095000420000000040";
    /** [MMI] mov r16=cr.ivr;; adds r21=1,r21;; [MMI] mov cr.eoi=r0;; srlz.d;; [MIB] rfi;; */
    static final String HANDLER = "0b80008224040000000200a012a800840b0000862c040000006000000000040011000000010000000002000000002000";
    static final long LOOP = 0x1020, HANDLER_AT = 0xb000;
    static final long IC = 1L << 13, I = 1L << 14;

    /**
     * @param installIvt start at 0x1000 (writes cr.iva) rather than at the loop
     * @param psr        PSR before the run
     * @param tpr        cr.tpr before the run (mmi bit 16, mic bits 4-7)
     * @param raises     raiseEventUpcall calls before the run (from another thread when {@code fromThread})
     * @param delivered  upcalls the handler counts
     */
    record Case(String name, boolean installIvt, long psr, long tpr, int raises, boolean fromThread, int delivered) {
        @Override public String toString() { return name; }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("delivered with PSR.i = 1 and an IVT", true, IC | I, 0, 1, false, 1),
                new Case("raised twice before delivery: one upcall", true, IC | I, 0, 2, false, 1),
                new Case("raised from another thread", true, IC | I, 0, 1, true, 1),
                new Case("cr.tpr.mic 13 lets class 14 through", true, IC | I, 13 << 4, 1, false, 1),
                new Case("PSR.i = 0: kept pending", true, IC, 0, 1, false, 0),
                new Case("no IVT installed: kept pending", false, IC | I, 0, 1, false, 0),
                new Case("cr.tpr.mmi masks it: kept pending", true, IC | I, 1 << 16, 1, false, 0),
                new Case("cr.tpr.mic 14 masks class 14: kept pending", true, IC | I, 14 << 4, 1, false, 0),
                new Case("nothing raised: no upcall", true, IC | I, 0, 0, false, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void upcallThroughTheExternalInterruptVector(Case c) throws InterruptedException {
        try (Machine m = new Machine(CODE)) {
            m.load(HANDLER_AT, HANDLER);
            if (!c.installIvt()) m.vcpu.setPc(LOOP);
            m.set("psr", c.psr());
            m.set("cr.tpr", c.tpr());
            for (int i = 0; i < c.raises(); i++) {
                if (c.fromThread()) {
                    Thread t = new Thread(m.vcpu::raiseEventUpcall);
                    t.start();
                    t.join();
                } else {
                    m.vcpu.raiseEventUpcall();
                }
            }
            m.vcpu.run(200);
            assertEquals(c.delivered(), m.get("r21"), c.name() + ": upcalls the handler counted");
            if (c.delivered() > 0) {
                assertEquals(0xe9, m.get("r16"), c.name() + ": cr.ivr");
                assertEquals(LOOP, m.vcpu.pc(), c.name() + ": rfi returned to the loop");
                assertEquals(I, m.get("psr") & I, c.name() + ": rfi restored PSR.i");
            }
            assertEquals(c.raises() > 0 && c.delivered() == 0, m.vcpu.hasWakeEvent(), c.name() + ": still pending");
        }
    }

    /** The cases whose upcall stays pending. */
    static Stream<Case> pendingCases() {
        return cases().filter(c -> c.raises() > 0 && c.delivered() == 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pendingCases")
    void aPendingUpcallIsTakenOnceTheGuestCanTakeIt(Case c) {
        try (Machine m = new Machine(CODE)) {
            m.load(HANDLER_AT, HANDLER);
            if (!c.installIvt()) m.vcpu.setPc(LOOP);
            m.set("psr", c.psr());
            m.set("cr.tpr", c.tpr());
            m.vcpu.raiseEventUpcall();
            m.vcpu.run(200);
            assertEquals(0, m.get("r21"), c.name() + ": not before");
            m.vcpu.setPc(0x1000);           // (again) through the code that writes cr.iva
            m.set("psr", IC | I);
            m.set("cr.tpr", 0);
            m.vcpu.run(200);
            assertEquals(1, m.get("r21"), c.name() + ": taken once PSR.i = 1, cr.tpr = 0 and cr.iva is written");
            assertEquals(0xe9, m.get("r16"), c.name() + ": cr.ivr");
        }
    }

    /**
     * Xen's upcall is a level (Vcpu.setEventUpcallLevel: upcall_pending set and unmasked): a raise whose level went
     * low before the guest could take it is withdrawn, neither delivered nor a wake event; one whose level holds is
     * delivered as before.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "the level holds: delivered|true|true|1|false",
        "the level went low while PSR.i = 1: not delivered|true|false|0|false",
        "the level went low while PSR.i = 0: not delivered once PSR.i = 1|false|false|0|false",
        "the level held while PSR.i = 0: delivered once PSR.i = 1|false|true|1|false"})
    void aStaleUpcallIsNotTaken(String name, boolean enabled, boolean levelAtDelivery, int delivered, boolean wake) {
        try (Machine m = new Machine(CODE)) {
            m.load(HANDLER_AT, HANDLER);
            java.util.concurrent.atomic.AtomicBoolean level = new java.util.concurrent.atomic.AtomicBoolean(true);
            m.vcpu.setEventUpcallLevel(level::get);
            m.set("psr", enabled ? IC | I : IC);
            m.vcpu.raiseEventUpcall();
            if (!enabled) {
                m.vcpu.run(200);
                assertEquals(0, m.get("r21"), name + ": not with PSR.i = 0");
                m.vcpu.setPc(0x1000);
                m.set("psr", IC | I);
            }
            level.set(levelAtDelivery);
            assertEquals(levelAtDelivery, m.vcpu.hasWakeEvent(), name + ": a wake event only while the level holds");
            m.vcpu.run(200);
            assertEquals(delivered, m.get("r21"), name + ": upcalls the handler counted");
            assertEquals(wake, m.vcpu.hasWakeEvent(), name + ": still pending afterwards");
        }
    }
}
