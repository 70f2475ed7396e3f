package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * Replays conformance/native/bcd.vectors (DAA, DAS, AAA, AAS, AAM, AAD from the host CPU in a 32-bit process,
 * made by generate.sh) on the IA-32 vCPU: AX and the defined flags must agree, one instruction per vector.
 */
class BcdVectorsTest {
    private static final Map<String, Integer> OPCODE = Map.of("daa", 0x27, "das", 0x2F, "aaa", 0x37, "aas", 0x3F,
            "aam", 0xD4, "aad", 0xD5);

    @Test
    void matchesTheHostCpu() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/conformance/native/bcd.vectors"));
        assertTrue(lines.size() > 10_000, "x86: too few BCD vectors");
        StringBuilder code = new StringBuilder();
        for (String line : lines) {
            String[] f = line.split(" ");
            code.append(String.format("%02x%02x", OPCODE.get(f[0]), Integer.parseInt(f[1], 16)));
        }
        List<String> failures = new ArrayList<>();
        try (Machine m = new Machine(new X86IsaProvider(), code.toString())) {
            int eax = m.reg("eax"), eip = m.reg("eip"), eflags = m.reg("eflags");
            long pc = Machine.CODE;
            for (String line : lines) {
                String[] f = line.split(" ");
                long ax = Long.parseLong(f[2], 16), fin = Long.parseLong(f[3], 16), axOut = Long.parseLong(f[4], 16);
                long flagsOut = Long.parseLong(f[5], 16), mask = Long.parseLong(f[6], 16);
                boolean oneByte = !f[0].startsWith("aa") || f[0].equals("aaa") || f[0].equals("aas");
                m.cpu.setRegister(eip, pc);
                m.cpu.setRegister(eax, ax);
                m.cpu.setRegister(eflags, fin);
                VcpuExit exit = m.cpu.run(1);
                long gotAx = m.cpu.register(eax) & 0xFFFF, gotFlags = m.cpu.register(eflags);
                if (exit != VcpuExit.BUDGET_SPENT || gotAx != axOut || ((gotFlags ^ flagsOut) & mask) != 0)
                    failures.add(String.format("x86 %s (%s%s) ax=%x flags in %x: expected ax=%x flags %x, got ax=%x flags %x (mask %x)%s",
                            f[0], String.format("%02x", OPCODE.get(f[0])), oneByte ? "" : " " + f[1], ax, fin, axOut, flagsOut,
                            gotAx, gotFlags & 0x8d5, mask, exit == VcpuExit.BUDGET_SPENT ? "" : " exit " + exit));
                pc += 2;
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + lines.size() + " BCD vectors differ:\n"
                + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
    }
}
