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
        boolean longMode = isa.wordBits() == 64;
        List<Vector> vectors = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split(" ");
            int size = Integer.parseInt(f[1]);
            if (size == 8 && !longMode) continue;
            vectors.add(new Vector(f[0], size, hex(f[2]), hex(f[3]), hex(f[4]), hex(f[5]), hex(f[6]), hex(f[7])));
        }
        assertTrue(vectors.size() > 1000, isa.id() + ": too few bit vectors");
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        for (Vector v : vectors) {
            byte[] insn = encode(v);
            code.write(insn, 0, insn.length);
            for (int i = insn.length; i < 16; i++) code.write(0x90);
        }
        List<String> failures = new ArrayList<>();
        String ax = longMode ? "rax" : "eax", bx = longMode ? "rbx" : "ebx", cx = longMode ? "rcx" : "ecx";
        String ip = longMode ? "rip" : "eip", flags = longMode ? "rflags" : "eflags";
        try (Machine m = new Machine(isa, HexFormat.of().formatHex(code.toByteArray()))) {
            long pc = Machine.CODE;
            for (Vector v : vectors) {
                m.cpu.setRegister(m.reg(ip), pc);
                m.cpu.setRegister(m.reg(ax), v.a());
                m.cpu.setRegister(m.reg(bx), v.b());
                m.cpu.setRegister(m.reg(cx), v.count());
                m.cpu.setRegister(m.reg(flags), v.flagsIn());
                VcpuExit exit = m.cpu.run(1);
                long mask = v.size() == 8 ? -1L : (1L << (8 * v.size())) - 1;
                long result = m.cpu.register(m.reg(ax)) & mask;
                long gotFlags = m.cpu.register(m.reg(flags)) & ARITH;
                if (exit != VcpuExit.BUDGET_SPENT || result != v.result() || gotFlags != v.flagsOut())
                    failures.add(String.format("%s %s%d a=%x b=%x count=%x flags in %x: expected %x flags %x, got %x flags %x%s",
                            isa.id(), v.op(), v.size() * 8, v.a(), v.b(), v.count(), v.flagsIn(), v.result(), v.flagsOut(),
                            result, gotFlags, exit == VcpuExit.BUDGET_SPENT ? "" : " exit " + exit));
                pc += 16;
            }
        }
        if (!failures.isEmpty())
            fail(failures.size() + " of " + vectors.size() + " vectors differ from the host CPU:\n"
                    + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    private static long hex(String s) { return Long.parseUnsignedLong(s, 16); }

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
