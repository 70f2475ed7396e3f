package org.polyvisor.isa.arm64.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.arm64.Arm64IsaProvider;
import org.polyvisor.isa.arm64.Arm64Registers;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

/**
 * Replays the vectors that src/test/resources/conformance/qemu/harness.c recorded under qemu-aarch64: one
 * instruction from x0-x3 and NZCV, the registers and NZCV QEMU produced. Every case must agree.
 */
class SemanticsVectorsTest {
    private static final long RAM = Arm64IsaProvider.RAM_BASE;
    private static final int CASES_PER_MACHINE = 16 * 1024;

    @Test
    void everyVectorMatchesQemu() throws IOException {
        List<String> lines = read("vectors.txt.gz");
        assertTrue(lines.size() >= 10_000, "arm64: only " + lines.size() + " vectors");
        List<String> failures = new ArrayList<>();
        Map<String, int[]> perClass = new TreeMap<>();
        try (FlatGuestMemory m = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, RAM, 4L * CASES_PER_MACHINE + 4096)) {
            Vcpu cpu = new Arm64IsaProvider().createVcpu(new VcpuConfig(m, 0, GuestType.PV, () -> 0));
            for (int k = 0; k < lines.size(); k++) {
                String[] f = lines.get(k).split("\\s+");
                int insn = (int) Long.parseLong(f[0], 16);
                long pc = RAM + 4L * k;   // a fresh address per case: no stale decoded instruction
                m.write(pc, 4, insn & 0xFFFF_FFFFL);
                for (int r = 0; r < 4; r++) cpu.setRegister(r, Long.parseUnsignedLong(f[1 + r], 16));
                cpu.setRegister(Arm64Registers.CPSR, (Long.parseLong(f[5], 16) << 28) | 0x3c5);
                cpu.setPc(pc);
                VcpuExit exit = cpu.run(1);
                StringBuilder got = new StringBuilder();
                for (int r = 0; r < 4; r++) got.append(String.format("%016x ", cpu.register(r)));
                got.append(Long.toHexString(cpu.register(Arm64Registers.CPSR) >>> 28 & 0xF));
                String want = String.join(" ", f[7], f[8], f[9], f[10], f[11]);
                String cls = disassemble(insn);
                int[] counts = perClass.computeIfAbsent(cls, c -> new int[2]);
                counts[1]++;
                if (exit == VcpuExit.BUDGET_SPENT && want.contentEquals(got)) counts[0]++;
                else if (failures.size() < 30) {
                    failures.add(String.format("arm64 %08x (%s) from %s %s %s %s nzcv=%s%n  expected: %s%n  actual:   %s (%s)",
                            insn, listing(insn).trim(),
                            f[1], f[2], f[3], f[4], f[5], want, got, exit));
                }
            }
        }
        StringBuilder report = new StringBuilder("arm64 semantics vectors per mnemonic (passed/total):");
        perClass.forEach((c, n) -> report.append(' ').append(c).append('=').append(n[0]).append('/').append(n[1]));
        System.out.println(report);
        if (!failures.isEmpty()) fail(failures.size() + "+ vectors differ from QEMU:\n" + String.join("\n", failures));
    }

    private static final org.polyvisor.spi.Disassembler DISASSEMBLER = new Arm64IsaProvider().disassembler();

    /** objdump's text after the address column: tab, bytes, tab, mnemonic, tab, operands. */
    private static String listing(int insn) {
        return DISASSEMBLER.disassemble(intBytes(insn), 0, 0).lines().get(0).text();
    }

    /** The mnemonic, which names the class in the report. */
    @Test
    void everyLoadStoreVectorMatchesQemu() throws IOException {
        long window = 0x4010_0000L;
        List<String> lines = read("memory-vectors.txt.gz");
        assertTrue(lines.size() >= 2_000, "arm64: only " + lines.size() + " load/store vectors");
        List<String> failures = new ArrayList<>();
        Map<String, int[]> perClass = new TreeMap<>();
        try (FlatGuestMemory m = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, RAM, window - RAM + 4096)) {
            Vcpu cpu = new Arm64IsaProvider().createVcpu(new VcpuConfig(m, 0, GuestType.PV, () -> 0));
            for (int k = 0; k < lines.size(); k++) {
                String[] f = lines.get(k).split("\\s+");
                int insn = (int) Long.parseLong(f[0], 16);
                long pc = RAM + 4L * k;
                m.write(pc, 4, insn & 0xFFFF_FFFFL);
                for (int r = 0; r < 4; r++) cpu.setRegister(r, Long.parseUnsignedLong(f[1 + r], 16));
                cpu.setRegister(Arm64Registers.CPSR, (Long.parseLong(f[5], 16) << 28) | 0x3c5);
                m.writeBytes(window, java.util.HexFormat.of().parseHex(f[6]), 0, f[6].length() / 2);
                cpu.setPc(pc);
                VcpuExit exit = cpu.run(1);
                StringBuilder got = new StringBuilder();
                for (int r = 0; r < 4; r++) got.append(String.format("%016x ", cpu.register(r)));
                got.append(Long.toHexString(cpu.register(Arm64Registers.CPSR) >>> 28 & 0xF)).append(' ');
                byte[] bytes = new byte[f[6].length() / 2];
                m.readBytes(window, bytes, 0, bytes.length);
                got.append(java.util.HexFormat.of().formatHex(bytes));
                String want = String.join(" ", f[8], f[9], f[10], f[11], f[12], f[13]);
                int[] counts = perClass.computeIfAbsent(disassemble(insn), c -> new int[2]);
                counts[1]++;
                if (exit == VcpuExit.BUDGET_SPENT && want.contentEquals(got)) counts[0]++;
                else if (failures.size() < 20) {
                    failures.add(String.format("arm64 %08x (%s) from %s %s %s %s%n  expected: %s%n  actual:   %s (%s)",
                            insn, listing(insn).trim(), f[1], f[2], f[3], f[4], want, got, exit));
                }
            }
        }
        StringBuilder report = new StringBuilder("arm64 load/store vectors per mnemonic (passed/total):");
        perClass.forEach((c, n) -> report.append(' ').append(c).append('=').append(n[0]).append('/').append(n[1]));
        System.out.println(report);
        if (!failures.isEmpty()) fail(failures.size() + "+ load/store vectors differ from QEMU:\n" + String.join("\n", failures));
    }

    private static String disassemble(int insn) {
        String[] parts = listing(insn).split("\t");
        return parts.length > 2 ? parts[2] : parts[parts.length - 1];
    }

    private static byte[] intBytes(int insn) {
        return new byte[] {(byte) insn, (byte) (insn >>> 8), (byte) (insn >>> 16), (byte) (insn >>> 24)};
    }

    private static List<String> read(String name) throws IOException {
        try (InputStream in = SemanticsVectorsTest.class.getResourceAsStream("/conformance/qemu/" + name)) {
            if (in == null) throw new IOException("missing test resource conformance/qemu/" + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.US_ASCII));
            return r.lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
