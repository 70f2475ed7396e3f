package org.polyvisor.isa.ia64.insn;

/** Field extraction and immediate assembly for 41-bit slots (SDM vol 3, 4: "Instruction Formats"). */
public final class Fields {
    private Fields() { }

    public static int u(long slot, int pos, int len) {
        return (int) ((slot >>> pos) & ((1L << len) - 1));
    }

    public static int r1(long s) { return u(s, 6, 7); }

    public static int r2(long s) { return u(s, 13, 7); }

    public static int r3(long s) { return u(s, 20, 7); }

    public static int p1(long s) { return u(s, 6, 6); }

    public static int p2(long s) { return u(s, 27, 6); }

    /** imm8 = sign-extend(s[36] : imm7b[13..19]) (A3, A8, I13, I27). */
    public static long imm8(long s) {
        return u(s, 13, 7) - ((s >>> 36 & 1) << 7);
    }

    /** imm14 = sign-extend(s[36] : imm6d[27..32] : imm7b[13..19]) (A4 adds). */
    public static long imm14(long s) {
        return (u(s, 13, 7) | u(s, 27, 6) << 7) - ((s >>> 36 & 1) << 13);
    }

    /** imm22 = sign-extend(s[36] : imm5c[22..26] : imm9d[27..35] : imm7b[13..19]) (A5 addl). */
    public static long imm22(long s) {
        return (u(s, 13, 7) | u(s, 27, 9) << 7 | u(s, 22, 5) << 16) - ((s >>> 36 & 1) << 21);
    }

    /** imm9 of M3 post-increment loads: sign-extend(s[36] : i[27] : imm7b[13..19]). */
    public static long imm9Load(long s) {
        return (u(s, 13, 7) | u(s, 27, 1) << 7) - ((s >>> 36 & 1) << 8);
    }

    /** imm9 of M5 post-increment stores: sign-extend(s[36] : i[27] : imm7a[6..12]). */
    public static long imm9Store(long s) {
        return (u(s, 6, 7) | u(s, 27, 1) << 7) - ((s >>> 36 & 1) << 8);
    }

    /** imm21 of nop/break on M, I, B, F: i[36] : imm20a[6..25]. */
    public static long imm21(long s) {
        return u(s, 6, 20) | (s >>> 36 & 1) << 20;
    }

    /** IP-relative displacement of B1/B3: sign-extend(s[36] : imm20b[13..32]) << 4. */
    public static long disp25(long s) {
        return ((long) u(s, 13, 20) - ((s >>> 36 & 1) << 20)) << 4;
    }

    /** Branch hint suffix: wh[33..34], p[12], d[35] (".sptk.few", ".dpnt.many.clr"). */
    public static String hint(long s) {
        String wh = switch (u(s, 33, 2)) { case 0 -> "sptk"; case 1 -> "spnt"; case 2 -> "dptk"; default -> "dpnt"; };
        return "." + wh + (u(s, 12, 1) != 0 ? ".many" : ".few") + (u(s, 35, 1) != 0 ? ".clr" : "");
    }

    /** objdump drops "cond.sptk" from an unpredicated br.cond (the "br" pseudo-op). */
    public static String condHint(long s, int qp) {
        if (qp == 0 && u(s, 33, 2) == 0) return (u(s, 12, 1) != 0 ? ".many" : ".few") + (u(s, 35, 1) != 0 ? ".clr" : "");
        return ".cond" + hint(s);
    }
}
