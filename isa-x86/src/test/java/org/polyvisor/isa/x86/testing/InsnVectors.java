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
        boolean longMode = isa.wordBits() == 64;
        List<Vector> vectors = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split(" ");
            int size = Integer.parseInt(f[1]);
            if (size == 8 && !longMode) continue;
            vectors.add(new Vector(f[0], size, hex(f[2]), hex(f[3]), hex(f[4]), hex(f[5]), hex(f[6]), hex(f[7]), hex(f[8]), hex(f[9])));
        }
        assertTrue(vectors.size() > 2000, isa.id() + ": too few instruction vectors");
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        for (Vector v : vectors) {
            byte[] insn = HexFormat.of().parseHex(CODE.get(v.op())[index(v.size())]);
            code.write(insn, 0, insn.length);
            for (int i = insn.length; i < 16; i++) code.write(0x90);
        }
        List<String> failures = new ArrayList<>();
        String p = longMode ? "r" : "e";
        String ax = p + "ax", bx = p + "bx", cx = p + "cx", si = p + "si", ip = p + "ip", flags = p + "flags";
        long regMask = longMode ? -1L : 0xFFFF_FFFFL;
        try (Machine m = new Machine(isa, HexFormat.of().formatHex(code.toByteArray()))) {
            long pc = Machine.CODE;
            for (Vector v : vectors) {
                boolean xlat = v.op().equals("xlat"), store = v.op().equals("movbes");
                m.cpu.setRegister(m.reg(ip), pc);
                m.cpu.setRegister(m.reg(ax), v.a() & regMask);
                m.cpu.setRegister(m.reg(bx), xlat ? TABLE : v.b() & regMask);
                m.cpu.setRegister(m.reg(cx), v.c() & regMask);
                m.cpu.setRegister(m.reg(si), TABLE);
                m.cpu.setRegister(m.reg(flags), v.flagsIn());
                m.memory.write(TABLE, 8, xlat ? 0 : v.b());
                if (xlat) m.memory.write(TABLE + (v.a() & 0xFF), 1, v.b());
                VcpuExit exit = m.cpu.run(1);
                long ra = m.cpu.register(m.reg(ax)), rc = m.cpu.register(m.reg(cx));
                long rb = store ? m.memory.read(TABLE, v.size()) : xlat ? v.b() : m.cpu.register(m.reg(bx));
                long gotFlags = m.cpu.register(m.reg(flags)) & ARITH;
                if (exit != VcpuExit.BUDGET_SPENT || ra != (v.ra() & regMask) || rb != (v.rb() & regMask) || rc != (v.rc() & regMask)
                        || gotFlags != v.flagsOut())
                    failures.add(String.format("%s %s%d a=%x b=%x c=%x flags in %x: expected %x %x %x flags %x, got %x %x %x flags %x%s",
                            isa.id(), v.op(), v.size() * 8, v.a(), v.b(), v.c(), v.flagsIn(), v.ra() & regMask, v.rb() & regMask,
                            v.rc() & regMask, v.flagsOut(), ra, rb, rc, gotFlags, exit == VcpuExit.BUDGET_SPENT ? "" : " exit " + exit));
                pc += 16;
            }
        }
        if (!failures.isEmpty())
            fail(failures.size() + " of " + vectors.size() + " vectors differ from the host CPU:\n"
                    + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    private static long hex(String s) { return Long.parseUnsignedLong(s, 16); }
}
