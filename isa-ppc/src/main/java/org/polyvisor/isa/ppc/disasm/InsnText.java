package org.polyvisor.isa.ppc.disasm;

import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.decode.Op;

import static org.polyvisor.isa.ppc.disasm.BranchText.insn;
import static org.polyvisor.isa.ppc.disasm.Operands.crBit;
import static org.polyvisor.isa.ppc.disasm.Operands.r;
import static org.polyvisor.isa.ppc.disasm.Operands.ra0;

/**
 * One decoded instruction as objdump prints it, with the extended mnemonics objdump prefers (li, lis, mr, not,
 * nop, slwi, srwi, clrlwi, rotlwi, cmpwi, crset, mflr, ...). Returns null where objdump prints {@code .long}.
 */
final class InsnText {
    private InsnText() { }

    static String format(Insn i, long address) {
        String m = i.op.mnemonic();
        return switch (i.op.form()) {
            case RT_RA_SI -> switch (i.op) {
                case ADDI -> i.ra == 0 ? insn("li", r(i.rt) + "," + i.simm) : insn(m, r(i.rt) + "," + r(i.ra) + "," + i.simm);
                default -> insn(m, r(i.rt) + "," + r(i.ra) + "," + i.simm);
            };
            case RT_RA_SIH -> i.ra == 0 ? insn("lis", r(i.rt) + "," + i.simm) : insn(m, r(i.rt) + "," + r(i.ra) + "," + i.simm);
            case RA_RS_UI -> {
                if (i.rt == 0 && i.ra == 0 && i.uimm == 0) {
                    switch (i.op) {
                        case ORI -> { yield "nop"; }
                        case XORI -> { yield "xnop"; }
                        default -> { }
                    }
                }
                yield insn(m, r(i.ra) + "," + r(i.rt) + "," + i.uimm);
            }
            case CMP_IMM, CMP_REG -> compare(i);
            case TRAP, TRAP_IMM -> trap(i);
            case RT_D_RA -> insn(m, r(i.rt) + "," + i.simm + "(" + ra0(i.ra) + ")");
            case RT_RA_RB -> switch (i.op.unit()) {
                case LOAD_STORE -> insn(m, r(i.rt) + "," + ra0(i.ra) + "," + r(i.rb)
                        + (i.op == Op.LWARX && i.rc ? ",1" : ""));
                default -> insn(xo(i, m), r(i.rt) + "," + r(i.ra) + "," + r(i.rb));
            };
            case RT_RA -> insn(xo(i, m), r(i.rt) + "," + r(i.ra));
            case RA_RS_RB -> {
                if (i.rt == i.rb) {
                    switch (i.op) {
                        case OR -> { yield insn(rc(i, "mr"), r(i.ra) + "," + r(i.rt)); }
                        case NOR -> { yield insn(rc(i, "not"), r(i.ra) + "," + r(i.rt)); }
                        default -> { }
                    }
                }
                yield insn(rc(i, m), r(i.ra) + "," + r(i.rt) + "," + r(i.rb));
            }
            case RA_RS -> insn(rc(i, m), r(i.ra) + "," + r(i.rt));
            case RA_RS_SH -> insn(rc(i, m), r(i.ra) + "," + r(i.rt) + "," + i.rb);
            case ROTATE_IMM -> rotate(i);
            case ROTATE_REG -> i.mb == 0 && i.me == 31
                    ? insn(rc(i, "rotlw"), r(i.ra) + "," + r(i.rt) + "," + r(i.rb))
                    : insn(rc(i, m), r(i.ra) + "," + r(i.rt) + "," + r(i.rb) + "," + i.mb + "," + i.me);
            case CR_LOGICAL -> crLogical(i);
            case MCRF -> insn(m, Operands.crField(i.rt >>> 2) + "," + Operands.crField(i.ra >>> 2));
            case MFSPR -> SprNames.mfspr(i);
            case MTSPR -> SprNames.mtspr(i);
            case RT -> insn(m, r(i.rt));
            case RA0_RB -> insn(m, ra0(i.ra) + "," + r(i.rb));
            case MTMSR -> insn(m, r(i.rt) + ((i.word & 0x1_0000) != 0 ? ",1" : ""));
            case MTCRF -> {
                int fxm = (i.word >>> 12) & 0xff;
                yield fxm == 0xff ? insn("mtcr", r(i.rt)) : insn(m, fxm + "," + r(i.rt));
            }
            case NONE -> m;
            case MCRXR -> insn(m, Operands.crField(i.rt >>> 2));
            // objdump (2.40) treats lswi with RA = RT as an invalid form and names it after POWER's lsi
            case STRING_IMM -> insn(i.op == Op.LSWI && i.ra == i.rt ? "lsi" : m,
                    r(i.rt) + "," + ra0(i.ra) + "," + (i.rb == 0 ? 32 : i.rb));
            case MFTB -> insn(i.spr == 269 ? "mftbu" : "mftb", r(i.rt));
            case MTSR -> insn(m, (i.ra & 15) + "," + r(i.rt));
            case MFSR -> insn(m, r(i.rt) + "," + (i.ra & 15));
            case RT_RB -> insn(m, r(i.rt) + "," + r(i.rb));
            case RB_RS -> insn(m, r(i.rb) + "," + r(i.rt));
            case SYNC -> (i.word & 0x20_0000) != 0 ? "lwsync" : "hwsync";
            case SC -> {
                int lev = (i.word >>> 5) & 0x7f;
                yield lev == 0 ? "sc" : insn("sc", Integer.toString(lev));
            }
            case BRANCH -> insn("b" + (i.rc ? "l" : "") + (i.aa ? "a" : ""),
                    i.aa ? Operands.absolute(i.simm) : Operands.relative(address, i.simm));
            case BRANCH_COND, BRANCH_COND_REG -> BranchText.format(i, address);
            case FRT_D_RA -> insn(m, "f" + i.rt + "," + i.simm + "(" + ra0(i.ra) + ")");
            case FRT_RA_RB -> insn(m, "f" + i.rt + "," + ra0(i.ra) + "," + r(i.rb));
            case FRT_FRB -> insn(rc(i, m), "f" + i.rt + ",f" + i.rb);
            case FCMP -> insn(m, Operands.crField(i.rt >>> 2) + ",f" + i.ra + ",f" + i.rb);
            case FRT -> insn(rc(i, m), "f" + i.rt);
            case MTFSF -> insn(rc(i, m), ((i.word >>> 17) & 0xff) + ",f" + i.rb);
            case MTFSFI -> insn(rc(i, m), (i.rt >>> 2) + "," + ((i.word >>> 12) & 0xf));
            case MTFSB -> insn(rc(i, m), Integer.toString(i.rt));
            case FRT_FRA_FRB -> insn(rc(i, m), "f" + i.rt + ",f" + i.ra + ",f" + i.rb);
            case FRT_FRA_FRC -> insn(rc(i, m), "f" + i.rt + ",f" + i.ra + ",f" + i.mb);
            case FRT_FRA_FRC_FRB -> insn(rc(i, m), "f" + i.rt + ",f" + i.ra + ",f" + i.mb + ",f" + i.rb);
            case VRT_RA_RB -> insn(m, "v" + i.rt + "," + ra0(i.ra) + "," + r(i.rb));
            case VRT_VRA_VRB -> vector(i, m);
            case VRT_VRA_VRB_VRC -> insn(m, "v" + i.rt + ",v" + i.ra + ",v" + i.rb + ",v" + i.mb);
            case VRT_VRA_VRC_VRB -> insn(m, "v" + i.rt + ",v" + i.ra + ",v" + i.mb + ",v" + i.rb);
            case VSLDOI -> insn(m, "v" + i.rt + ",v" + i.ra + ",v" + i.rb + "," + (i.mb & 15));
            case VSPLT -> insn(m, "v" + i.rt + ",v" + i.rb + "," + i.ra);
            case VSPLTIS -> insn(m, "v" + i.rt + "," + ((i.ra << 27) >> 27));
            case VRT_VRB -> insn(m, "v" + i.rt + ",v" + i.rb);
            case VRT_ONLY -> insn(m, "v" + i.rt);
            case VRB_ONLY -> insn(m, "v" + i.rb);
        };
    }

