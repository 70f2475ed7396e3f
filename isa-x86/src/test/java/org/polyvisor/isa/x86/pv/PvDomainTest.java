package org.polyvisor.isa.x86.pv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.X86IsaProvider;
import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

/**
 * What the PV hypercalls share across a domain: page types seen by every vCPU of the domain (and by no other domain),
 * remote TLB flushes, and a trap table that comes with a loaded vcpu_guest_context. An HVM vCPU has none of them.
 */
class PvDomainTest {
    private static final X86IsaProvider ISA = new X86IsaProvider();

    private static Vcpu vcpu(FlatGuestMemory memory, int id, GuestType type) {
        Vcpu v = ISA.createVcpu(new VcpuConfig(memory, id, type, () -> 0));
        ISA.bootProtocol().boot(v, new BootInfo(GuestType.PV, 0x1000, 0x8000, 0, 1 << 20, id));
        return v;
    }

    private static long ext(Vcpu v, FlatGuestMemory m, int cmd, long arg1) {
        m.write(0x30000, 4, cmd);
        m.write(0x30004, 4, arg1);
        return v.archHypercall(26, new long[] {0x30000, 1, 0, 0x7FF0});
    }

    @Test
    void pageTypesAreTheDomains() {
        try (FlatGuestMemory a = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 1 << 20);
             FlatGuestMemory b = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 1 << 20)) {
            Vcpu a0 = vcpu(a, 0, GuestType.PV), a1 = vcpu(a, 1, GuestType.PV), b0 = vcpu(b, 0, GuestType.PV);
            assertEquals(0, ext(a0, a, 0, 0x40), "vCPU 0 pins frame 0x40 as an L1");
            assertEquals(-22, ext(a1, a, 0, 0x40), "vCPU 1 of the same domain finds it pinned");
            assertEquals(0, ext(a1, a, 4, 0x40), "and may unpin it");
            assertEquals(0, ext(b0, b, 0, 0x40), "another domain's frame 0x40 is its own");
        }
    }

    @Test
    void tlbFlushAllReachesTheOtherVcpus() {
        try (FlatGuestMemory m = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 1 << 20)) {
            Vcpu v0 = vcpu(m, 0, GuestType.PV), v1 = vcpu(m, 1, GuestType.PV), v2 = vcpu(m, 2, GuestType.PV);
            assertEquals(0, ext(v0, m, 10, 0), "TLB_FLUSH_ALL on vCPU 0");
            assertTrue(((X86Vcpu) v1).pv().takeFlushRequest(), "vCPU 1 is asked to flush");
            assertTrue(((X86Vcpu) v2).pv().takeFlushRequest(), "vCPU 2 is asked to flush");
            assertTrue(!((X86Vcpu) v0).pv().takeFlushRequest(), "vCPU 0 flushed itself");
            assertTrue(!((X86Vcpu) v1).pv().takeFlushRequest(), "a request is taken once");
            m.write(0x31000, 4, 0b100);
            m.write(0x30000, 4, 8);           // TLB_FLUSH_MULTI, vcpumask at 0x31000
            m.write(0x30008, 4, 0x31000);
            assertEquals(0, v0.archHypercall(26, new long[] {0x30000, 1, 0, 0x7FF0}), "TLB_FLUSH_MULTI of vCPU 2");
            assertTrue(!((X86Vcpu) v1).pv().takeFlushRequest(), "vCPU 1 is not in the mask");
            assertTrue(((X86Vcpu) v2).pv().takeFlushRequest(), "vCPU 2 is");
        }
    }

    @Test
    void hvmVcpusHaveNoPvHypercalls() {
        try (FlatGuestMemory m = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 1 << 20)) {
            Vcpu v = ISA.createVcpu(new VcpuConfig(m, 0, GuestType.HVM, () -> 0));
            for (int op : new int[] {0, 1, 2, 14, 26, 33}) assertEquals(Vcpu.NOT_ARCH, v.archHypercall(op, new long[5]), "op " + op);
        }
    }

    @Test
    void aLoadedContextBringsItsTrapTable() {
        try (Machine m = new Machine(ISA, "0f0b")) {
            m.load(0x2000, "f4");
            byte[] c = GuestContext32Test.base();
            GuestContext32Test.put(c, 516 + 32, 4, 0x1000);                     // eip: the ud2
            GuestContext32Test.put(c, 516 + 44, 4, 0x9000);                     // esp
            GuestContext32Test.put(c, 584 + 6 * 8, 4, 6 | 0x08 << 16);          // trap_ctxt[6] = {6, 0, 0x08, 0x2000}
            GuestContext32Test.put(c, 584 + 6 * 8 + 4, 4, 0x2000);
            assertNull(ISA.guestContext().orElseThrow().load(c, m.cpu), "context accepted");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10), "the context's #UD handler ran");
            assertEquals(0x1000, m.memory.read(0x9000 - 12, 4), "the bounce frame's eip");
        }
    }
}
