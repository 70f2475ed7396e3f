package org.polyvisor.isa.x86.testing;

import static org.polyvisor.isa.x86.testing.VectorReplay.hex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.polyvisor.spi.IsaProvider;

/**
 * Replays the host-CPU vectors of conformance/native/flags.vectors (made by its generate.sh) on a vCPU:
 * each vector becomes one instruction with the destination in eAX/rAX and the source in eBX/rBX (the count in
 * CL for shifts), runs with the vector's EFLAGS, and must give its result and its defined flags.
 */
public final class FlagVectors {
    private FlagVectors() { }

    /** ModRM /digit of the unary and shift groups, and the opcode of the binary forms (Ev,Gv). */
    private static final Map<String, Integer> BINARY = Map.of("add", 0x01, "adc", 0x11, "sub", 0x29, "sbb", 0x19,
            "cmp", 0x39, "and", 0x21, "or", 0x09, "xor", 0x31, "test", 0x85);
    private static final Map<String, Integer> SHIFT = Map.of("rol", 0, "ror", 1, "rcl", 2, "rcr", 3, "shl", 4, "shr", 5, "sar", 7);
    private static final Map<String, Integer> BIT_TEST = Map.of("bt", 0xA3, "bts", 0xAB, "btr", 0xB3, "btc", 0xBB);
    private static final Map<String, Integer> UNARY = Map.of("inc", 0, "dec", 1, "not", 2, "neg", 3);

    private record Vector(String op, int size, long a, long b, long flagsIn, long result, long flagsOut, long mask) { }

    public static void check(IsaProvider isa, Path file) throws IOException {
        String p = VectorReplay.prefix(isa);
        VectorReplay.replay(isa, "flag vectors", VectorReplay.read(isa, file, f -> new Vector(f[0], Integer.parseInt(f[1]),
                hex(f[2]), hex(f[3]), hex(f[4]), hex(f[5]), hex(f[6]), hex(f[7]))), 1000, 1, new VectorReplay.Replay<Vector>() {
            @Override public byte[] code(Vector v) { return encode(v); }

            @Override public void setUp(Machine m, Vector v) {
                m.cpu.setRegister(m.reg(p + "ax"), v.a());
                m.cpu.setRegister(m.reg(p + "bx"), v.b());
                m.cpu.setRegister(m.reg(p + "cx"), v.b());
                m.cpu.setRegister(m.reg(p + "flags"), v.flagsIn());
            }

            @Override public String mismatch(Machine m, Vector v) {
                long mask = v.size() == 8 ? -1L : (1L << (8 * v.size())) - 1;
                long result = m.cpu.register(m.reg(p + "ax")) & mask;
                long expected = v.op().equals("cmp") || v.op().equals("test") ? v.a() : v.result();
                long flags = m.cpu.register(m.reg(p + "flags"));
                return result == expected && ((flags ^ v.flagsOut()) & v.mask()) == 0 ? null
                        : String.format("%s: expected %x flags %x, got %x flags %x (mask %x)", describe(v), expected,
                                v.flagsOut(), result, flags & 0x8d5, v.mask());
            }

            @Override public String describe(Vector v) {
                return String.format("%s%d a=%x b=%x flags in %x", v.op(), v.size() * 8, v.a(), v.b(), v.flagsIn());
            }
        });
    }

    /** op %ebx,%eax / op %cl,%eax / op %eax / imul %ebx,%eax at the vector's size. */
    private static byte[] encode(Vector v) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (v.size() == 2) b.write(0x66);
        if (v.size() == 8) b.write(0x48);
        int w = v.size() == 1 ? 0 : 1;
        if (BINARY.containsKey(v.op())) {
            b.write(BINARY.get(v.op()) - 1 + w);
            b.write(0xD8);  // mod=3 reg=ebx rm=eax
        } else if (BIT_TEST.containsKey(v.op())) {
            b.write(0x0F);
            b.write(BIT_TEST.get(v.op()));
            b.write(0xD8);
        } else if (SHIFT.containsKey(v.op())) {
            b.write(0xD2 + w);
            b.write(0xC0 | SHIFT.get(v.op()) << 3);
        } else if (v.op().equals("inc") || v.op().equals("dec")) {
            b.write(0xFE + w);
            b.write(0xC0 | UNARY.get(v.op()) << 3);
        } else if (UNARY.containsKey(v.op())) {
            b.write(0xF6 + w);
            b.write(0xC0 | UNARY.get(v.op()) << 3);
        } else {  // imul %ebx,%eax
            b.write(0x0F);
            b.write(0xAF);
            b.write(0xC3);
        }
        return b.toByteArray();
    }
}
