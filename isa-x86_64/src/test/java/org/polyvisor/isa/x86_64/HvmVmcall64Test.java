package org.polyvisor.isa.x86_64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.HvmVmcallTest;

/** The x86_64 vCPU's HVM VMCALL by privilege: a hypercall at CPL 0, -EPERM in eAX above (as {@link HvmVmcallTest}). */
class HvmVmcall64Test {
    @ParameterizedTest(name = "CPL {0}")
    @CsvSource({"0", "1", "3"})
    void vmcallByPrivilege(int cpl) { HvmVmcallTest.check(new X86_64IsaProvider(), cpl); }
}
