package org.polyvisor.isa.x86.trap;

/**
 * The architectural exception vectors of the SDM (Vol. 3, 6.3.1, Table 6-1), which of them push an error code,
 * and the classes that decide a double fault (Table 6-5).
 */
public final class Vectors {
    private Vectors() { }

    public static final int DE = 0, DB = 1, NMI = 2, BP = 3, OF = 4, BR = 5, UD = 6, NM = 7, DF = 8, TS = 10, NP = 11,
            SS = 12, GP = 13, PF = 14, MF = 16, AC = 17, MC = 18, XM = 19;

    private static final String[] MNEMONICS = {"#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM", "#DF", "#CSO",
            "#TS", "#NP", "#SS", "#GP", "#PF", "#15", "#MF", "#AC", "#MC", "#XM"};

    /** The SDM's short name ("#GP") of an exception vector, or "vector 0xNN". */
    public static String name(int vector) {
        return vector < MNEMONICS.length ? MNEMONICS[vector] : "vector 0x" + Integer.toHexString(vector);
    }

    /** #DF, #TS, #NP, #SS, #GP, #PF and #AC push an error code. */
    public static boolean pushesErrorCode(int vector) {
        return vector == DF || (vector >= TS && vector <= PF) || vector == AC;
    }

    /** #DE, #TS, #NP, #SS and #GP: two of them in a row (or one after #PF) make a double fault. */
    public static boolean contributory(int vector) {
        return vector == DE || (vector >= TS && vector <= GP);
    }

    /**
     * An exception as a value, for helpers that check before they change state: 0 means none, else the vector and
     * the error code packed by {@link #fault} and read back by {@link #vectorOf} and {@link #errorOf}.
     */
    public static long fault(int vector, int errorCode) { return (1L << 40) | ((long) vector << 32) | (errorCode & 0xFFFF_FFFFL); }

    public static int vectorOf(long fault) { return (int) (fault >>> 32) & 0xFF; }

    public static int errorOf(long fault) { return (int) fault; }

    /** What a helper returns when a system structure lies outside guest memory (a hypervisor-level failure). */
    public static final long MEMORY = -1;
}