    /**
     * Invalid update and multiple forms that objdump still names, after the POWER instruction of the same encoding
     * (lu, lux, stu, stux, lm, lsx); null for the others.
     */
    static String formatInvalidForm(Insn i) {
        return switch (i.op) {
            case LWZU -> insn("lu", r(i.rt) + "," + i.simm + "(" + ra0(i.ra) + ")");
            case STWU -> insn("stu", r(i.rt) + "," + i.simm + "(" + ra0(i.ra) + ")");
            case LMW -> insn("lm", r(i.rt) + "," + i.simm + "(" + ra0(i.ra) + ")");
            case LWZUX -> insn("lux", r(i.rt) + "," + r(i.ra) + "," + r(i.rb));
            case LSWX -> insn("lsx", r(i.rt) + "," + r(i.ra) + "," + r(i.rb));
            case STWUX -> insn("stux", r(i.rt) + "," + ra0(i.ra) + "," + r(i.rb));
            default -> null;
        };
    }

    /** Trap conditions objdump names (TO value to suffix); others print as tw/twi with TO. */
    private static String trapCondition(int to) {
        return switch (to) {
            case 1 -> "lgt"; case 2 -> "llt"; case 4 -> "eq"; case 5 -> "lge"; case 6 -> "lle"; case 8 -> "gt";
            case 12 -> "ge"; case 16 -> "lt"; case 20 -> "le"; case 24 -> "ne"; case 31 -> "u";
            default -> null;
        };
    }

