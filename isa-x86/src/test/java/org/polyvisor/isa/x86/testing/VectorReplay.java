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
import java.util.function.Function;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * The loop every host-CPU vector file shares: each vector's instructions are assembled into a 16-byte slot of one
 * code page, and for each vector the vCPU's IP is set to its slot, the vector sets up registers and memory, the vCPU
 * runs the slot's instructions, and the vector compares what it finds. All disagreements are reported together,
 * each naming the ISA, the vector and what differed.
 */
public final class VectorReplay {
    private VectorReplay() { }

    /** Bytes per vector in the code page: every vector's instructions fit, the rest is NOPs. */
    public static final int SLOT = 16;

    /** What one kind of vector does on the machine. */
    public interface Replay<V> {
        /** The vector's instructions (at most {@link #SLOT} bytes). */
        byte[] code(V v);

        /** Registers and memory before the run (the IP is already at the vector's slot). */
        void setUp(Machine m, V v);

        /** Null when the machine agrees with the vector after the run, else the vector and what differed. */
        String mismatch(Machine m, V v);

        /** The vector, for a report of a wrong exit. */
        String describe(V v);
    }

    /**
     * Reads a vector file: one vector a line, fields separated by single spaces, field 1 the operand size in bytes.
     * Vectors of 8-byte operands are left out for a 32-bit ISA.
     */
    public static <V> List<V> read(IsaProvider isa, Path file, Function<String[], V> parse) throws IOException {
        List<V> vectors = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split(" ");
            if (isa.wordBits() != 64 && f.length > 1 && f[1].equals("8")) continue;
            vectors.add(parse.apply(f));
        }
        return vectors;
    }

    /** Parses an unsigned hexadecimal field. */
    public static long hex(String field) { return Long.parseUnsignedLong(field, 16); }

    /** The "r" or "e" prefix of the ISA's general registers ("rax" or "eax"). */
    public static String prefix(IsaProvider isa) { return isa.wordBits() == 64 ? "r" : "e"; }

    /**
     * Runs every vector for {@code steps} instructions and fails with all disagreements; {@code what} names the
     * vectors in messages, and there must be more than {@code minimum} of them (a file cut short must not pass).
     */
    public static <V> void replay(IsaProvider isa, String what, List<V> vectors, int minimum, int steps, Replay<V> replay) {
        assertTrue(vectors.size() > minimum, isa.id() + ": too few " + what + " (" + vectors.size() + ")");
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        for (V v : vectors) {
            byte[] insn = replay.code(v);
            if (insn.length > SLOT) throw new IllegalArgumentException(replay.describe(v) + ": longer than a slot");
            code.write(insn, 0, insn.length);
            for (int i = insn.length; i < SLOT; i++) code.write(0x90);
        }
        List<String> failures = new ArrayList<>();
        try (Machine m = new Machine(isa, HexFormat.of().formatHex(code.toByteArray()))) {
            int ip = m.reg(prefix(isa) + "ip");
            long pc = Machine.CODE;
            for (V v : vectors) {
                m.cpu.setRegister(ip, pc);
                replay.setUp(m, v);
                VcpuExit exit = m.cpu.run(steps);
                String bad = exit != VcpuExit.BUDGET_SPENT ? replay.describe(v) + ": exit " + exit : replay.mismatch(m, v);
                if (bad != null) failures.add(isa.id() + " " + bad);
                pc += SLOT;
            }
        }
        if (!failures.isEmpty())
            fail(failures.size() + " of " + vectors.size() + " " + what + " differ from the host CPU:\n"
                    + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }
}
