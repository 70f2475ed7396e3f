package org.polyvisor.isa.x86.exec;

/**
 * The decimal-adjust instructions (SDM Vol. 2: DAA, DAS, AAA, AAS, AAM, AAD), IA-32 only. The flags the SDM
 * defines are computed as its pseudo-code says; the undefined ones (OF for DAA/DAS; OF SF ZF PF for AAA/AAS;
 * OF AF CF for AAM/AAD) are left as the last result sets them here, which the conformance vectors do not compare.
 */
final class Bcd {
    private Bcd() { }

    private static final int CF = LazyFlags.CF, AF = LazyFlags.AF;

    /** DAA after an ADD of packed BCD digits in AL. */
    static void daa(CpuState s) {
        long fl = s.flags.value();
        int al = (int) s.get(CpuState.RAX, 1), oldAl = al;
        boolean oldCf = (fl & CF) != 0, cf = false, af;
        if ((al & 0xF) > 9 || (fl & AF) != 0) {
            cf = oldCf || al + 6 > 0xFF;
            al = (al + 6) & 0xFF;
            af = true;
        } else {
            af = false;
        }
        if (oldAl > 0x99 || oldCf) {
            al = (al + 0x60) & 0xFF;
            cf = true;
        } else {
            cf = false;
        }
        finish(s, al, cf, af);
    }

    /** DAS after a SUB of packed BCD digits in AL. */
    static void das(CpuState s) {
        long fl = s.flags.value();
        int al = (int) s.get(CpuState.RAX, 1), oldAl = al;
        boolean oldCf = (fl & CF) != 0, cf = false, af;
        if ((al & 0xF) > 9 || (fl & AF) != 0) {
            cf = oldCf || al < 6;
            al = (al - 6) & 0xFF;
            af = true;
        } else {
            af = false;
        }
        if (oldAl > 0x99 || oldCf) {
            al = (al - 0x60) & 0xFF;
            cf = true;
        }
        finish(s, al, cf, af);
    }

    /** AAA (add = true) or AAS after an unpacked BCD addition or subtraction. */
    static void aaa(CpuState s, boolean add) {
        long fl = s.flags.value();
        int ax = (int) s.get(CpuState.RAX, 2);
        boolean adjust = (ax & 0xF) > 9 || (fl & AF) != 0;
        if (adjust) {
            if (add) ax = ax + 0x106;
            else ax = (ax - 6 - 0x100) & 0xFFFF;  // AX - 6 (AL's borrow reaches AH, as the host CPU does), then AH - 1
        }
        ax = (ax & 0xFF00) | (ax & 0x0F);
        s.set(CpuState.RAX, 2, ax);
        s.flags.setEager((Interpreter.szp(ax & 0xFF, 1) & ~(long) (CF | AF)) | (adjust ? CF | AF : 0));
    }

    /** AAM: AH = AL / base, AL = AL mod base. False for a base of 0 (#DE). */
    static boolean aam(CpuState s, int base) {
        if (base == 0) return false;
        int al = (int) s.get(CpuState.RAX, 1);
        int r = al % base;
        s.set(CpuState.RAX, 2, ((al / base) << 8) | r);
        s.flags.setEager(Interpreter.szp(r, 1));
        return true;
    }

    /** AAD: AL = AL + AH * base, AH = 0. */
    static void aad(CpuState s, int base) {
        int ax = (int) s.get(CpuState.RAX, 2);
        int al = ((ax & 0xFF) + (ax >> 8) * base) & 0xFF;
        s.set(CpuState.RAX, 2, al);
        s.flags.setEager(Interpreter.szp(al, 1));
    }

    private static void finish(CpuState s, int al, boolean cf, boolean af) {
        s.set(CpuState.RAX, 1, al);
        s.flags.setEager(Interpreter.szp(al, 1) | (cf ? CF : 0) | (af ? AF : 0));
    }
}
