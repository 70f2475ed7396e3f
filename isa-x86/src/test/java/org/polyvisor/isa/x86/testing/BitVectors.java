package org.polyvisor.isa.x86.testing;

import static org.polyvisor.isa.x86.testing.VectorReplay.hex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.polyvisor.spi.IsaProvider;

/**
 * Replays the host-CPU vectors of conformance/native/bits.vectors (bits.c, made by generate.sh) on a vCPU: SHLD and
 * SHRD by CL (destination eAX/rAX, source eBX/rBX, count in CL) and POPCNT and LZCNT (eAX/rAX from eBX/rBX). Each
 * must give the vector's result and all six arithmetic flags, the ones the SDM leaves undefined included.
 */
public final class BitVectors {
    private BitVectors() { }

    /** The encodings at 32 bits, mod=3 reg=ebx rm=eax (shifts) or reg=eax rm=ebx (counts). */
    private static final Map<String, String> CODE = Map.of("shld", "0fa5d8", "shrd", "0fadd8", "popcnt", "f30fb8c3",
            "lzcnt", "f30fbdc3");
    private static final long ARITH = 0x8d5;

    private record Vector(String op, int size, long a, long b, long count, long flagsIn, long result, long flagsOut) { }

    public static void check(IsaProvider isa, Path file) throws IOException {
        String p = VectorReplay.prefix(isa);
        VectorReplay.replay(isa, "bit vectors", VectorReplay.read(isa, file, f -> new Vector(f[0], Integer.parseInt(f[1]),
                hex(f[2]), hex(f[3]), hex(f[4]), hex(f[5]), hex(f[6]), hex(f[7]))), 1000, 1, new VectorReplay.Replay<Vector>() {
            @Override public byte[] code(Vector v) { return encode(v); }

            @Override public void setUp(Machine m, Vector v) {
                m.cpu.setRegister(m.reg(p + "ax"), v.a());
                m.cpu.setRegister(m.reg(p + "bx"), v.b());
                m.cpu.setRegister(m.reg(p + "cx"), v.count());
                m.cpu.setRegister(m.reg(p + "flags"), v.flagsIn());
            }

            @Override public String mismatch(Machine m, Vector v) {
                long mask = v.size() == 8 ? -1L : (1L << (8 * v.size())) - 1;
                long result = m.cpu.register(m.reg(p + "ax")) & mask, flags = m.cpu.register(m.reg(p + "flags")) & ARITH;
                return result == v.result() && flags == v.flagsOut() ? null
                        : String.format("%s: expected %x flags %x, got %x flags %x", describe(v), v.result(), v.flagsOut(), result, flags);
            }

            @Override public String describe(Vector v) {
                return String.format("%s%d a=%x b=%x count=%x flags in %x", v.op(), v.size() * 8, v.a(), v.b(), v.count(), v.flagsIn());
            }
        });
    }

    /** The 32-bit encoding with 66 (16 bits) or REX.W (64 bits) after any mandatory F3. */
    private static byte[] encode(Vector v) {
        byte[] base = HexFormat.of().parseHex(CODE.get(v.op()));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int i = 0;
        if (v.size() == 2) b.write(0x66);
        if (base[0] == (byte) 0xF3) b.write(base[i++]);
        if (v.size() == 8) b.write(0x48);
        b.write(base, i, base.length - i);
        return b.toByteArray();
    }
}
