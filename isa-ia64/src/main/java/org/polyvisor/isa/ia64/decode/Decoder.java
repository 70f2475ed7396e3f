package org.polyvisor.isa.ia64.decode;

import org.polyvisor.isa.ia64.insn.Insn;
import org.polyvisor.isa.ia64.insn.Undefined;

/**
 * Splits a 128-bit bundle (little-endian: template in bits 0-4, slots at 5, 46 and 87) and decodes each slot
 * through {@link SlotTable} with the unit its template gives it. Reserved templates decode to three undefined slots.
 */
public final class Decoder {
    public static final long SLOT_MASK = (1L << 41) - 1;

    private final SlotTable table = SlotTable.INSTANCE;

    public static long slot0(long lo) { return (lo >>> 5) & SLOT_MASK; }

    public static long slot1(long lo, long hi) { return ((lo >>> 46) | (hi << 18)) & SLOT_MASK; }

    public static long slot2(long hi) { return (hi >>> 23) & SLOT_MASK; }

    /** Decodes the bundle whose low and high 64 bits are {@code lo} and {@code hi}. */
    public DecodedBundle decode(long lo, long hi) {
        Template t = Template.of((int) lo);
        long[] raw = {slot0(lo), slot1(lo, hi), slot2(hi)};
        Insn[] slots = new Insn[3];
        if (t.reserved()) {
            for (int k = 0; k < 3; k++) slots[k] = new Undefined(raw[k], k, 1);
            return new DecodedBundle(t, slots);
        }
        for (int k = 0; k < 3; k++) {
            Unit u = t.units()[k];
            if (u == Unit.L) {
                // L+X: the X slot (2) holds the opcode, the L slot (1) the long immediate.
                Insn x = table.decode(Unit.X, raw[2], raw[1]);
                slots[1] = x != null ? x : new Undefined(raw[2], 1, 2);
                break;
            }
            Insn in = table.decode(u, raw[k], 0);
            slots[k] = in != null ? in : new Undefined(raw[k], k, 1);
        }
        return new DecodedBundle(t, slots);
    }

    /** Decodes the 16 bytes at {@code code[offset]}. */
    public DecodedBundle decode(byte[] code, int offset) {
        long lo = 0, hi = 0;
        for (int i = 7; i >= 0; i--) {
            lo = lo << 8 | (code[offset + i] & 0xff);
            hi = hi << 8 | (code[offset + 8 + i] & 0xff);
        }
        return decode(lo, hi);
    }
}
