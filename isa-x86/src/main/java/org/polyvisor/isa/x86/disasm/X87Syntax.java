package org.polyvisor.isa.x86.disasm;

import org.polyvisor.isa.x86.decode.Insn;

/**
 * AT&T text of the x87 escapes D8-DF as objdump prints them (i386-dis.c's float_mem, float_reg and float_grp
 * tables): memory forms by escape and ModRM.reg with the operand's size suffix; register forms by escape and reg,
 * as "op %st(i),%st", "op %st,%st(i)", "op %st(i)" or a name of their own per ModRM byte. The aliases the SDM
 * leaves unnamed (FSTP1, FCOM2, FXCH4 ...) print as "(bad)", as objdump prints them.
 */
final class X87Syntax {
    private X87Syntax() { }

    private static final String[][] MEMORY = {
            {"fadds", "fmuls", "fcoms", "fcomps", "fsubs", "fsubrs", "fdivs", "fdivrs"},
            {"flds", "(bad)", "fsts", "fstps", "fldenv", "fldcw", "fnstenv", "fnstcw"},
            {"fiaddl", "fimull", "ficoml", "ficompl", "fisubl", "fisubrl", "fidivl", "fidivrl"},
            {"fildl", "fisttpl", "fistl", "fistpl", "(bad)", "fldt", "(bad)", "fstpt"},
            {"faddl", "fmull", "fcoml", "fcompl", "fsubl", "fsubrl", "fdivl", "fdivrl"},
            {"fldl", "fisttpll", "fstl", "fstpl", "frstor", "(bad)", "fnsave", "fnstsw"},
            {"fiadds", "fimuls", "ficoms", "ficomps", "fisubs", "fisubrs", "fidivs", "fidivrs"},
            {"filds", "fisttps", "fists", "fistps", "fbld", "fildll", "fbstp", "fistpll"}};

    /** Register forms: "name/F" with F = A (%st(i),%st), B (%st,%st(i)), C (%st(i)), or null for a per-byte name. */
    private static final String[][] REGISTER = {
            {"fadd/A", "fmul/A", "fcom/C", "fcomp/C", "fsub/A", "fsubr/A", "fdiv/A", "fdivr/A"},
            {"fld/C", "fxch/C", null, "(bad)", null, null, null, null},
            {"fcmovb/A", "fcmove/A", "fcmovbe/A", "fcmovu/A", "(bad)", null, "(bad)", "(bad)"},
            {"fcmovnb/A", "fcmovne/A", "fcmovnbe/A", "fcmovnu/A", null, "fucomi/A", "fcomi/A", "(bad)"},
            {"fadd/B", "fmul/B", "(bad)", "(bad)", "fsub/B", "fsubr/B", "fdiv/B", "fdivr/B"},
            {"ffree/C", "(bad)", "fst/C", "fstp/C", "fucom/C", "fucomp/C", "(bad)", "(bad)"},
            {"faddp/B", "fmulp/B", "(bad)", null, "fsubp/B", "fsubrp/B", "fdivp/B", "fdivrp/B"},
            {"ffreep/C", "(bad)", "(bad)", "(bad)", null, "fucomip/A", "fcomip/A", "(bad)"}};

    /** The register forms named per ModRM byte: D9 D0-D7 and E0-FF, DA E8-EF, DB E0-E7, DE D8-DF, DF E0-E7. */
    private static String byModrm(int esc, int modrm) {
        int low = modrm & 7;
        switch (esc) {
            case 1 -> {
                if (modrm >= 0xD0 && modrm <= 0xD7) return low == 0 ? "fnop" : "(bad)";
                String[] e = {"fchs", "fabs", "(bad)", "(bad)", "ftst", "fxam", "(bad)", "(bad)",
                        "fld1", "fldl2t", "fldl2e", "fldpi", "fldlg2", "fldln2", "fldz", "(bad)",
                        "f2xm1", "fyl2x", "fptan", "fpatan", "fxtract", "fprem1", "fdecstp", "fincstp",
                        "fprem", "fyl2xp1", "fsqrt", "fsincos", "frndint", "fscale", "fsin", "fcos"};
                return e[modrm - 0xE0];
            }
            case 2 -> { return modrm == 0xE9 ? "fucompp" : "(bad)"; }
            case 3 -> {
                String[] e = {"fneni(8087 only)", "fndisi(8087 only)", "fnclex", "fninit", "fnsetpm(287 only)",
                        "frstpm(287 only)", "(bad)", "(bad)"};
                return e[low];
            }
            case 6 -> { return modrm == 0xD9 ? "fcompp" : "(bad)"; }
            default -> { return modrm == 0xE0 ? "fnstsw %ax" : "(bad)"; }
        }
    }

    /** The text of escape instruction {@code in}; {@code prefixes} are the names of unused prefixes, {@code memory} its operand. */
    static String format(Insn in, String prefixes, String memory, int codeSize) {
        int esc = in.opcode & 7, modrm = in.modrm, reg = (modrm >>> 3) & 7;
        if (modrm < 0xC0) {
            String name = MEMORY[esc][reg];
            boolean env = (esc == 1 || esc == 5) && (reg == 4 || reg == 6);
            if (env && in.has(Insn.P_OPSIZE)) name += codeSize == 2 ? "l" : "s";  // objdump's "C": only where 66 chose it
            return AttSyntax.pad(prefixes + name) + memory;
        }
        String form = REGISTER[esc][reg];
        if (form == null) {
            String named = byModrm(esc, modrm);
            if (named.indexOf(' ') > 0) return prefixes + AttSyntax.pad(named.substring(0, named.indexOf(' '))) + named.substring(named.indexOf(' ') + 1);
            return prefixes + named;
        }
        if (form.equals("(bad)")) return prefixes + form;
        String name = form.substring(0, form.indexOf('/')), st = "%st(" + (modrm & 7) + ")";
        return AttSyntax.pad(prefixes + name) + switch (form.charAt(form.length() - 1)) {
            case 'A' -> st + ",%st";
            case 'B' -> "%st," + st;
            default -> st;
        };
    }
}
