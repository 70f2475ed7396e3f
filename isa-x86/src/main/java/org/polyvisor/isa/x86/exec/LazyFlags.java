package org.polyvisor.isa.x86.exec;

/**
 * EFLAGS with the arithmetic flags (CF PF AF ZF SF OF) kept lazily: the last flag-setting operation stores its
 * kind, operands, result and size, and a flag is computed only when something reads it (Bochs and QEMU do the
 * same). Other bits (IF, DF, the reserved bit 1) live in {@link #rest}.
 */
public final class LazyFlags {
    public static final int CF = 1, PF = 1 << 2, AF = 1 << 4, ZF = 1 << 6, SF = 1 << 7, TF = 1 << 8, IF = 1 << 9,
            DF = 1 << 10, OF = 1 << 11, IOPL = 3 << 12, VM = 1 << 17, AC = 1 << 18;
    public static final int ARITH = CF | PF | AF | ZF | SF | OF;

    /** Kinds of the last flag-setting operation. */
    public static final int EAGER = 0, ADD = 1, ADC = 2, SUB = 3, SBB = 4, LOGIC = 5, INC = 6, DEC = 7;

    private int kind = EAGER;
    private int bits = 32;
    private long a, b, res;
    /** For EAGER: the arithmetic flags; for INC/DEC: the carry flag they keep. */
    private long eager;
    /** The non-arithmetic bits, always with bit 1 set. */
    private long rest = 2;

    public void set(int kind, int size, long a, long b, long res) {
        this.kind = kind; this.bits = size * 8; this.a = a; this.b = b; this.res = res;
    }

    /** INC/DEC keep CF: it is captured before the new operation replaces the old one. */
    public void setKeepCarry(int kind, int size, long a, long res) {
        long cf = cf() ? CF : 0;
        set(kind, size, a, 1, res);
        eager = cf;
    }

    /** Sets the arithmetic flags outright (shifts, rotates, IMUL compute theirs directly). */
    public void setEager(long flags) {
        kind = EAGER;
        eager = flags & ARITH;
    }

    private long mask() { return bits == 64 ? -1L : (1L << bits) - 1; }

    private long sign() { return 1L << (bits - 1); }

    public boolean cf() {
        long m = mask();
        return switch (kind) {
            case ADD -> Long.compareUnsigned(res & m, a & m) < 0;
            case ADC -> Long.compareUnsigned(res & m, a & m) < 0 || ((eager & CF) != 0 && (res & m) == (a & m));
            case SUB -> Long.compareUnsigned(a & m, b & m) < 0;
            case SBB -> Long.compareUnsigned(a & m, b & m) < 0 || ((eager & CF) != 0 && (a & m) == (b & m));
            case LOGIC -> false;
            default -> (eager & CF) != 0;  // EAGER, INC, DEC
        };
    }

    public boolean zf() { return kind == EAGER ? (eager & ZF) != 0 : (res & mask()) == 0; }

    public boolean sf() { return kind == EAGER ? (eager & SF) != 0 : (res & sign()) != 0; }

    public boolean of() {
        long s = sign();
        return switch (kind) {
            case ADD, ADC, INC -> ((a ^ res) & (b ^ res) & s) != 0;
            case SUB, SBB, DEC -> ((a ^ b) & (a ^ res) & s) != 0;
            case LOGIC -> false;
            default -> (eager & OF) != 0;
        };
    }

    public boolean pf() {
        if (kind == EAGER) return (eager & PF) != 0;
        return (Integer.bitCount((int) res & 0xFF) & 1) == 0;
    }

    public boolean af() {
        return switch (kind) {
            case EAGER -> (eager & AF) != 0;
            case LOGIC -> false;
            default -> ((a ^ b ^ res) & 0x10) != 0;
        };
    }

    /** ADC/SBB: stores the carry-in with the operation, so that CF and the result can be recomputed. */
    public void setWithCarry(int kind, int size, long a, long b, long res, boolean carryIn) {
        set(kind, size, a, b, res);
        eager = carryIn ? CF : 0;
    }

    /** The whole EFLAGS register. */
    public long value() {
        long v = rest;
        if (cf()) v |= CF;
        if (pf()) v |= PF;
        if (af()) v |= AF;
        if (zf()) v |= ZF;
        if (sf()) v |= SF;
        if (of()) v |= OF;
        return v;
    }

    /** Loads the whole EFLAGS register (POPF, restore). */
    public void load(long value) {
        rest = (value & ~(long) ARITH) | 2;
        setEager(value);
    }

    public boolean interruptsEnabled() { return (rest & IF) != 0; }

    /** EFLAGS.TF: single-stepping (kept with the non-arithmetic flags, so reading it costs no flag evaluation). */
    public boolean trapFlag() { return (rest & TF) != 0; }

    /** EFLAGS.VM: virtual-8086 mode (no flag evaluation). */
    public boolean vm() { return (rest & VM) != 0; }

    /** EFLAGS.AC: alignment checking at CPL 3 when CR0.AM is set (no flag evaluation). */
    public boolean alignmentCheck() { return (rest & AC) != 0; }

    /** EFLAGS.NT: the current task is nested, IRET returns to the previous one (no flag evaluation). */
    public boolean nestedTask() { return (rest & (1 << 14)) != 0; }

    /** EFLAGS.IOPL (no flag evaluation). */
    public int iopl() { return (int) (rest >>> 12) & 3; }

    public void setBit(int bit, boolean on) { rest = on ? rest | bit : rest & ~(long) bit; }

    /** Evaluates condition code {@code cc} (the low nibble of Jcc/SETcc/CMOVcc). */
    public boolean condition(int cc) {
        if (kind == SUB || kind == LOGIC) return conditionDirect(cc);
        return conditionOfFlags(cc);
    }

    /**
     * After a subtraction or comparison (a - b) or a logical operation, most conditions follow from the operands
     * without computing flags: shifted to the top of a long (by 64 - size bits), unsigned and signed comparisons of
     * the operands give B/BE and L/LE, the result gives E and S (a logical operation clears CF and OF).
     * Parity and overflow take the general way.
     */
    private boolean conditionDirect(int cc) {
        int sh = 64 - bits;
        long x = a << sh, y = b << sh, z = res << sh;
        boolean logic = kind == LOGIC;
        boolean r;
        switch (cc >> 1) {
            case 1 -> r = !logic && Long.compareUnsigned(x, y) < 0;  // B: CF
            case 2 -> r = z == 0;  // E: ZF
            case 3 -> r = logic ? z == 0 : Long.compareUnsigned(x, y) <= 0;  // BE: CF or ZF
            case 4 -> r = z < 0;  // S: SF
            case 6 -> r = logic ? z < 0 : x < y;  // L: SF != OF
            case 7 -> r = logic ? z <= 0 : x <= y;  // LE: ZF or SF != OF
            default -> { return conditionOfFlags(cc); }  // O, P
        }
        return (cc & 1) == 0 ? r : !r;
    }

    private boolean conditionOfFlags(int cc) {
        boolean r = switch (cc >> 1) {
            case 0 -> of();
            case 1 -> cf();
            case 2 -> zf();
            case 3 -> cf() || zf();
            case 4 -> sf();
            case 5 -> pf();
            case 6 -> sf() != of();
            default -> zf() || sf() != of();
        };
        return (cc & 1) == 0 ? r : !r;
    }
}
