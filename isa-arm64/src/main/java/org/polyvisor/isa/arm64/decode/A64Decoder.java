package org.polyvisor.isa.arm64.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a 32-bit encoding into an {@link Insn} through the pattern table of {@link A64Patterns}. At start-up the
 * table is split by the top-level {@code op0} field (bits 28:25, Arm ARM C4.1), so a decode is one array index and
 * a linear match over the few patterns of that group. Stateless and thread-safe.
 */
public final class A64Decoder {
    private static final int OP0_SHIFT = 25, OP0_MASK = 0xF;

    private final Pattern[][] byOp0 = new Pattern[16][];

    public A64Decoder() { this(A64Patterns.all()); }

    A64Decoder(List<Pattern> table) {
        for (int op0 = 0; op0 < 16; op0++) {
            List<Pattern> group = new ArrayList<>();
            for (Pattern p : table) {
                int m = (p.mask() >>> OP0_SHIFT) & OP0_MASK;
                if ((((p.match() >>> OP0_SHIFT) & OP0_MASK) & m) == (op0 & m)) group.add(p);
            }
            byOp0[op0] = group.toArray(Pattern[]::new);
        }
    }

    /** The decoded instruction; {@link Op#UNDEFINED} when no pattern matches or the fields are unallocated. */
    public Insn decode(int raw) {
        for (Pattern p : byOp0[(raw >>> OP0_SHIFT) & OP0_MASK]) {
            if ((raw & p.mask()) != p.match()) continue;
            Insn insn = new Insn(p.op(), raw);
            return p.fields().extract(raw, insn) ? insn : new Insn(Op.UNDEFINED, raw);
        }
        return new Insn(Op.UNDEFINED, raw);
    }
}
