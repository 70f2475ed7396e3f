package org.polyvisor.isa.arm64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.HypercallAbi;
import org.polyvisor.spi.IsaProvider;

class Arm64IsaProviderTest {

    @Test
    void foundByServiceLoader() {
        assertTrue(ServiceLoader.load(IsaProvider.class).stream().anyMatch(p -> p.get().id().equals("arm64")));
    }

    @Test
    void describesAArch64() {
        IsaProvider p = new Arm64IsaProvider();
        assertEquals(64, p.wordBits());
        assertEquals(ByteOrder.LITTLE_ENDIAN, p.byteOrder());
        assertEquals(183, p.elfMachine());
        assertEquals(2, p.elfClass());
        assertEquals(0x40000000L, p.ramBase(GuestType.PV));
        assertEquals(0x40000000L, p.ramBase(GuestType.HVM));
        assertEquals(4096, p.pageSize());
    }

    @Test
    void hypercallAbiIsXensArm64One() {
        HypercallAbi abi = new Arm64IsaProvider().hypercallAbi();
        var regs = Arm64Registers.SET;
        assertEquals("x16", regs.all().get(abi.opRegister()).name());
        assertEquals(List.of("x0", "x1", "x2", "x3", "x4"), abi.argumentRegisters().stream().map(r -> regs.all().get(r).name()).toList());
        assertEquals("x0", regs.all().get(abi.resultRegister()).name());
    }

    @Test
    void registerSetIsNumberedInOrder() {
        var all = Arm64Registers.SET.all();
        for (int k = 0; k < all.size(); k++) assertEquals(k, all.get(k).number(), all.get(k).name());
        assertEquals("pc", Arm64Registers.SET.pc().name());
        assertEquals(Arm64Registers.SP, Arm64Registers.SET.byName("SP").orElseThrow().number());
    }
}
