package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * I2 mix, pack, unpack and I3 mux1 / I4 mux2, SDM rev 2.3 vol 3 mix, mux, pack, unpack: lanes of GR r2 (x) and
 * GR r3 (y) rearranged. mix.l / unpack.h take the odd (left) / high lanes, y's lane below x's; pack saturates the
 * lanes of x into the low half and those of y into the high half.
 */
public final class Permute extends Insn {
    public enum Op { MIX_L, MIX_R, UNPACK_H, UNPACK_L, PACK_SSS, PACK_USS, MUX1, MUX2 }

    /** mux1 permutations by mbtype4 (source byte of each result byte): @brcst 0, @mix 8, @shuf 9, @alt A, @rev B. */
    private static final int[][] MUX1 = new int[16][];
    private static final String[] MUX1_NAME = new String[16];

    static {
        MUX1[0x0] = new int[] {0, 0, 0, 0, 0, 0, 0, 0}; MUX1_NAME[0x0] = "@brcst";
        MUX1[0x8] = new int[] {0, 4, 2, 6, 1, 5, 3, 7}; MUX1_NAME[0x8] = "@mix";
        MUX1[0x9] = new int[] {0, 4, 1, 5, 2, 6, 3, 7}; MUX1_NAME[0x9] = "@shuf";
        MUX1[0xa] = new int[] {0, 2, 4, 6, 1, 3, 5, 7}; MUX1_NAME[0xa] = "@alt";
        MUX1[0xb] = new int[] {7, 6, 5, 4, 3, 2, 1, 0}; MUX1_NAME[0xb] = "@rev";
    }

    private final Op op;
    private final int bytes, r1, r2, r3, type;

    public Permute(long bits, Op op, int bytes) {
        super(bits);
        this.op = op;
        this.bytes = bytes;
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
        type = op == Op.MUX1 ? Fields.u(bits, 20, 4) : Fields.u(bits, 20, 8);
    }

    /** A mux1 with a defined mbtype4, or null (reserved encodings stay undefined). */
    public static Permute mux1(long bits) {
        return MUX1[Fields.u(bits, 20, 4)] == null ? null : new Permute(bits, Op.MUX1, 1);
    }

    @Override
    public int execute(CpuState c) {
        long x = c.gr(r2), y = op == Op.MUX1 || op == Op.MUX2 ? 0 : c.gr(r3), res = 0;
        int n = 8 / bytes;
        switch (op) {
            case MIX_L, MIX_R -> {
                int odd = op == Op.MIX_L ? 1 : 0;
                for (int i = 0; i < n; i += 2) {
                    res = Lanes.put(res, bytes, i, Lanes.u(y, bytes, i + odd));
                    res = Lanes.put(res, bytes, i + 1, Lanes.u(x, bytes, i + odd));
                }
            }
            case UNPACK_H, UNPACK_L -> {
                int from = op == Op.UNPACK_H ? n / 2 : 0;
                for (int i = 0; i < n / 2; i++) {
                    res = Lanes.put(res, bytes, 2 * i, Lanes.u(y, bytes, from + i));
                    res = Lanes.put(res, bytes, 2 * i + 1, Lanes.u(x, bytes, from + i));
                }
            }
            case PACK_SSS, PACK_USS -> {
                int half = bytes / 2, m = n;
                for (int i = 0; i < m; i++) {
                    long a = Lanes.s(x, bytes, i), b = Lanes.s(y, bytes, i);
                    boolean u = op == Op.PACK_USS;
                    res = Lanes.put(res, half, i, u ? Lanes.saturateUnsigned(a, half) : Lanes.saturateSigned(a, half));
                    res = Lanes.put(res, half, i + m, u ? Lanes.saturateUnsigned(b, half) : Lanes.saturateSigned(b, half));
                }
            }
            case MUX1 -> {
                int[] from = MUX1[type];
                for (int i = 0; i < 8; i++) res = Lanes.put(res, 1, i, Lanes.u(x, 1, from[i]));
            }
            case MUX2 -> {
                for (int i = 0; i < 4; i++) res = Lanes.put(res, 2, i, Lanes.u(x, 2, type >> 2 * i & 3));
            }
        }
        boolean nat = c.nat(r2) | (op != Op.MUX1 && op != Op.MUX2 && c.nat(r3));
        c.setGr(r1, res, nat);
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        String dst = " " + gr(r1) + "=" + gr(r2) + ",";
        return switch (op) {
            case MIX_L -> "mix" + bytes + ".l" + dst + gr(r3);
            case MIX_R -> "mix" + bytes + ".r" + dst + gr(r3);
            case UNPACK_H -> "unpack" + bytes + ".h" + dst + gr(r3);
            case UNPACK_L -> "unpack" + bytes + ".l" + dst + gr(r3);
            case PACK_SSS -> "pack" + bytes + ".sss" + dst + gr(r3);
            case PACK_USS -> "pack" + bytes + ".uss" + dst + gr(r3);
            case MUX1 -> "mux1" + dst + MUX1_NAME[type];
            case MUX2 -> "mux2" + dst + hex(type);
        };
    }
}
