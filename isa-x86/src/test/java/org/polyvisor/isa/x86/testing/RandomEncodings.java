package org.polyvisor.isa.x86.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * Runs random encodings from the x87 and SSE opcode space (an escape or 0F byte with the mandatory prefixes, REX
 * in 64-bit mode, random ModRM/SIB/displacement/immediate bytes) on a fresh vCPU with random register contents:
 * whatever the bytes say, the vCPU must end with an exit (a guest-visible fault included), never a Java exception.
 * The seed is fixed, so a failure repeats.
 */
public final class RandomEncodings {
    private RandomEncodings() { }

    private static final int[] FIRST = {0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF, 0x0F, 0x0F, 0x0F, 0x0F, 0x9B};
    private static final int[] PREFIX = {-1, -1, 0x66, 0xF3, 0xF2, 0x66};

    public static void check(IsaProvider isa, int count, long seed) {
        boolean longMode = isa.wordBits() == 64;
        SplittableRandom random = new SplittableRandom(seed);
        int exits = 0;
        for (int i = 0; i < count; i++) {
            StringBuilder hex = new StringBuilder();
            int prefix = PREFIX[random.nextInt(PREFIX.length)];
            if (prefix >= 0) hex.append(String.format("%02x", prefix));
            if (longMode && random.nextInt(3) == 0) hex.append(String.format("%02x", 0x40 | random.nextInt(16)));
            int first = FIRST[random.nextInt(FIRST.length)];
            hex.append(String.format("%02x", first));
            for (int k = 0; k < 14; k++) hex.append(String.format("%02x", random.nextInt(256)));
            try (Machine m = new Machine(isa, hex.toString())) {
                String[] regs = longMode ? new String[] {"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp"}
                        : new String[] {"eax", "ebx", "ecx", "edx", "esi", "edi", "ebp"};
                for (String r : regs) m.cpu.setRegister(m.reg(r), random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(0x10_0000));
                VcpuExit exit;
                try {
                    exit = m.cpu.run(3);
                } catch (RuntimeException e) {
                    fail(isa.id() + ": " + HexFormat.of().formatHex(HexFormat.of().parseHex(hex.toString())) + " threw " + e, e);
                    return;
                }
                if (exit != null) exits++;
            }
        }
        assertTrue(exits == count, isa.id() + ": every run ends with an exit");
    }
}
