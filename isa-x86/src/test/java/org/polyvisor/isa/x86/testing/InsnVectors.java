package org.polyvisor.isa.x86.testing;

import static org.polyvisor.isa.x86.testing.VectorReplay.hex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.polyvisor.spi.IsaProvider;

/**
 * Replays the host-CPU vectors of conformance/native/insns.vectors (insns.c, made by generate.sh) on a vCPU: BSF, BSR,
 * BSWAP, XADD, CMPXCHG, MOVBE (load and store), CRC32 and XLAT with eAX/rAX = a, eBX/rBX = b, eCX/rCX = c, each
 * giving the vector's three registers and all six arithmetic flags (undefined ones included). The memory operand
 * of MOVBE is at 0x80000 (eSI/rSI), XLAT's table too (eBX/rBX). On the IA-32 vCPU the 64-bit vectors are skipped
 * and registers compare in their low 32 bits; on x86_64 all 64 bits compare, so a 32-bit result's zero-extension
 * (or a destination left alone) counts too.
 */
public final class InsnVectors {
    private InsnVectors() { }

    /** The encoding of each op by operand size (the source's, for CRC32), with eAX, eBX, eCX as insns.c uses them. */
    private static final Map<String, String[]> CODE = Map.of(
            "bsf", new String[] {null, "660fbcc3", "0fbcc3", "480fbcc3"},
            "bsr", new String[] {null, "660fbdc3", "0fbdc3", "480fbdc3"},
            "bswap", new String[] {null, null, "0fc8", "480fc8"},
            "xadd", new String[] {"0fc0d8", "660fc1d8", "0fc1d8", "480fc1d8"},
            "cmpxchg", new String[] {"0fb0d9", "660fb1d9", "0fb1d9", "480fb1d9"},
            "movbe", new String[] {null, "660f38f006", "0f38f006", "480f38f006"},
            "movbes", new String[] {null, "660f38f106", "0f38f106", "480f38f106"},
            "crc32", new String[] {"f20f38f0c3", "66f20f38f1c3", "f20f38f1c3", "f2480f38f1c3"},
            "xlat", new String[] {"d7", null, null, null});
    private static final long ARITH = 0x8d5, TABLE = 0x80000;  // past the code (16 bytes a vector from 0x1000)

    private record Vector(String op, int size, long a, long b, long c, long flagsIn, long ra, long rb, long rc, long flagsOut) { }

    private static int index(int size) { return Integer.numberOfTrailingZeros(size); }

    public static void check(IsaProvider isa, Path file) throws IOException {
        String p = VectorReplay.prefix(isa);
        long regMask = isa.wordBits() == 64 ? -1L : 0xFFFF_FFFFL;
        VectorReplay.replay(isa, "instruction vectors", VectorReplay.read(isa, file, f -> new Vector(f[0], Integer.parseInt(f[1]),
                hex(f[2]), hex(f[3]), hex(f[4]), hex(f[5]), hex(f[6]), hex(f[7]), hex(f[8]), hex(f[9]))), 2000, 1,
                new VectorReplay.Replay<Vector>() {
            @Override public byte[] code(Vector v) { return HexFormat.of().parseHex(CODE.get(v.op())[index(v.size())]); }

            @Override public void setUp(Machine m, Vector v) {
                boolean xlat = v.op().equals("xlat");
                m.cpu.setRegister(m.reg(p + "ax"), v.a() & regMask);
                m.cpu.setRegister(m.reg(p + "bx"), xlat ? TABLE : v.b() & regMask);
                m.cpu.setRegister(m.reg(p + "cx"), v.c() & regMask);
                m.cpu.setRegister(m.reg(p + "si"), TABLE);
                m.cpu.setRegister(m.reg(p + "flags"), v.flagsIn());
                m.memory.write(TABLE, 8, xlat ? 0 : v.b());
                if (xlat) m.memory.write(TABLE + (v.a() & 0xFF), 1, v.b());
            }

            @Override public String mismatch(Machine m, Vector v) {
                boolean xlat = v.op().equals("xlat"), store = v.op().equals("movbes");
                long ra = m.cpu.register(m.reg(p + "ax")), rc = m.cpu.register(m.reg(p + "cx"));
                long rb = store ? m.memory.read(TABLE, v.size()) : xlat ? v.b() : m.cpu.register(m.reg(p + "bx"));
                long flags = m.cpu.register(m.reg(p + "flags")) & ARITH;
                if (ra == (v.ra() & regMask) && rb == (v.rb() & regMask) && rc == (v.rc() & regMask) && flags == v.flagsOut())
                    return null;
                return String.format("%s: expected %x %x %x flags %x, got %x %x %x flags %x", describe(v), v.ra() & regMask,
                        v.rb() & regMask, v.rc() & regMask, v.flagsOut(), ra, rb, rc, flags);
            }

            @Override public String describe(Vector v) {
                return String.format("%s%d a=%x b=%x c=%x flags in %x", v.op(), v.size() * 8, v.a(), v.b(), v.c(), v.flagsIn());
            }
        });
    }
}
