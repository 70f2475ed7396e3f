package org.polyvisor.isa.arm64.decode;

/** Shift types of shifted-register operands ({@code shift} field) and extend options ({@code option} field). */
public final class Shift {
    private Shift() { }

    public static final int LSL = 0, LSR = 1, ASR = 2, ROR = 3;

    public static final int UXTB = 0, UXTH = 1, UXTW = 2, UXTX = 3, SXTB = 4, SXTH = 5, SXTW = 6, SXTX = 7;

    public static final String[] SHIFT_NAMES = {"lsl", "lsr", "asr", "ror"};
    public static final String[] EXTEND_NAMES = {"uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"};
}
