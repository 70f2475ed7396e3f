package org.polyvisor.isa.x86.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.VcpuExit;

/** Xen's HVM CPUID leaves and hypercall-page MSR, through CPUID and WRMSR executed by a vCPU on the board. */
class XenHvmInterfaceTest {

    private static long reg(PcRig rig, int r) { return rig.cpus[0].state().r[r]; }

    @ParameterizedTest(name = "CPUID 0x{0}: eax 0x{1} ebx 0x{2} ecx 0x{3} edx 0x{4}")
    @CsvSource({"40000000, 40000005, 566e6558, 65584d4d, 4d4d566e", "40000001, 40013, 0, 0, 0", "40000002, 1, 40000000, 0, 0",
            "40000003, 0, 0, 0, 0", "40000004, 8, 0, 0, 0", "40000005, 0, 0, 0, 0", "400000ff, 0, 0, 0, 0"})
    void hypervisorLeaves(String leaf, String a, String b, String c, String d) {
        try (PcRig rig = BootTest.kernelWithCode("0fa2f4")) {  // cpuid; hlt
            rig.cpus[0].state().r[CpuState.RAX] = Long.parseLong(leaf, 16);
            assertInstanceOf(VcpuExit.Halt.class, rig.run(0, 10));
            long[] expect = {Long.parseLong(a, 16), Long.parseLong(b, 16), Long.parseLong(c, 16), Long.parseLong(d, 16)};
            int[] regs = {CpuState.RAX, CpuState.RBX, CpuState.RCX, CpuState.RDX};
            String[] names = {"eax", "ebx", "ecx", "edx"};
            for (int i = 0; i < 4; i++) assertEquals(expect[i], reg(rig, regs[i]), "leaf 0x" + leaf + " " + names[i]);
        }
    }

    /** The stub of hypercall {@code nr} in a page filled at 0x200000. */
    @ParameterizedTest(name = "stub {0}: {1}")
    @CsvSource({"0, b8000000000f01c1c3cccccc", "17, b8110000000f01c1c3cccccc", "23, 0f0bcccccccccccccccccccc",
            "38, b8260000000f01c1c3cccccc", "127, b87f0000000f01c1c3cccccc"})
    void hypercallPage(int nr, String bytes) {
        try (PcRig rig = BootTest.kernelWithCode("0f30f4")) {  // wrmsr; hlt
            CpuState s = rig.cpus[0].state();
            s.r[CpuState.RCX] = XenHvmInterface.HYPERCALL_MSR;
            s.r[CpuState.RAX] = 0x200000;
            s.r[CpuState.RDX] = 0;
            assertInstanceOf(VcpuExit.Halt.class, rig.run(0, 10));
            byte[] b = new byte[12];
            rig.memory.readBytes(0x200000 + nr * 32L, b, 0, b.length);
            assertEquals(bytes, HexFormat.of().formatHex(b), "stub " + nr);
        }
    }

    @ParameterizedTest(name = "WRMSR 0x40000000 with 0x{0}: #GP")
    @CsvSource({"200001, page index 1", "fec00000, not RAM", "7ffff000, beyond RAM"})
    void badHypercallPageIsAGeneralProtectionFault(String value, String why) {
        try (PcRig rig = BootTest.kernelWithCode("0f30f4")) {
            CpuState s = rig.cpus[0].state();
            s.r[CpuState.RCX] = XenHvmInterface.HYPERCALL_MSR;
            s.r[CpuState.RAX] = Long.parseLong(value, 16);
            var exit = rig.run(0, 10);
            assertInstanceOf(VcpuExit.Fault.class, exit, why + ": no IDT, so the #GP ends the vCPU: " + exit);
        }
    }
}
