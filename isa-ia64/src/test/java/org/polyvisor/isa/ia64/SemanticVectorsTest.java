package org.polyvisor.isa.ia64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.spi.VcpuExit;

/**
 * The semantics tables in conformance/semantics, each written by its generator from the SDM sections every line
 * cites (there is no QEMU for ia64): rse.vectors (register stack engine), rotation.vectors (register rotation
 * and modulo-scheduled loops), interruption.vectors (IVT delivery, rfi, bsw, cover/IFS, timer, external
 * interrupts), translation.vectors (region registers, TLBs, VHPT walker, translation faults) and alat.vectors
 * (data speculation: ld.a, ld.c, chk.a, invala) and nat.vectors (NaT bits and control speculation: ld.s, ld.sa,
 * chk.s, NaT propagation and consumption, ld8.fill / st8.spill with ar.unat, NaT collections), fp.vectors (the floating-point unit: fma and its
 * pseudo-ops in every computation model, conversions, compares, classes, frcpa/frsqrta special operands, transfers,
 * loads and stores, status-field control; expected values from fp_model.py) and fpdiv.vectors (the frcpa-based
 * integer division sequence against exact quotients) and bits.vectors (dep, parallel tbit / tnat) and multimedia.vectors (the parallel integer forms, czx, popcnt, shrp, addp4, shladdp4, lfetch) and protection_key.vectors (pkr moves, PSR.pk, Key Miss / Key Permission faults and
 * their priority). Runs each program through the Vcpu interface and compares
 * registers, memory words and the exit with what the manual prescribes.
 */
class SemanticVectorsTest {
    private static final String[] TABLES = {"rse", "rotation", "interruption", "translation", "alat", "nat", "fp", "fpdiv", "bits", "multimedia", "protection_key"};

    record Vector(String table, String name, String section, String hex, String presets, String expected) {
        @Override public String toString() { return table + ": " + name; }
    }

    static Stream<Arguments> vectors() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String table : TABLES) {
            int n = 0;
            try (InputStream in = SemanticVectorsTest.class.getResourceAsStream("/conformance/semantics/" + table + ".vectors")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    String[] f = line.split(" \\| ");
                    out.add(Arguments.of(new Vector(table, f[0], f[1], f[2], f[3], f[4])));
                    n++;
                }
            }
            assertTrue(n >= 14, table + " vectors present");
        }
        return out.stream();
    }

    static long value(String s) {
        s = s.strip();
        if (s.startsWith("-")) return -value(s.substring(1));
        return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
    }

    @ParameterizedTest(name = "ia64 {0}")
    @MethodSource("vectors")
    void matchesTheManual(Vector v) {
        try (Machine m = new Machine(v.hex())) {
            for (String p : v.presets().split(";")) {
                if (p.isBlank()) continue;
                String[] kv = p.split("=", 2);
                if (kv[0].startsWith("mem[")) m.memory.write(value(kv[0].substring(4, kv[0].length() - 1)), 8, value(kv[1]));
                else if (kv[0].startsWith("code@")) m.load(value(kv[0].substring(5)), kv[1]);
                else if (kv[0].equals("irq")) m.vcpu.raiseInterrupt((int) value(kv[1]));
                else if (kv[0].equals("clock")) m.now[0] = value(kv[1]);
                else m.set(kv[0], value(kv[1]));
            }
            VcpuExit exit = m.vcpu.run(10_000);
            List<String> wrong = new ArrayList<>();
            for (String e : v.expected().split(";")) {
                String[] kv = e.split("=", 2);
                String what = kv[0];
                String want = kv[1];
                String got;
                if (what.equals("exit")) got = exit == VcpuExit.HYPERCALL ? "hypercall" : exit.toString();
                else if (what.equals("fault")) got = exit instanceof VcpuExit.Fault f ? f.reason() : exit.toString();
                else {
                    long actual = what.startsWith("mem[") ? m.memory.read(value(what.substring(4, what.length() - 1)), 8) : m.get(what);
                    got = "0x" + Long.toHexString(actual);
                    want = "0x" + Long.toHexString(value(want));
                }
                if (!want.equals(got)) wrong.add(what + ": expected " + want + ", actual " + got);
            }
            if (!wrong.isEmpty())
                fail("ia64 " + v.table() + " vector \"" + v.name() + "\" (SDM " + v.section() + "), code " + v.hex() + ":\n  " + String.join("\n  ", wrong));
            assertEquals(List.of(), wrong);
        }
    }
}
