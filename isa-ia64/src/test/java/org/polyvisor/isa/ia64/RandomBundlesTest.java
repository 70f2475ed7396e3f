package org.polyvisor.isa.ia64;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.ia64.disasm.Ia64Disassembler;
import org.polyvisor.spi.Disassembly;

/** Random bundles never throw out of the decoder, the disassembler or the run loop: guest errors are exits. */
class RandomBundlesTest {

    @Test
    void randomCodeEndsInExitsNotExceptions() {
        Random rnd = new Random(0x1a64);
        Ia64Disassembler dis = new Ia64Disassembler();
        for (int i = 0; i < 1000; i++) {
            byte[] code = new byte[64];
            rnd.nextBytes(code);
            // Bias towards known templates and major opcodes so that real instructions get exercised too.
            for (int b = 0; b < 64; b += 16) code[b] = (byte) ((code[b] & 0xe0) | rnd.nextInt(32));
            for (int b = 0; b < 64; b += 16) {
                Disassembly d = dis.disassemble(code, b, 0x1000 + b);
                assertEquals(16, d.length());
            }
            String hex = HexFormat.of().formatHex(code);
            try (Machine m = new Machine(hex)) {
                for (int r = 1; r < 128; r++) m.vcpu.setRegister(r, rnd.nextBoolean() ? rnd.nextLong() : rnd.nextInt(0x10000));
                assertDoesNotThrow(() -> m.vcpu.run(200), () -> "ia64 random bundles " + hex);
            }
        }
    }
}
