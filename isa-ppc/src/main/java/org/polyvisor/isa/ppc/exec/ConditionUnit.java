package org.polyvisor.isa.ppc.exec;

import org.polyvisor.isa.ppc.decode.Insn;

/** Condition register instructions (Book I 2.5 and 3.3.15): CR logical operations, mcrf, mfcr, mtcrf. */
final class ConditionUnit {
    private ConditionUnit() { }

    static void execute(PpcCpu c, Insn i) {
        switch (i.op) {
            case CRAND -> c.setCrBit(i.rt, c.crBit(i.ra) & c.crBit(i.rb));
            case CRANDC -> c.setCrBit(i.rt, c.crBit(i.ra) & !c.crBit(i.rb));
            case CREQV -> c.setCrBit(i.rt, c.crBit(i.ra) == c.crBit(i.rb));
            case CRNAND -> c.setCrBit(i.rt, !(c.crBit(i.ra) & c.crBit(i.rb)));
            case CRNOR -> c.setCrBit(i.rt, !(c.crBit(i.ra) | c.crBit(i.rb)));
            case CROR -> c.setCrBit(i.rt, c.crBit(i.ra) | c.crBit(i.rb));
            case CRORC -> c.setCrBit(i.rt, c.crBit(i.ra) | !c.crBit(i.rb));
            case CRXOR -> c.setCrBit(i.rt, c.crBit(i.ra) ^ c.crBit(i.rb));
            case MCRF_OP -> {
                int field = (c.cr >>> (28 - 4 * (i.ra >>> 2))) & 0xf, shift = 28 - 4 * (i.rt >>> 2);
                c.cr = (c.cr & ~(0xf << shift)) | field << shift;
            }
            case MFCR -> c.gpr[i.rt] = c.cr & 0xffff_ffffL;
            case MCRXR -> {
                // CR field BF gets XER[SO, OV, CA] and a 0 (XER bit 3 is reserved and reads as 0 here, as in
                // qemu-ppc: conformance/qemu); SO, OV and CA are cleared.
                int shift = 28 - 4 * (i.rt >>> 2);
                c.cr = (c.cr & ~(0xf << shift)) | (int) ((c.xer >>> 28) & 0xe) << shift;
                c.xer &= ~0xe000_0000L;
            }
            case MTCRF -> {
                int fxm = (i.word >>> 12) & 0xff, mask = 0;
                for (int f = 0; f < 8; f++) if ((fxm & (0x80 >>> f)) != 0) mask |= 0xf000_0000 >>> (4 * f);
                c.cr = (c.cr & ~mask) | ((int) c.gpr[i.rt] & mask);
            }
            default -> throw new IllegalStateException("not a CR op: " + i.op);
        }
    }
}
