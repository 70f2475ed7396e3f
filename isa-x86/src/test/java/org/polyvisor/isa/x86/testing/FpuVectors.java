package org.polyvisor.isa.x86.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * Replays the host-CPU vectors of conformance/native/x87.vectors and sse.vectors (made by fpu.c through its
 * generate.sh) on a vCPU, the way fpu.c ran them: the input FXSAVE image goes to memory, then the guest runs
 * {@code fxrstor (%ebx); <instruction>; fxsave 0x200(%ebx); hlt} with eAX, EFLAGS and the 16-byte memory operand at
 * eDX set from the vector, and every output field must match: FCW, FSW, the abridged tag, MXCSR, ST0-ST2, XMM0,
 * XMM1, eAX (its low 32 bits on IA-32), the arithmetic flags and the memory operand. Vectors whose encoding has a
 * REX prefix run only on a 64-bit vCPU.
 */
public final class FpuVectors {
    private FpuVectors() { }

    private static final long CTX = 0x4000, OUT = CTX + 0x200, MEM = CTX + 0x410;

    public static void check(IsaProvider isa, Path file) throws IOException {
        boolean longMode = isa.wordBits() == 64;
        List<String> failures = new ArrayList<>();
        int run = 0;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            String[] t = line.trim().split(" ");
            String name = t[0], bytes = t[1];
            if (!longMode && hasRex(bytes)) continue;
            run++;
            String problem = runOne(isa, longMode, t);
            if (problem != null && failures.size() < 25) failures.add(name + " " + bytes + ": " + problem + "\n    vector: " + line);
            else if (problem != null) failures.add("");
        }
        assertTrue(run > 0, isa.id() + ": no vectors in " + file);
        if (!failures.isEmpty()) {
            fail(isa.id() + ": " + failures.size() + " of " + run + " vectors of " + file.getFileName() + " differ:\n"
                    + String.join("\n", failures.stream().filter(s -> !s.isEmpty()).toList()));
        }
    }

    /** True when the encoding has a REX prefix after its legacy prefixes. */
    private static boolean hasRex(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        int i = 0;
        while (i < b.length && (b[i] == 0x66 || b[i] == (byte) 0xF2 || b[i] == (byte) 0xF3)) i++;
        return i < b.length && (b[i] & 0xF0) == 0x40;
    }

    private static String runOne(IsaProvider isa, boolean longMode, String[] t) {
        // t: name bytes fcw fsw ftw mxcsr st0 st1 xmm0 xmm1 rax rflags mem => fcw fsw ftw mxcsr st0 st1 st2 xmm0 xmm1 rax rflags mem
        try (Machine m = new Machine(isa, "0fae0b" + t[1] + "0fae8300020000f4")) {
            byte[] in = new byte[512];
            put(in, 0, t[2]);
            put(in, 2, t[3]);
            put(in, 4, t[4]);
            put(in, 24, t[5]);
            put(in, 28, "0000ffff");
            put(in, 32, t[6]);
            put(in, 48, t[7]);
            put(in, 160, t[8]);
            put(in, 176, t[9]);
            m.memory.load(CTX, in);
            m.memory.load(MEM, reverse(HexFormat.of().parseHex(t[12])));
            String ax = longMode ? "rax" : "eax", bx = longMode ? "rbx" : "ebx", dx = longMode ? "rdx" : "edx";
            long rax = Long.parseUnsignedLong(t[10], 16);
            m.cpu.setRegister(m.reg(ax), longMode ? rax : rax & 0xFFFF_FFFFL);
            m.cpu.setRegister(m.reg(bx), CTX);
            m.cpu.setRegister(m.reg(dx), MEM);
            m.cpu.setRegister(m.reg(longMode ? "rflags" : "eflags"), Long.parseUnsignedLong(t[11], 16));
            VcpuExit exit = m.cpu.run(10);
            if (exit != VcpuExit.HALT) return "ended with " + exit + " instead of hlt";
            StringBuilder diff = new StringBuilder();
            compare(diff, "fcw", t[14], hex(m, OUT, 2));
            compare(diff, "fsw", t[15], hex(m, OUT + 2, 2));
            compare(diff, "ftw", t[16], hex(m, OUT + 4, 1));
            compare(diff, "mxcsr", t[17], hex(m, OUT + 24, 4));
            for (int i = 0; i < 3; i++) compare(diff, "st" + i, t[18 + i], hex(m, OUT + 32 + 16 * i, 10));
            compare(diff, "xmm0", t[21], hex(m, OUT + 160, 16));
            compare(diff, "xmm1", t[22], hex(m, OUT + 176, 16));
            long axOut = m.cpu.register(m.reg(ax)), axWant = Long.parseUnsignedLong(t[23], 16);
            if (!longMode) axWant &= 0xFFFF_FFFFL;
            compare(diff, "rax", Long.toHexString(axWant), Long.toHexString(axOut));
            long flags = m.cpu.register(m.reg(longMode ? "rflags" : "eflags")) & 0x8D5;
            compare(diff, "flags", Long.toHexString(Long.parseUnsignedLong(t[24], 16) & 0x8D5), Long.toHexString(flags));
            compare(diff, "mem", t[25], hex(m, MEM, 16));
            return diff.length() == 0 ? null : diff.toString();
        }
    }

    private static void compare(StringBuilder diff, String field, String expected, String actual) {
        if (!expected.equalsIgnoreCase(actual)) diff.append(field).append(" expected ").append(expected).append(" actual ").append(actual).append("; ");
    }

    /** Places the big-endian hex {@code hex} (most significant byte first) little-endian at {@code at}. */
    private static void put(byte[] b, int at, String hex) {
        byte[] v = reverse(HexFormat.of().parseHex(hex));
        System.arraycopy(v, 0, b, at, v.length);
    }

    private static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) r[i] = b[b.length - 1 - i];
        return r;
    }

    private static String hex(Machine m, long address, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = n - 1; i >= 0; i--) s.append(String.format("%02x", m.memory.read(address + i, 1) & 0xFF));
        return s.toString();
    }
}
