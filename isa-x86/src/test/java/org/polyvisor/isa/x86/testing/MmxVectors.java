package org.polyvisor.isa.x86.testing;

import static org.polyvisor.isa.x86.testing.VectorReplay.hex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import org.polyvisor.spi.IsaProvider;

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
        String p = VectorReplay.prefix(isa);
        // MMX vectors carry no operand size: field 1 is the encoding, never "8", so none is left out at 32 bits.
        VectorReplay.replay(isa, "MMX vectors", VectorReplay.read(isa, file, f -> new Vector(f[0], f[1], hex(f[2]), hex(f[3]),
                hex(f[4]))), 2000, 4, new VectorReplay.Replay<Vector>() {
            @Override public byte[] code(Vector v) { return HexFormat.of().parseHex("0f6f06" + "0f6f4e08" + v.code() + "0f7f07"); }

            @Override public void setUp(Machine m, Vector v) {
                m.cpu.setRegister(m.reg(p + "si"), OPERANDS);
                m.cpu.setRegister(m.reg(p + "di"), RESULT);
                m.memory.write(OPERANDS, 8, v.a());
                m.memory.write(OPERANDS + 8, 8, v.b());
                m.memory.write(RESULT, 8, 0);
            }

            @Override public String mismatch(Machine m, Vector v) {
                long got = m.memory.read(RESULT, 8);
                return got == v.result() ? null : String.format("%s: expected %x, got %x", describe(v), v.result(), got);
            }

            @Override public String describe(Vector v) { return String.format("%s a=%x b=%x", v.op(), v.a(), v.b()); }
        });
    }
}
