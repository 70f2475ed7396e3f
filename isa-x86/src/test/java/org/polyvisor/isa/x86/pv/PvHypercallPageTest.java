package org.polyvisor.isa.x86.pv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.X86IsaProvider;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.XenElfNotes;

/** The x86_32 PV hypercall page Xen writes where XEN_ELFNOTE_HYPERCALL_PAGE says, and a call through it. */
class PvHypercallPageTest {
    private static final X86IsaProvider ISA = new X86IsaProvider();

    static XenElfNotes notes(long... typeValue) {
        java.util.HashMap<Integer, byte[]> m = new java.util.HashMap<>();
        for (int i = 0; i < typeValue.length; i += 2) {
            byte[] d = new byte[4];
            for (int b = 0; b < 4; b++) d[b] = (byte) (typeValue[i + 1] >>> (8 * b));
            m.put((int) typeValue[i], d);
        }
        return new XenElfNotes(Map.copyOf(m), ByteOrder.LITTLE_ENDIAN);
    }

    @ParameterizedTest(name = "stub {0}: {1}")
    @CsvSource({"0, b800000000cd82c3cc", "17, b811000000cd82c3cc", "23, 50b817000000cd82cc", "127, b87f000000cd82c3cc"})
    void stubsAreXens(int nr, String hex) {
        byte[] p = PvHypercallPage.page(false);
        byte[] want = HexFormat.of().parseHex(hex);
        byte[] got = java.util.Arrays.copyOfRange(p, nr * 32, nr * 32 + want.length);
        assertEquals(hex, HexFormat.of().formatHex(got), "stub " + nr);
        assertEquals((byte) 0xCC, p[nr * 32 + 31], "stub " + nr + ": int3 fill");
    }

    /** Xen's builder: virtual va is pseudo-physical va - VIRT_BASE; PADDR_OFFSET (where p_paddr sits) plays no part. */
    @ParameterizedTest(name = "note 0x{0}, VIRT_BASE 0x{1}, PADDR_OFFSET 0x{2}: page at {3}")
    @CsvSource({"3000, 0, 0, 3000", "c0003000, c0000000, 0, 3000", "c0003000, c0000000, c0000000, 3000",
                "3800, 0, 0, -1", "200000, 0, 0, -1", "1000, c0000000, 0, -1"})
    void thePageGoesWhereTheNotesSay(String note, String virtBase, String paddrOffset, String expected) {
        try (FlatGuestMemory m = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 1 << 20)) {
            long at = PvHypercallPage.install(m, notes(XenElfNotes.HYPERCALL_PAGE, Long.parseLong(note, 16),
                    XenElfNotes.VIRT_BASE, Long.parseLong(virtBase, 16), XenElfNotes.PADDR_OFFSET, Long.parseLong(paddrOffset, 16)), false);
            assertEquals(expected.equals("-1") ? -1 : Long.parseLong(expected, 16), at, "page address");
        }
    }

    @Test
    void aKernelCallsThroughThePage() {
        try (FlatGuestMemory m = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 1 << 20)) {
            // mov $0x9000, %esp; call 0x3220 (the xen_version stub: rel32 0x3220 - 0x100a = 0x2216); hlt
            m.load(0x1000, HexFormat.of().parseHex("bc00900000" + "e816220000" + "f4"));
            Vcpu v = ISA.createVcpu(new VcpuConfig(m, 0, GuestType.PV, () -> 0));
            ISA.bootProtocol().boot(v, new BootInfo(GuestType.PV, 0x1000, 0x8000, 0, 1 << 20, 0,
                    notes(XenElfNotes.HYPERCALL_PAGE, 0x3000), new byte[0]));
            assertEquals(VcpuExit.HYPERCALL, v.run(10), "int $0x82 in the xen_version stub");
            assertEquals(17, v.register(0), "eax = the stub's hypercall number");
            v.setRegister(0, 0x40013);
            assertInstanceOf(VcpuExit.Halt.class, v.run(10), "ret from the stub, then hlt");
            assertEquals(0x100b, v.pc(), "back after the call");
        }
    }
}
