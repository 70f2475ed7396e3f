package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

/**
 * SHLD/SHRD forms the host vectors (BitVectorsTest) do not reach (imm8 counts, memory destinations, count masking),
 * CMPXCHG8B, F3 0F BC as BSF (the CPU model has no BMI1), POPCNT/LZCNT with memory sources and the CPUID bits
 * that advertise them. Expected values from the SDM Vol. 2 entries of each instruction.
 */
class DoubleShiftCompareExchangeTest {
    static Stream<Arguments> rows() {
        return Stream.of(
            row("shld imm8", "0fa4d804", "eax=0x12345678 ebx=0x9abcdef0", "eax=0x23456789 cf=1"),
            row("shld by 1 sets OF on a sign change", "0fa4d801", "eax=0x40000000 ebx=0x80000000", "eax=0x80000001 cf=0 of=1 sf=1"),
            row("shld cl into memory", "0fa51e", "esi=0x2000 m32[0x2000]=0x80000000 ebx=0xffffffff ecx=1",
                    "m32[0x2000]=1 cf=1 of=1 zf=0"),
            row("shld count masked to 5 bits (33 = 1)", "0fa5d8", "eax=1 ebx=0x80000000 ecx=33", "eax=3 cf=0"),
            row("shld count 0 changes nothing", "0fa5d8", "eax=5 ebx=7 ecx=32 cf=1 zf=1 sf=1", "eax=5 cf=1 zf=1 sf=1"),
            row("shld 16-bit keeps the upper half", "660fa4d804", "eax=0xaaaa1234 ebx=0xf000", "eax=0xaaaa234f cf=1"),
            row("shrd imm8", "0facd808", "eax=0x12345678 ebx=0xab", "eax=0xab123456 cf=0"),
            row("shrd by 1 sets OF on a sign change", "0facd801", "eax=2 ebx=1", "eax=0x80000001 cf=0 of=1"),
            row("shrd to zero", "0facd804", "eax=0x8 ebx=0", "eax=0 cf=1 zf=1 pf=1"),
            row("cmpxchg8b equal stores ECX:EBX", "0fc70e",
                    "esi=0x2000 m32[0x2000]=6 m32[0x2004]=5 edx=5 eax=6 ecx=0x11 ebx=0x22 cf=1",
                    "m32[0x2000]=0x22 m32[0x2004]=0x11 zf=1 cf=1 eax=6 edx=5"),
            row("cmpxchg8b differs loads EDX:EAX", "0fc70e",
                    "esi=0x2000 m32[0x2000]=8 m32[0x2004]=7 edx=5 eax=8 ecx=0x11 ebx=0x22 zf=1 sf=1",
                    "m32[0x2000]=8 m32[0x2004]=7 zf=0 sf=1 eax=8 edx=7"),
            row("lock cmpxchg8b", "f00fc70e", "esi=0x2000 m32[0x2000]=1 m32[0x2004]=2 edx=2 eax=1 ecx=4 ebx=3",
                    "m32[0x2000]=3 m32[0x2004]=4 zf=1"),
            row("tzcnt encoding runs as bsf", "f30fbcc3", "ebx=0x80 eax=0", "eax=7 zf=0"),
            row("tzcnt encoding of zero leaves the destination (bsf)", "f30fbcc3", "ebx=0 eax=0x1234", "eax=0x1234 zf=1"),
            row("popcnt memory", "f30fb806", "esi=0x2000 m32[0x2000]=0x00ff00ff", "eax=16 zf=0 cf=0"),
            row("popcnt zero", "f30fb8c3", "ebx=0 eax=9 cf=1 sf=1", "eax=0 zf=1 cf=0 sf=0"),
            row("lzcnt zero gives the width and CF", "f30fbdc3", "ebx=0", "eax=32 cf=1 zf=0"),
            row("lzcnt top bit set gives zero and ZF", "f30fbdc3", "ebx=0x80000000", "eax=0 cf=0 zf=1"),
            row("lzcnt 16-bit", "66f30fbdc3", "eax=0xffff0000 ebx=1", "eax=0xffff000f"),
            row("cpuid 1 advertises POPCNT and MOVBE, not SSE4.2", "0fa2", "eax=1", "ecx=0xc00000"),
            row("cpuid 0x80000001 advertises ABM (LZCNT)", "0fa2", "eax=0x80000001", "ecx=0x20")
        );
    }

    private static Arguments row(String name, String code, String before, String after) {
        return Arguments.of(name, code, before, after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void executes(String name, String code, String before, String after) {
        try (Machine m = new Machine(new X86IsaProvider(), code)) {
            m.set(before);
            VcpuExit exit = m.cpu.run(1);
            assertSame(VcpuExit.BUDGET_SPENT, exit, "x86 " + name + ": exit " + exit);
            m.expect(name, after);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "cmpxchg8b with a register operand, 0fc7c8",
        "lock shld,                         f00fa4d801"})
    void undefined(String name, String code) {
        try (Machine m = new Machine(new X86IsaProvider(), code)) {
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.cpu.run(1), "x86 " + name);
            assertEquals(Machine.CODE, f.pc(), "x86 " + name);
            assertEquals(0, m.cpu.retired(), "x86 " + name);
        }
    }

    /**
     * Two vCPUs on two threads add 1 to one 64-bit counter 5,000 times each with a LOCK CMPXCHG8B retry loop (the
     * counter crosses 2^32 on the way): the locked instruction is atomic across vCPUs, so no increment is lost.
     */
    @Test
    void lockedCompareExchange8BytesIsAtomicAcrossVcpus() throws Exception {
        // 0: mov 0x2000,%eax; mov 0x2004,%edx; 11: mov %eax,%ebx; mov %edx,%ecx; add $1,%ebx; adc $0,%ecx;
        // lock cmpxchg8b 0x2000; jnz 11; dec %esi; jnz 0; hlt
        String loop = "a100200000 8b1504200000 89c3 89d1 83c301 83d100 f00fc70d00200000 75ec 4e 75de f4";
        X86IsaProvider isa = new X86IsaProvider();
        try (Machine m = new Machine(isa, loop)) {
            m.set("m32[0x2000]=0xfffff000 m32[0x2004]=0");
            Vcpu second = isa.createVcpu(new VcpuConfig(m.memory, 1,
                    GuestType.PV, () -> 0));
            isa.bootProtocol().boot(second, new BootInfo(GuestType.PV, Machine.CODE,
                    Machine.START_INFO, 0, 1 << 20, 0));
            VcpuExit[] exits = new VcpuExit[2];
            Vcpu[] cpus = {m.cpu, second};
            Thread[] threads = new Thread[2];
            for (int i = 0; i < 2; i++) {
                int k = i;
                cpus[k].setRegister(m.reg("esi"), 5000);
                threads[k] = new Thread(() -> exits[k] = cpus[k].run(1_000_000));
                threads[k].start();
            }
            for (Thread t : threads) t.join();
            for (int i = 0; i < 2; i++) assertInstanceOf(VcpuExit.Halt.class, exits[i], "x86 vCPU " + i + ": " + exits[i]);
            m.expect("two vCPUs' locked increments", "m32[0x2000]=0x1710 m32[0x2004]=1");
        }
    }

    @Test
    void cpuidAdvertisesCompareExchange8Bytes() {
        try (Machine m = new Machine(new X86IsaProvider(), "0fa2")) {
            m.set("eax=1");
            m.cpu.run(1);
            assertEquals(1L << 8, m.cpu.register(m.reg("edx")) & (1L << 8), "x86 CPUID.1:EDX.CX8");
        }
    }
}
