package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * The vCPU's run of straight-line common instructions (the fast path) keeps the interpreter's semantics: stores into
 * the code it is running take effect at once, budgets are exact within a run, a fault in the middle of a run
 * reports the faulting instruction, and MMIO stores leave after they retire.
 */
class FastPathTest {
    static final IsaProvider ISA = new X86IsaProvider();

    @Test
    void aStoreIntoTheRunningPageChangesTheNextInstructions() {
        // 0: mov $0x2bb,%eax; 5: xor %ecx,%ecx; 7: mov $1,%ecx; c: cmp $1,%edx; f: je 1a; 11: inc %edx;
        // 12: mov %eax,0x1007 (turns 7 into mov $2,%ebx); 17: jmp 0; 19: nop; 1a: hlt
        try (Machine m = new Machine(ISA, "b8bb020000 31c9 b901000000 83fa01 7409 42 a307100000 ebe7 90 f4")) {
            m.set("edx=0 ebx=0");
            assertSame(VcpuExit.HALT, m.cpu.run(1000));
            m.expect("x86 self-modifying code inside a fast run", "ebx=2 ecx=0 edx=1 eip=0x101b");
        }
    }

    @Test
    void budgetsEndRunsExactly() {
        // inc %eax, six times, then hlt
        try (Machine m = new Machine(ISA, "40 40 40 40 40 40 f4")) {
            m.set("eax=0");
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(4));
            m.expect("x86 budget of 4", "eax=4 eip=0x1004");
            assertEquals(4, m.cpu.retired());
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 rest of the run", "eax=6");
        }
    }

    @Test
    void repStringBurstsRetireEachIterationWithinTheBudget() {
        // cld; rep stosb (ecx = 100 bytes of al = 0x5a at 0x3000); hlt
        try (Machine m = new Machine(ISA, "fc f3aa f4")) {
            m.set("ecx=100 edi=0x3000 eax=0x5a");
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(11));
            m.expect("x86 rep stosb after a budget of 11 (cld + 10 iterations)", "ecx=90 edi=0x300a eip=0x1001 m8[0x3009]=0x5a m8[0x300a]=0");
            assertEquals(11, m.cpu.retired());
            assertSame(VcpuExit.HALT, m.cpu.run(1000));
            m.expect("x86 rep stosb to the end", "ecx=0 edi=0x3064 m8[0x3063]=0x5a m8[0x3064]=0");
            assertEquals(11 + 90 + 1, m.cpu.retired());
        }
    }

    @Test
    void aFaultInsideARunNamesTheFaultingInstruction() {
        // mov $1,%eax; mov $2,%ebx; mov 0x300000,%ecx (outside RAM): the fault is at 0x100a
        try (Machine m = new Machine(ISA, "b801000000 bb02000000 8b0d00003000 f4")) {
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.cpu.run(100));
            assertEquals(0x100a, f.pc());
            m.expect("x86 state before the fault", "eax=1 ebx=2 eip=0x100a");
            assertEquals(2, m.cpu.retired());
        }
    }

    @Test
    void anMmioStoreInsideARunLeavesAfterIt() {
        // mov $7,%eax; mov %eax,0x200010 (MMIO); mov $9,%ebx
        try (Machine m = new Machine(ISA, "b807000000 a310002000 bb09000000 f4")) {
            VcpuExit.Mmio io = assertInstanceOf(VcpuExit.Mmio.class, m.cpu.run(100));
            assertEquals(Machine.MMIO + 0x10, io.address());
            assertEquals(7, io.value());
            m.expect("x86 after the MMIO store", "eip=0x100a ebx=0");
        }
    }
}
