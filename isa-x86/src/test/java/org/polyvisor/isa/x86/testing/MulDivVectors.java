package org.polyvisor.isa.x86.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * Replays conformance/native/muldiv.vectors (host-CPU MUL, IMUL, DIV, IDIV on rDX:rAX by rBX) on a vCPU and
 * compares rAX, rDX and the defined flags (CF and OF of the multiplies; none of the divides).
 */
public final class MulDivVectors {
    private MulDivVectors() { }

    private static final Map<String, Integer> DIGIT = Map.of("mul", 4, "imul", 5, "div", 6, "idiv", 7);

    public static void check(IsaProvider isa, Path file) throws IOException {
        boolean longMode = isa.wordBits() == 64;
        List<long[]> vectors = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split(" ");
            int size = Integer.parseInt(f[1]);
            if (size == 8 && !longMode) continue;
            long[] v = new long[10];
            v[0] = size;
            for (int i = 2; i < 10; i++) v[i - 1] = Long.parseUnsignedLong(f[i], 16);
            vectors.add(v);
            ops.add(f[0]);
            int start = code.size();
            if (size == 2) code.write(0x66);
            if (size == 8) code.write(0x48);
            code.write(size == 1 ? 0xF6 : 0xF7);
            code.write(0xC3 | DIGIT.get(f[0]) << 3);
            while (code.size() < start + 8) code.write(0x90);
        }
        assertTrue(vectors.size() > 400, isa.id() + ": too few mul/div vectors");
        String p = longMode ? "r" : "e";
        List<String> failures = new ArrayList<>();
        try (Machine m = new Machine(isa, HexFormat.of().formatHex(code.toByteArray()))) {
            int ax = m.reg(p + "ax"), dx = m.reg(p + "dx"), bx = m.reg(p + "bx"), ip = m.reg(p + "ip");
            int flags = m.reg(longMode ? "rflags" : "eflags");
            for (int i = 0; i < vectors.size(); i++) {
                long[] v = vectors.get(i);
                int size = (int) v[0];
                m.cpu.setRegister(ip, Machine.CODE + 8L * i);
                m.cpu.setRegister(ax, v[1]);
                m.cpu.setRegister(dx, v[2]);
                m.cpu.setRegister(bx, v[3]);
                m.cpu.setRegister(flags, v[4]);
                VcpuExit exit = m.cpu.run(1);
                long mask = size == 8 ? -1L : (1L << (8 * size)) - 1;
                long rax = m.cpu.register(ax) & (size == 1 ? 0xFFFF : mask), rdx = size == 1 ? 0 : m.cpu.register(dx) & mask;
                long fl = m.cpu.register(flags);
                if (exit != VcpuExit.BUDGET_SPENT || rax != v[5] || rdx != v[6] || ((fl ^ v[7]) & v[8]) != 0)
                    failures.add(String.format("%s %s%d rax=%x rdx=%x src=%x: expected rax=%x rdx=%x flags %x, got rax=%x rdx=%x flags %x%s",
                            isa.id(), ops.get(i), size * 8, v[1], v[2], v[3], v[5], v[6], v[7] & v[8], rax, rdx, fl & v[8],
                            exit == VcpuExit.BUDGET_SPENT ? "" : " exit " + exit));
            }
        }
        if (!failures.isEmpty())
            fail(failures.size() + " of " + vectors.size() + " mul/div vectors differ from the host CPU:\n"
                    + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }
}
