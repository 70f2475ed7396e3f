package org.polyvisor.isa.x86.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.util.HexFormat;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.Register;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;

/**
 * A vCPU on 1 MiB of flat RAM at 0 with an MMIO hole at {@link #MMIO}, booted PV at {@link #CODE} with a stack at
 * {@link #STACK}; and a little language for test rows: "eax=5 ebx=0x10 cf=1 m32[0x2000]=7" sets (or checks)
 * registers by name, EFLAGS bits by name (cf pf af zf sf of df if), and memory of 8, 16, 32 or 64 bits.
 */
public final class Machine implements AutoCloseable {
    public static final long CODE = 0x1000, STACK = 0x9000, START_INFO = 0x8000, MMIO = 0x200000;
    private static final String[] FLAGS = {"cf", "", "pf", "", "af", "", "zf", "sf", "tf", "if", "df", "of"};

    public final IsaProvider isa;
    public final FlatGuestMemory memory;
    public final Vcpu cpu;

    public Machine(IsaProvider isa, String codeHex) {
        this.isa = isa;
        this.memory = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 1 << 20).withMmio(MMIO, 0x1000);
        memory.load(CODE, HexFormat.of().parseHex(codeHex.replace(" ", "")));
        this.cpu = isa.createVcpu(new VcpuConfig(memory, 0, GuestType.PV, () -> 0));
        isa.bootProtocol().boot(cpu, new BootInfo(GuestType.PV, CODE, START_INFO, 0, 1 << 20, 0));
        set(isa.wordBits() == 64 ? "rsp=" + STACK : "esp=" + STACK);
    }

    private Machine(IsaProvider isa, FlatGuestMemory memory, Vcpu cpu) {
        this.isa = isa;
        this.memory = memory;
        this.cpu = cpu;
    }

    /**
     * A vCPU booted HVM (the architectural reset state, real mode) on the same 1 MiB, then sent to {@code cs:ip}
     * by a real-mode CS load (base cs * 16), as a BIOS jumps to a boot sector; {@code codeHex} is placed there.
     */
    public static Machine realMode(IsaProvider isa, int cs, long ip, String codeHex) {
        FlatGuestMemory memory = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 1 << 20).withMmio(MMIO, 0x1000);
        memory.load(cs * 16L + ip, HexFormat.of().parseHex(codeHex.replace(" ", "")));
        Vcpu cpu = isa.createVcpu(new VcpuConfig(memory, 0, GuestType.HVM, () -> 0));
        isa.bootProtocol().boot(cpu, new BootInfo(GuestType.HVM, 0, 0, 0, 1 << 20, 0));
        Machine m = new Machine(isa, memory, cpu);
        cpu.setRegister(m.reg("cs"), cs);
        cpu.setPc(ip);
        return m;
    }

    /** Places the bytes {@code hex} at guest-physical {@code address}. */
    public Machine load(long address, String hex) {
        memory.load(address, HexFormat.of().parseHex(hex.replace(" ", "")));
        return this;
    }

    public int reg(String name) {
        return isa.registers().byName(name).map(Register::number)
                .orElseThrow(() -> new IllegalArgumentException(isa.id() + ": no register " + name));
    }

    private int flagBit(String name) {
        for (int i = 0; i < FLAGS.length; i++) if (FLAGS[i].equals(name)) return i;
        return -1;
    }

    private int flagsReg() { return reg(isa.wordBits() == 64 ? "rflags" : "eflags"); }

    /** Applies "name=value ..." to the vCPU and memory. */
    public Machine set(String assignments) {
        for (String t : tokens(assignments)) {
            String name = t.substring(0, t.indexOf('=')), v = t.substring(t.indexOf('=') + 1);
            long value = parse(v);
            if (name.startsWith("m")) {
                int bits = Integer.parseInt(name.substring(1, name.indexOf('[')));
                memory.write(Long.decode(name.substring(name.indexOf('[') + 1, name.indexOf(']'))), bits / 8, value);
            } else if (flagBit(name) >= 0) {
                long f = cpu.register(flagsReg());
                long bit = 1L << flagBit(name);
                cpu.setRegister(flagsReg(), value != 0 ? f | bit : f & ~bit);
            } else {
                cpu.setRegister(reg(name), value);
            }
        }
        return this;
    }

    /** Checks "name=value ..." against the vCPU and memory; {@code what} names the case in failures. */
    public void expect(String what, String expectations) {
        for (String t : tokens(expectations)) {
            String name = t.substring(0, t.indexOf('=')), v = t.substring(t.indexOf('=') + 1);
            long value = parse(v);
            long actual;
            if (name.startsWith("m")) {
                int bits = Integer.parseInt(name.substring(1, name.indexOf('[')));
                actual = memory.read(Long.decode(name.substring(name.indexOf('[') + 1, name.indexOf(']'))), bits / 8);
            } else if (flagBit(name) >= 0) {
                actual = (cpu.register(flagsReg()) >>> flagBit(name)) & 1;
            } else {
                actual = cpu.register(reg(name));
            }
            assertEquals("0x" + Long.toHexString(value), "0x" + Long.toHexString(actual), isa.id() + " " + what + ": " + name);
        }
    }

    private static long parse(String v) {
        boolean negative = v.startsWith("-");
        String body = negative ? v.substring(1) : v;
        long value = body.startsWith("0x") ? Long.parseUnsignedLong(body.substring(2), 16) : Long.parseUnsignedLong(body);
        return negative ? -value : value;
    }

    private static String[] tokens(String s) {
        return s.isBlank() ? new String[0] : s.trim().split("\\s+");
    }

    @Override public void close() { memory.close(); }
}
