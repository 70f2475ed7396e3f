package org.polyvisor.isa.ppc;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyvisor.isa.ppc.PpcRegisters.*;

/**
 * The AltiVec unit's storage forms and machine state through the {@link Vcpu}: lvx/stvx align EA down to 16, the
 * element forms move one element to or from its slot, MSR[VEC] = 0 raises the vector unavailable interrupt (0xF20),
 * VRSAVE is a user SPR, and save/restore carries the VRs, VSCR, VRSAVE, FPRs and FPSCR.
 */
class PpcVectorUnitTest {
    private static final long CODE = 0x1000, DATA = 0x8000, MSR_VEC = 0x0200_0000L;
    private final FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, 64 * 1024);

    private Vcpu vcpu(long msr, int... code) {
        for (int k = 0; k < code.length; k++) mem.write(CODE + 4L * k, 4, code[k] & 0xffff_ffffL);
        for (int k = 0; k < 16; k++) mem.write(DATA + 4L * k, 4, 0x0001_0203L + 0x0404_0404L * k);
        Vcpu v = new PpcIsaProvider().createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> 0));
        v.setPc(CODE);
        v.setRegister(MSR, msr);
        v.setRegister(4, DATA);
        return v;
    }

    @Test
    void lvxAlignsDownAndStvxStoresTheQuadword() {
        // li r5,0x1d; lvx v1,r4,r5 (EA 0x801d -> 0x8010); li r5,0x40; stvx v1,r4,r5
        Vcpu v = vcpu(MSR_VEC, 0x38a0001d, 0x7c2428ce, 0x38a00040, 0x7c2429ce);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(4));
        for (int k = 0; k < 4; k++) {
            assertEquals(Long.toHexString(mem.read(DATA + 16 + 4L * k, 4)), Long.toHexString(mem.read(DATA + 0x40 + 4L * k, 4)),
                    "ppc lvx/stvx word " + k);
        }
    }

    @Test
    void elementLoadsAndStoresUseTheirSlot() {
        // li r5,6; lvehx v2,r4,r5 (halfword at 0x8006 into element 3); li r5,0x47; stvebx v2,r4,r5 (element 7)
        // li r5,0x46; stvehx v2,r4,r5 (element 3 at 0x8046)
        Vcpu v = vcpu(MSR_VEC, 0x38a00006, 0x7c44284e, 0x38a00047, 0x7c44290e, 0x38a00046, 0x7c44294e);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(6));
        assertEquals(0x0607L, mem.read(DATA + 0x46, 2), "ppc lvehx/stvehx: the halfword round trip");
        assertEquals(0x07L, mem.read(DATA + 0x47, 1), "ppc stvebx: byte 7 of v2 (the halfword's low byte)");
    }

    @Test
    void vectorUnavailableIsDeliveredAt0xF20() {
        mem.write(0xf20, 4, 0x48000000L);
        Vcpu v = vcpu(0x1000, 0x10000484);   // vor v0,v0,v0 with MSR[VEC] = 0
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(1));
        assertEquals(0xf20, v.pc(), "ppc vector unavailable: pc");
        assertEquals(CODE, v.register(SRR0), "ppc vector unavailable: SRR0");
        assertEquals(0x1000, v.register(SRR1), "ppc vector unavailable: SRR1");
    }

    @Test
    void vectorUnavailableWithoutHandlerCrashes() {
        VcpuExit exit = vcpu(0, 0x7c2428ce).run(1);
        VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, exit, "ppc lvx with MSR[VEC] = 0");
        assertTrue(f.reason().contains("MSR[VEC] = 0"), "ppc: " + f.reason());
    }

    @Test
    void vrsaveIsAUserSprAndStateRoundTrips() {
        // li r3,-1; mtvrsave r3; mfvrsave r6; vspltisw v9,-7; vcmpequw. v10,v9,v9 (CR6 = all true); lfd f3,0(r4)
        Vcpu v = vcpu(MSR_VEC | 0x4000 | 0x2000, 0x3860ffff, 0x7c6043a6, 0x7cc042a6, 0x1139038c, 0x11494c86, 0xc8640000);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(6));
        assertEquals(0xffff_ffffL, v.register(6), "ppc mfvrsave in problem state");
        assertEquals(0x80L, v.register(CR) & 0xf0, "ppc vcmpequw.: CR6 all true");
        VcpuState s = v.save();
        assertEquals(0xffff_fff9_ffff_fff9L, s.registers().get("vr9_hi"), "ppc saved v9");
        assertEquals(0x0001_0203_0405_0607L, s.registers().get("f3"), "ppc saved f3");
        Vcpu w = vcpu(0);
        w.restore(s);
        assertEquals(s.registers(), w.save().registers(), "ppc state round trip");
    }
}
