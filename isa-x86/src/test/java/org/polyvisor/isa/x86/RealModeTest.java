package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.Register;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

/**
 * Real-address mode on the IA-32 vCPU booted HVM: segment * 16 bases on every segment (and SS for BP-based
 * operands), 16-bit default operand and address size with 66/67 flipping them, 16-bit ModRM forms, 16-bit stack,
 * far JMP/CALL/RET loading CS as a paragraph, INT n and exceptions through the 4-byte IVT vectors at 0 with IRET
 * back, a round trip through protected mode with a 16-bit code segment, and the reset vector itself (F000:FFF0 at linear FFFFFFF0). Each row runs from 0000:7C00 to a HLT; the
 * code bytes come from GNU as ({@code .code16}).
 */
class RealModeTest {
    static final IsaProvider ISA = new X86IsaProvider();

    /** Name, setup ("name=value"), code at 0000:7C00, code at 0x8000 (handlers, far targets), expected. */
    static Stream<Arguments> rows() {
        return Stream.of(
            Arguments.of("mov $0x2000,%ax; mov %ax,%ds; movw $0x1234,0x10 (DS base 0x20000)", "",
                    "b800208ed8c70610003412f4", "", "ds=0x2000 m16[0x20010]=0x1234 eip=0x7c0c"),
            Arguments.of("movw $0x5678,4(%bx,%si) with DS=0x100", "ds=0x100 ebx=0x100 esi=0x20",
                    "c740047856f4", "", "m16[0x1124]=0x5678"),
            Arguments.of("mov %ax,(%bp,%di) addresses SS", "ss=0x300 ds=0x500 ebp=0x10 edi=2 eax=0xabcd",
                    "8903f4", "", "m16[0x3012]=0xabcd m16[0x5012]=0"),
            Arguments.of("66: mov $0x12345678,%eax", "", "66b878563412f4", "", "eax=0x12345678"),
            Arguments.of("67: mov %ax,(%ebx) (32-bit address)", "ebx=0xfff0 eax=0x4321", "678903f4", "", "m16[0xfff0]=0x4321"),
            Arguments.of("push %ax; pushl (66); pop %ecx; pop %dx on a 16-bit SS:SP", "ss=0x800 esp=0x100 eax=0xbeef",
                    "5066684433221166595af4", "", "esp=0x100 ecx=0x11223344 edx=0xbeef m16[0x80fe]=0xbeef m32[0x80fa]=0x11223344"),
            Arguments.of("rep stosb at ES:DI, 16-bit CX/DI", "es=0x900", "b90300bf0002b0abf3aaf4", "",
                    "ecx=0 edi=0x203 m32[0x9200]=0xababab"),
            Arguments.of("ljmp $0x800,$0x10: CS base 0x8000", "", "ea10000008", "00".repeat(16) + "f4",
                    "cs=0x800 eip=0x11"),
            Arguments.of("lcall $0x800,$0x10; lret pushes and pops CS:IP", "esp=0x7000",
                    "9a10000008f4", "00".repeat(16) + "be9900cb", "cs=0 eip=0x7c06 esi=0x99 esp=0x7000 m16[0x6ffe]=0 m16[0x6ffc]=0x7c05"),
            Arguments.of("sti; int $0x21 through the IVT, iret", "esp=0x7000 m32[0x84]=0x08000000",
                    "fbcd21f4", "b97700cf", "ecx=0x77 esp=0x7000 eip=0x7c04 if=1 m16[0x6ffa]=0x7c03 m16[0x6ffc]=0 cs=0"),
            Arguments.of("the handler runs with IF clear", "esp=0x7000 m32[0x84]=0x08000000",
                    "fbcd21f4", "9cf4", "cs=0x800 eip=0x2 esp=0x6ff8 m16[0x6ff8]=0x2 m16[0x6ffe]=0x202"),
            Arguments.of("#DE through IVT vector 0: IP of the DIV, no error code", "esp=0x7000 eax=5 ebx=0 m32[0]=0x08000000",
                    "f6f3f4", "baaddef4", "cs=0x800 edx=0xdead esp=0x6ffa m16[0x6ffa]=0x7c00 m16[0x6ffc]=0"),
            Arguments.of("wrmsr EFER.LME on the IA-32 model: #GP through IVT vector 13", "esp=0x7000 m32[0x34]=0x08000000",
                    "66b9800000c066b8000100006631d20f30f4", "ba0d0df4", "cs=0x800 edx=0xd0d esp=0x6ffa m16[0x6ffa]=0x7c0f"),
            Arguments.of("pusha on a 16-bit SS:SP", "ss=0x800 esp=0x100 eax=0x1111 ebp=0x6666 edi=0x8888",
                    "60f4", "", "esp=0xf0 m16[0x80fe]=0x1111 m16[0x80f6]=0x100 m16[0x80f4]=0x6666 m16[0x80f0]=0x8888"),
            Arguments.of("pusha; popa round trip", "ss=0x800 esp=0x100 eax=0x1111 esi=0x7777",
                    "6031c031f661f4", "", "esp=0x100 eax=0x1111 esi=0x7777"),
            Arguments.of("enter $4,$1 on a 16-bit stack", "ss=0x800 esp=0x100 ebp=0x1234",
                    "c8040001f4", "", "m16[0x80fe]=0x1234 m16[0x80fc]=0xfe ebp=0xfe esp=0xf8"),
            Arguments.of("bound out of range: #BR through IVT vector 5 at the BOUND", "esp=0x7000 eax=9 ebx=0x500 m16[0x500]=0"
                    + " m16[0x502]=8 m32[0x14]=0x08000000", "6207f4", "ba0505f4", "cs=0x800 edx=0x505 esp=0x6ffa m16[0x6ffa]=0x7c00"),
            Arguments.of("arpl in real mode is #UD through IVT vector 6", "esp=0x7000 m32[0x18]=0x08000000",
                    "63c8f4", "ba0606f4", "cs=0x800 edx=0x606 m16[0x6ffa]=0x7c00"),
            Arguments.of("lar in real mode is #UD", "esp=0x7000 m32[0x18]=0x08000000", "0f02c1f4", "ba0606f4", "cs=0x800 edx=0x606"),
            Arguments.of("verr in real mode is #UD", "esp=0x7000 m32[0x18]=0x08000000", "0f00e1f4", "ba0606f4", "cs=0x800 edx=0x606"),
            Arguments.of("lds (%bx),%ax: DS base selector * 16", "ebx=0x500 m16[0x500]=0x1234 m16[0x502]=0x2000 m16[0x20010]=0x4321",
                    "c5078b1e1000f4", "", "eax=0x1234 ds=0x2000 ebx=0x4321"),
            Arguments.of("xlat with DS = 0x100", "ds=0x100 ebx=0x10 eax=5 m8[0x1015]=0x77", "d7f4", "", "eax=0x77"),
            Arguments.of("mov to and from dr0 in real mode (CPL 0)", "eax=0x1234", "0f23c00f21c3f4", "", "ebx=0x1234"),
            Arguments.of("smsw %ax at reset reads CR0's low word", "eax=0xabcd1234", "0f01e0f4", "", "eax=0xabcd0010"),
            // lgdtl; CR0.PE = 1; ljmp $8 (16-bit code, D = 0); DS = 0x10 (base 0x10000); store; CR0.PE = 0;
            // ljmp $0 (real mode again); DS = 0; store; hlt. GDT: null, 16-bit code base 0, data base 0x10000.
            Arguments.of("real -> protected with a 16-bit CS (D = 0) -> real", "",
                    "660f0116507c0f20c00c010f22c0ea137c0800b810008ed8c706300042420f20c024fe0f22c0ea2b7c000031c08ed8c7063000"
                    + "4343f466900000000000000000ffff0000009a0000ffff0000019200001700387c0000", "",
                    "cs=0 ds=0 cr0=0x60000010 eip=0x7c36 m16[0x10030]=0x4242 m16[0x30]=0x4343 gdtr_base=0x7c38 gdtr_limit=23"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void runsRealModeCode(String name, String setup, String code, String at8000, String expected) {
        try (Machine m = Machine.realMode(ISA, 0, 0x7C00, code)) {
            if (!at8000.isEmpty()) m.load(0x8000, at8000);
            m.set(setup);
            VcpuExit exit = m.cpu.run(50);
            assertEquals(VcpuExit.HALT, exit, "x86 real mode " + name + " (" + code + "): exit at 0x" + Long.toHexString(m.cpu.pc()));
            m.expect("real mode " + name + " (" + code + ")", expected);
        }
    }

    /** An external interrupt in real mode: taken through IVT vector 0x20 after the STI shadow, IRET resumes. */
    @Test
    void externalInterruptThroughTheIvt() {
        try (Machine m = Machine.realMode(ISA, 0, 0x7C00, "fb9090f4")) {  // sti; nop; nop; hlt
            m.load(0x8000, "b98800cf");  // mov $0x88,%cx; iret
            m.set("esp=0x7000 m32[0x80]=0x08000000");
            m.cpu.raiseInterrupt(0x20);
            assertEquals(VcpuExit.HALT, m.cpu.run(20), "x86 real mode external interrupt 0x20");
            m.expect("real mode external interrupt 0x20 after sti; nop", "ecx=0x88 eip=0x7c04 esp=0x7000 if=1 m16[0x6ffa]=0x7c02");
        }
    }

    /** CPL is 0 in real mode whatever the low bits of CS: mov %cr0,%eax at 07C3:0000 (linear 0x7C30). */
    @Test
    void realModeRunsAtCplZeroWhateverCsLowBits() {
        try (Machine m = Machine.realMode(ISA, 0x7C3, 0, "0f20c0f4")) {
            assertEquals(VcpuExit.HALT, m.cpu.run(5), "x86 real mode 0f 20 c0 at 07C3:0000");
            m.expect("real mode mov %cr0,%eax at 07C3:0000", "eax=0x60000010 cs=0x7c3 eip=4");
        }
    }

    /** The reset state executes: CS.base FFFF0000 + IP FFF0, CS-relative stores land in the top 64 KiB. */
    @Test
    void resetVectorExecutesAtFFFFFFF0() {
        try (FlatGuestMemory rom = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0xFFFF_0000L, 0x1_0000)) {
            // mov $0x1234,%ax; mov %ax,%cs:0x100; hlt
            rom.load(0xFFFF_FFF0L, HexFormat.of().parseHex("b834122ea30001f4"));
            Vcpu cpu = ISA.createVcpu(new VcpuConfig(rom, 0, GuestType.HVM, () -> 0));
            ISA.bootProtocol().boot(cpu, new BootInfo(GuestType.HVM, 0, 0, 0, 0, 0));
            int cs = ISA.registers().byName("cs").map(Register::number).orElseThrow();
            assertEquals(0xF000, cpu.register(cs), "x86 reset: CS");
            assertEquals(0xFFF0, cpu.pc(), "x86 reset: IP");
            assertEquals(VcpuExit.HALT, cpu.run(10), "x86 reset: b8 34 12 2e a3 00 01 f4 runs to HLT");
            assertEquals(0xFFF8, cpu.pc(), "x86 reset: IP after HLT");
            assertEquals(0x1234, rom.read(0xFFFF_0100L, 2), "x86 reset: %cs:0x100 is linear FFFF0100");
        }
    }
}
