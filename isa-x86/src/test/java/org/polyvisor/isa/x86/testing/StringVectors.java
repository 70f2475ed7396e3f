package org.polyvisor.isa.x86.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * Replays conformance/native/strings.vectors (host-CPU MOVS/STOS/LODS/CMPS/SCAS with and without REP/REPE/REPNE,
 * both directions, every size) on a vCPU: the buffers are rebuilt from each vector's seed with the same xorshift64
 * as strings.c, and rCX, the rSI/rDI offsets, rAX, the arithmetic flags and the FNV-1a hash of the destination
 * buffer must agree. The IA-32 vCPU skips the 8-byte forms.
 */
public final class StringVectors {
    private StringVectors() { }

    private static final long SRC = 0x20000, DST = 0x30000;
    private static final Map<String, Integer> OPCODE = Map.of("movs", 0xA4, "cmps", 0xA6, "stos", 0xAA, "lods", 0xAC, "scas", 0xAE);

    public static void check(IsaProvider isa, Path file) throws IOException {
        boolean longMode = isa.wordBits() == 64;
        List<String> failures = new ArrayList<>();
        int checked = 0;
        String r = longMode ? "r" : "e";
        Map<String, Long> slots = new java.util.HashMap<>();
        try (Machine m = new Machine(isa, "90")) {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split(" ");
                int size = Integer.parseInt(f[1]), rep = Integer.parseInt(f[2]);
                if (size == 8 && !longMode) continue;
                long count = hex(f[4]), rax = hex(f[5]), flagsIn = hex(f[6]), seed = hex(f[7]);
                long rcxOut = hex(f[9]), rsiOut = hex(f[10]), rdiOut = hex(f[11]), raxOut = hex(f[12]), flagsOut = hex(f[13]);
                long hashOut = hex(f[14]);
                long xs = seed;
                for (int i = 0; i < 256; i++) {
                    xs = next(xs); m.memory.write(SRC + i, 1, Long.remainderUnsigned(xs, 3));
                    xs = next(xs); m.memory.write(DST + i, 1, Long.remainderUnsigned(xs, 3));
                }
                StringBuilder code = new StringBuilder();
                if (rep == 1) code.append("f3");
                if (rep == 2) code.append("f2");
                if (size == 2) code.append("66");
                if (size == 8) code.append("48");
                code.append(String.format("%02x", OPCODE.get(f[0]) + (size == 1 ? 0 : 1))).append("f4");
                // Each encoding gets its own slot: host-side stores bypass the vCPU's decoded-instruction cache.
                Long at = slots.get(code.toString());
                if (at == null) {
                    at = Machine.CODE + 16L * slots.size();
                    slots.put(code.toString(), at);
                    m.memory.load(at, java.util.HexFormat.of().parseHex(code.toString()));
                }
                long mask = longMode ? -1L : 0xFFFF_FFFFL;
                m.cpu.setRegister(m.reg(r + "ip"), at);
                m.cpu.setRegister(m.reg(r + "cx"), count);
                m.cpu.setRegister(m.reg(r + "si"), SRC + 0x80);
                m.cpu.setRegister(m.reg(r + "di"), DST + 0x80);
                m.cpu.setRegister(m.reg(r + "ax"), rax & mask);
                m.cpu.setRegister(m.reg(longMode ? "rflags" : "eflags"), flagsIn);
                VcpuExit exit = m.cpu.run(100);
                long hash = 0xcbf29ce484222325L;
                for (int i = 0; i < 256; i++) { hash ^= m.memory.read(DST + i, 1); hash *= 0x100000001b3L; }
                long gotFlags = m.cpu.register(m.reg(longMode ? "rflags" : "eflags"));
                String got = String.format("rcx=%x rsi=%x rdi=%x rax=%x flags=%x hash=%x", m.cpu.register(m.reg(r + "cx")),
                        m.cpu.register(m.reg(r + "si")) - SRC, m.cpu.register(m.reg(r + "di")) - DST,
                        m.cpu.register(m.reg(r + "ax")), gotFlags & 0xCD5, hash);
                String want = String.format("rcx=%x rsi=%x rdi=%x rax=%x flags=%x hash=%x", rcxOut, rsiOut, rdiOut, raxOut & mask,
                        flagsOut & 0xCD5, hashOut);
                checked++;
                if (exit != VcpuExit.HALT || !got.equals(want))
                    failures.add(isa.id() + " " + code + " (" + line.substring(0, line.indexOf('|')).trim() + "): expected " + want
                            + ", got " + got + (exit == VcpuExit.HALT ? "" : " exit " + exit));
            }
        }
        assertTrue(checked > 1000, isa.id() + ": too few string vectors");
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " string vectors differ from the host CPU:\n"
                + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
    }

    private static long next(long x) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        return x;
    }

    private static long hex(String s) { return Long.parseUnsignedLong(s, 16); }
}