    private static String trap(Insn i) {
        boolean imm = i.op == Op.TWI;
        if (!imm && i.rt == 31 && i.ra == 0 && i.rb == 0) return "trap";
        String cond = trapCondition(i.rt), second = imm ? Long.toString(i.simm) : r(i.rb);
        return cond != null
                ? insn("tw" + cond + (imm ? "i" : ""), r(i.ra) + "," + second)
                : insn(i.op.mnemonic(), i.rt + "," + r(i.ra) + "," + second);
    }

    /** VX and VC forms: vmr and vnot for vor and vnor of one register; a compare's Rc (bit 21) adds the dot. */
    private static String vector(Insn i, String m) {
        if (i.ra == i.rb && (i.op == Op.VOR || i.op == Op.VNOR)) return insn(i.op == Op.VOR ? "vmr" : "vnot", "v" + i.rt + ",v" + i.ra);
        String name = (i.word & 0x3f) == 6 && i.oe ? m + "." : m;
        return insn(name, "v" + i.rt + ",v" + i.ra + ",v" + i.rb);
    }

    private static String rc(Insn i, String m) { return i.rc ? m + "." : m; }

    private static String xo(Insn i, String m) { return rc(i, i.oe ? m + "o" : m); }

    private static String compare(Insn i) {
        int bf = i.rt >>> 2;
        boolean wide = (i.rt & 1) != 0;
        String m = switch (i.op) {
            case CMPI -> wide ? "cmpdi" : "cmpwi";
            case CMPLI -> wide ? "cmpldi" : "cmplwi";
            case CMP -> wide ? "cmpd" : "cmpw";
            default -> wide ? "cmpld" : "cmplw";
        };
        String second = switch (i.op) {
            case CMPI -> Long.toString(i.simm);
            case CMPLI -> Long.toString(i.uimm);
            default -> r(i.rb);
        };
        return insn(m, (bf != 0 ? Operands.crField(bf) + "," : "") + r(i.ra) + "," + second);
    }

    /** rlwinm's extended forms, in objdump's order of preference; rlwimi prints plain. */
    private static String rotate(Insn i) {
        String regs = r(i.ra) + "," + r(i.rt) + ",";
        int sh = i.rb, mb = i.mb, me = i.me;
        if (i.op == Op.RLWINM) {
            if (mb == 0 && me == 31) return insn(rc(i, "rotlwi"), regs + sh);
            if (sh == 0 && me == 31) return insn(rc(i, "clrlwi"), regs + mb);
            if (mb == 0 && me == 31 - sh) return insn(rc(i, "slwi"), regs + sh);
            if (me == 31 && sh == 32 - mb) return insn(rc(i, "srwi"), regs + mb);
            if (sh == 0 && mb == 0) return insn(rc(i, "clrrwi"), regs + (31 - me));
        }
        return insn(rc(i, i.op.mnemonic()), regs + sh + "," + mb + "," + me);
    }

    private static String crLogical(Insn i) {
        int bt = i.rt, ba = i.ra, bb = i.rb;
        if (bt == ba && ba == bb) {
            switch (i.op) {
                case CREQV -> { return insn("crset", crBit(bt)); }
                case CRXOR -> { return insn("crclr", crBit(bt)); }
                default -> { }
            }
        }
        if (ba == bb) {
            switch (i.op) {
                case CROR -> { return insn("crmove", crBit(bt) + "," + crBit(ba)); }
                case CRNOR -> { return insn("crnot", crBit(bt) + "," + crBit(ba)); }
                default -> { }
            }
        }
        return insn(i.op.mnemonic(), crBit(bt) + "," + crBit(ba) + "," + crBit(bb));
    }
}
