package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * An HVM guest's VMCALL: a hypercall at CPL 0; above CPL 0 Xen refuses it with -EPERM in eAX and the guest goes on
 * (no fault, no exit). The vCPU is put in protected mode (CR0.PE) with a CS selector of the wanted RPL.
 */
public class HvmVmcallTest {

    @ParameterizedTest(name = "CPL {0}")
    @CsvSource({"0", "1", "2", "3"})
    void vmcallByPrivilege(int cpl) {
        check(new X86IsaProvider(), cpl);
    }

    /** Also run by the x86_64 module's tests with its provider. */
    public static void check(IsaProvider isa, int cpl) {
        String isaId = isa.id();
        String ax = isa.wordBits() == 64 ? "rax" : "eax", ip = isa.wordBits() == 64 ? "rip" : "eip";
        try (Machine m = Machine.realMode(isa, 0, 0x1000, "0f01c1 90")) {
            m.set("cr0=0x11");
            m.set("cs=0x" + Integer.toHexString(0x18 | cpl) + " " + ax + "=0x11");
            if (cpl == 0) {
                assertSame(VcpuExit.HYPERCALL, m.cpu.run(10), isaId + ": vmcall at CPL 0");
                m.expect("vmcall at CPL 0", ip + "=0x1003 " + ax + "=0x11");
            } else {
                assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(2), isaId + ": vmcall at CPL " + cpl + " goes on");
                m.expect("vmcall at CPL " + cpl, ip + "=0x1004 " + ax + "=0xffffffff");
            }
        }
    }
}
