package org.polyvisor.isa.arm64.disasm;

import static org.polyvisor.isa.arm64.disasm.Operands.reg;
import static org.polyvisor.isa.arm64.disasm.Operands.x;

import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.MemKind;
import org.polyvisor.isa.arm64.decode.Op;
import org.polyvisor.isa.arm64.decode.Shift;

/** Loads and stores in objdump's syntax: offsets in decimal, "[base, #imm]!" and "[base], #imm" for write-back. */
final class LoadStoreSyntax {
    private LoadStoreSyntax() { }

    private static final String[] STORE = {"strb", "strh", "str", "str"};
    private static final String[] LOAD = {"ldrb", "ldrh", "ldr", "ldr"};
    private static final String[] LOAD_SIGNED = {"ldrsb", "ldrsh", "ldrsw"};

    private static final String[] V_REG = {"b", "h", "s", "d", "q"};

    /** The transfer register: a general one, or b/h/s/d/q for the SIMD&FP forms. */
    private static String transfer(int index, Insn i) {
        return i.memKind >= MemKind.V_STORE ? V_REG[i.size] + index : reg(index, i.sf);
    }

    private static String mnemonic(Insn i) {
        String name = switch (i.memKind) {
            case MemKind.V_STORE -> "str";
            case MemKind.V_LOAD -> "ldr";
            case MemKind.STORE -> STORE[i.size];
            case MemKind.LOAD -> LOAD[i.size];
            default -> LOAD_SIGNED[i.size];
        };
        // LDUR/STUR and friends: "ldr..." becomes "ldur...", "str..." becomes "stur...".
        return i.op == Op.LDST_unscaled_imm ? name.substring(0, 2) + "u" + name.substring(2) : name;
    }

    static String single(Insn i, long address) {
        String head = mnemonic(i) + "\t" + transfer(i.rd, i) + ", ";
        String base = x(i.rn);
        return head + switch (i.op) {
            case LDST_imm_pre -> "[" + base + ", #" + i.imm + "]!";
            case LDST_imm_post -> "[" + base + "], #" + i.imm;
            case LDST_reg_offset -> "[" + base + ", " + index(i) + "]";
            case LDR_literal -> Operands.address(address + i.imm);
            default -> i.imm == 0 ? "[" + base + "]" : "[" + base + ", #" + i.imm + "]";
        };
    }

    private static String index(Insn i) {
        String rm = reg(i.rm, (i.shift & 1) == 1);
        boolean scaled = i.aux == 1;
        if (i.shift == Shift.UXTX) return scaled ? rm + ", lsl #" + i.amount : rm;
        return rm + ", " + Shift.EXTEND_NAMES[i.shift] + (scaled ? " #" + i.amount : "");
    }

    static String pair(Insn i) {
        String name = i.memKind == MemKind.STORE || i.memKind == MemKind.V_STORE ? "stp"
                : i.memKind == MemKind.LOAD_SX64 ? "ldpsw" : "ldp";
        String head = name + "\t" + transfer(i.rd, i) + ", " + transfer(i.ra, i) + ", ";
        String base = x(i.rn);
        return head + switch (i.op) {
            case LDP_STP_pre -> "[" + base + ", #" + i.imm + "]!";
            case LDP_STP_post -> "[" + base + "], #" + i.imm;
            default -> i.imm == 0 ? "[" + base + "]" : "[" + base + ", #" + i.imm + "]";
        };
    }
}
