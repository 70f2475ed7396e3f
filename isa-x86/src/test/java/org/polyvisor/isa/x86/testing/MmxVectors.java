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
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * Replays the host-CPU vectors of conformance/native/mmx.vectors (mmx.c, made by generate.sh) on a vCPU: for each,
 * movq (%esi),%mm0; movq 8(%esi),%mm1; the vector's "op %mm1,%mm0"; movq %mm0,(%edi), with the operands at
 * 0x80000 and the result read from 0x80010. The same bytes run in 32-bit and 64-bit mode.
 */
public final class MmxVectors {
    private MmxVectors() { }

    private static final long OPERANDS = 0x80000, RESULT = 0x80010;

    private record Vector(String op, String code, long a, long b, long result) { }

    public static void check(IsaProvider isa, Path file) throws IOException {
        boolean longMode = isa.wordBits() == 64;
        List<Vector> vectors = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split(" ");
            vectors.add(new Vector(f[0], f[1], hex(f[2]), hex(f[3]), hex(f[4])));
        }
        assertTrue(vectors.size() > 2000, isa.id() + ": too few MMX vectors");
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        for (Vector v : vectors) {
            byte[] insn = HexFormat.of().parseHex("0f6f06" + "0f6f4e08" + v.code() + "0f7f07");
            code.write(insn, 0, insn.length);
            for (int i = insn.length; i < 16; i++) code.write(0x90);
        }
        List<String> failures = new ArrayList<>();
        String p = longMode ? "r" : "e";
        try (Machine m = new Machine(isa, HexFormat.of().formatHex(code.toByteArray()))) {
            long pc = Machine.CODE;
            for (Vector v : vectors) {
                m.cpu.setRegister(m.reg(p + "ip"), pc);
                m.cpu.setRegister(m.reg(p + "si"), OPERANDS);
                m.cpu.setRegister(m.reg(p + "di"), RESULT);
                m.memory.write(OPERANDS, 8, v.a());
                m.memory.write(OPERANDS + 8, 8, v.b());
                m.memory.write(RESULT, 8, 0);
                VcpuExit exit = m.cpu.run(4);
                long got = m.memory.read(RESULT, 8);
                if (exit != VcpuExit.BUDGET_SPENT || got != v.result())
                    failures.add(String.format("%s %s a=%x b=%x: expected %x, got %x%s", isa.id(), v.op(), v.a(), v.b(), v.result(),
                            got, exit == VcpuExit.BUDGET_SPENT ? "" : " exit " + exit));
                pc += 16;
            }
        }
        if (!failures.isEmpty())
            fail(failures.size() + " of " + vectors.size() + " MMX vectors differ from the host CPU:\n"
                    + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    private static long hex(String s) { return Long.parseUnsignedLong(s, 16); }
}
