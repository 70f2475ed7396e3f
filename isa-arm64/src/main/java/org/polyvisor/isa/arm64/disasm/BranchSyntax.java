package org.polyvisor.isa.arm64.disasm;

import static org.polyvisor.isa.arm64.disasm.Operands.address;
import static org.polyvisor.isa.arm64.disasm.Operands.reg;
import static org.polyvisor.isa.arm64.disasm.Operands.x;

import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.SysReg;

/** The Arm ARM group "branches, exception generating and system instructions" in objdump's syntax; branch targets print as absolute addresses. */
final class BranchSyntax {
    private BranchSyntax() { }

    /** binutils' names for HINT #n (CRm:op2); the others print as "hint #0x..". Taken from objdump 2.40's output. */
    private static final String[] HINTS = new String[128];

    static {
        String[] named = {"0=nop", "1=yield", "2=wfe", "3=wfi", "4=sev", "5=sevl", "7=xpaclri", "8=pacia1716",
            "10=pacib1716", "12=autia1716", "14=autib1716", "16=esb", "17=psb\tcsync", "18=tsb\tcsync", "20=csdb",
            "22=clearbhb", "24=paciaz", "25=paciasp", "26=pacibz", "27=pacibsp", "28=autiaz", "29=autiasp",
            "30=autibz", "31=autibsp", "32=bti", "34=bti\tc", "36=bti\tj", "38=bti\tjc"};
        for (String n : named) {
            int eq = n.indexOf('=');
            HINTS[Integer.parseInt(n.substring(0, eq))] = n.substring(eq + 1);
        }
    }

    static String branch(Insn i, long pc) {
        long target = pc + i.imm;
        return switch (i.op) {
            case B -> "b\t" + address(target);
            case BL -> "bl\t" + address(target);
            case B_cond -> "b." + Operands.CONDITIONS[i.cond] + "\t" + address(target) + Operands.branchCondComment(i.cond);
            case CBZ -> "cbz\t" + reg(i.rd, i.sf) + ", " + address(target);
            case CBNZ -> "cbnz\t" + reg(i.rd, i.sf) + ", " + address(target);
            case TBZ -> "tbz\t" + reg(i.rd, i.sf) + ", #" + i.aux + ", " + address(target);
            default -> "tbnz\t" + reg(i.rd, i.sf) + ", #" + i.aux + ", " + address(target);
        };
    }

    static String branchRegister(Insn i) {
        return switch (i.op) {
            case BR -> "br\t" + x(i.rn);
            case BLR -> "blr\t" + x(i.rn);
            default -> i.rn == 30 ? "ret" : "ret\t" + x(i.rn);
        };
    }

    static String exception(Insn i) {
        return switch (i.op) {
            case SVC -> "svc\t" + Operands.hex(i.aux);
            case HVC -> "hvc\t" + Operands.hex(i.aux);
            case BRK -> "brk\t" + Operands.hex(i.aux);
            default -> "udf\t#" + i.aux;
        };
    }

    /** binutils' barrier option names by CRm; the unnamed ones print as two-digit hex immediates. */
    private static final String[] BARRIER_OPTIONS = {null, "oshld", "oshst", "osh", null, "nshld", "nshst", "nsh",
        null, "ishld", "ishst", "ish", null, "ld", "st", "sy"};

    static String barrier(Insn i) {
        String option = BARRIER_OPTIONS[i.aux] != null ? BARRIER_OPTIONS[i.aux] : String.format("#0x%02x", i.aux);
        return switch (i.op) {
            case DSB -> i.aux == 0 ? "ssbb" : i.aux == 4 ? "pssbb" : "dsb\t" + option;
            case DMB -> "dmb\t" + option;
            case ISB -> i.aux == 15 ? "isb" : "isb\t" + Operands.hex(i.aux);
            case CLREX -> i.aux == 15 ? "clrex" : "clrex\t" + Operands.hex(i.aux);
            default -> "sb";
        };
    }

    static String system(Insn i) {
        return switch (i.op) {
            case MSR_imm -> "msr\t" + (i.shift == SysReg.DAIF_SET ? "daifset, " : i.shift == SysReg.DAIF_CLEAR ? "daifclr, " : "spsel, ")
                    + Operands.hex(i.aux);
            case MRS -> "mrs\t" + x(i.rd) + ", " + SysReg.name(i.aux);
            default -> "msr\t" + SysReg.name(i.aux) + ", " + x(i.rd);
        };
    }

    static String hint(Insn i) {
        String name = HINTS[i.aux];
        return name != null ? name : "hint\t" + Operands.hex(i.aux);
    }
}
