package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.Register;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

/**
 * A boot loader's path through the modes on one x86_64 vCPU booted HVM (the reset state), run from 0000:7C00:
 * real mode (segment * 16 bases, 16-bit operands, INT/IRET through the IVT), CR0.PE and a far JMP to a 32-bit
 * code segment, PAE paging with EFER.LME and CR0.PG (compatibility mode: LMA = 1, CS.L = 0), and a far JMP to
 * an L = 1 segment (64-bit mode), and an indirect far JMP back to the L = 0 segment. Each stage ends in HLT; the table lists what must hold at each HLT: registers
 * and memory written at linear addresses through the segment bases and (stage 4) through a page mapping (the walk sets the A and D bits of the entries it uses)
 * linear 1 GiB + x to physical x. The machine code is assembled from src/test/resources/boot/bootloader.S.
 */
class ModeSwitchTest {
    static final IsaProvider ISA = new X86_64IsaProvider();
    static final long LOAD = 0x7C00;
    /** bootloader.S assembled with {@code as --32} and {@code objcopy -O binary -j .text}. */
    static final String CODE = "fa31c08ed88ed0bc0070b800108ec026c7062000efbec706c000437cc706c2000000bb0500cd30891e000589260205f4660f0116187d"
            + "0f20c00c010f22c0ea477c080083c307cf66b810008ed88ec08ed0bc00700000c70504050000323232326877665544f4c70500000200"
            + "03100200c7050010020003200200c7050810020003200200c70500200200830000000f20e083c8200f22e0b8000002000f22d8b98000"
            + "00c00f320d000100000f300f20c00d000000800f22c00f32a308050000f4eac77c0000180048b8887766554433221148890425000600"
            + "4050f4ff2c25ed7c0000b8c0c0c0c0a30c050000f4e27c000008008d742600900000000000000000ffff0000009acf00ffff00000092"
            + "cf00ffff0000009aaf001f00f87c0000";

    /** Stage, the HLT's address (the instruction pointer after it), then "name=value" checks (m16[a] is memory). */
    static final String[][] STAGES = {
        {"real mode", "0x7c30", "cs=0 ds=0 es=0x1000 ss=0 rsp=0x7000 rbx=12 m16[0x10020]=0xbeef m16[0x500]=12 m16[0x502]=0x7000"
                + " m16[0xc0]=0x7c43 cr0=0x60000010"},
        {"protected mode, 32-bit CS", "0x7c66", "cs=0x8 ds=0x10 ss=0x10 es=0x10 rsp=0x6ffc m32[0x6ffc]=0x44556677"
                + " m32[0x504]=0x32323232 cr0=0x60000011"},
        {"compatibility mode (IA-32e, CS.L = 0)", "0x7cc0", "cs=0x8 cr0=0xe0000011 cr3=0x20000 cr4=0x20 m32[0x508]=0x500"
                + " m32[0x20000]=0x21023 m32[0x22000]=0xe3"},
        {"64-bit mode (CS.L = 1)", "0x7cdb", "cs=0x18 rax=0x1122334455667788 m64[0x600]=0x1122334455667788 rsp=0x6ff4"
                + " m64[0x6ff4]=0x1122334455667788"},
        {"compatibility mode again (far JMP from 64-bit code to L = 0)", "0x7ced", "cs=0x8 m32[0x50c]=0xc0c0c0c0 rsp=0x6ff4"},
    };

    @Test
    void bootLoaderWalksRealProtectedCompatibilityAndLongMode() {
        try (FlatGuestMemory memory = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 1 << 20)) {
            memory.load(LOAD, HexFormat.of().parseHex(CODE));
            Vcpu cpu = ISA.createVcpu(new VcpuConfig(memory, 0, GuestType.HVM, () -> 0));
            ISA.bootProtocol().boot(cpu, new BootInfo(GuestType.HVM, 0, 0, 0, 1 << 20, 0));
            assertEquals(0xFFF0, cpu.pc(), "x86_64 HVM reset: IP");
            assertEquals(0xF000, cpu.register(reg("cs")), "x86_64 HVM reset: CS");
            cpu.setRegister(reg("cs"), 0);  // a real-mode segment load: base 0, as a BIOS's jump to 0000:7C00
            cpu.setPc(LOAD);
            for (String[] stage : STAGES) {
                VcpuExit exit = cpu.run(200);
                assertEquals(VcpuExit.HALT, exit, "x86_64 " + stage[0] + ": exit at 0x" + Long.toHexString(cpu.pc()));
                assertEquals(Long.decode(stage[1]), cpu.pc(), "x86_64 " + stage[0] + ": rip after HLT");
                check(cpu, memory, stage[0], stage[2]);
            }
        }
    }

    static int reg(String name) {
        return ISA.registers().byName(name).map(Register::number).orElseThrow();
    }

    static void check(Vcpu cpu, FlatGuestMemory memory, String what, String expectations) {
        for (String t : expectations.trim().split("\\s+")) {
            String name = t.substring(0, t.indexOf('='));
            long expected = Long.parseUnsignedLong(t.substring(t.indexOf('=') + 1).replace("0x", ""),
                    t.contains("=0x") ? 16 : 10);
            long actual;
            if (name.startsWith("m")) {
                int bits = Integer.parseInt(name.substring(1, name.indexOf('[')));
                actual = memory.read(Long.decode(name.substring(name.indexOf('[') + 1, name.indexOf(']'))), bits / 8);
            } else {
                actual = cpu.register(reg(name));
            }
            assertEquals("0x" + Long.toHexString(expected), "0x" + Long.toHexString(actual), "x86_64 " + what + ": " + name);
        }
    }
}
