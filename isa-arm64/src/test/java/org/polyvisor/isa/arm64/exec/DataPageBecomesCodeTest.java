package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.arm64.TestMachine.CODE;
import static org.polyvisor.isa.arm64.TestMachine.DATA;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.VcpuExit;

/**
 * A page the guest wrote as data (so the block runner's {@link RunnerTlb} holds it for writes) that it then runs as
 * code loses that write entry: the next store into it goes through the executor, which drops the decoded block, and
 * the next call runs the new instruction. The stores are repeated so that the first fills the soft TLB and the later
 * ones are the runner's inline stores; the budget splits the run anywhere.
 */
class DataPageBecomesCodeTest {
    /** Encodings from aarch64-linux-gnu-as. */
    private static final int STR_W3_X1 = 0xb9000023, STR_W4_X1 = 0xb9000024, BLR_X1 = 0xd63f0020,
            MOV_X5_1 = 0xd2800025, MOV_X5_2 = 0xd2800045, RET = 0xd65f03c0, HVC_XEN = 0xd401d422;

    /**
     * str w3, [x1] (three times: MOV x5, #1 into the data page); blr x1; str w4, [x1] (three times: MOV x5, #2);
     * blr x1; hvc. The data page holds a RET after the instruction written.
     */
    private static final int[] PROGRAM = {STR_W3_X1, STR_W3_X1, STR_W3_X1, BLR_X1, STR_W4_X1, STR_W4_X1, STR_W4_X1,
            BLR_X1, HVC_XEN};

    @ParameterizedTest(name = "first budget {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1000})
    void secondCallRunsTheRewrittenInstruction(int budget) {
        long callee = DATA + 0x100;
        try (TestMachine m = new TestMachine().code(CODE, PROGRAM).code(callee + 4, RET)) {
            m.vcpu.setRegister(1, callee);
            m.vcpu.setRegister(3, MOV_X5_1 & 0xFFFF_FFFFL);
            m.vcpu.setRegister(4, MOV_X5_2 & 0xFFFF_FFFFL);
            String name = "arm64 data page turned code, first budget " + budget;
            VcpuExit exit = m.vcpu.run(budget);
            if (exit == VcpuExit.BUDGET_SPENT) exit = m.vcpu.run(1000);
            assertEquals(VcpuExit.HYPERCALL, exit, name + ": exit");
            assertEquals(2, m.vcpu.register(5), name + ": x5 from the rewritten MOV");
            assertEquals(MOV_X5_2 & 0xFFFF_FFFFL, m.memory.read(callee, 4), name + ": the instruction in memory");
            assertEquals(PROGRAM.length + 4, m.vcpu.retired(), name + ": retired (two calls of MOV and RET)");
        }
    }
}
