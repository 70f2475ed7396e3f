package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.decode.Operand.MEM;
import static org.polyvisor.isa.x86.decode.Operand.MMX;
import static org.polyvisor.isa.x86.decode.Operand.REG;

import org.polyvisor.isa.x86.decode.Insn;
import org.polyvisor.isa.x86.decode.Op;
import org.polyvisor.isa.x86.fpu.X87;
import org.polyvisor.isa.x86.trap.Vectors;

/**
 * The MMX instructions (SDM Vol. 1, chapter 9; Vol. 2 pages of their names), on the x87 register file as the SDM's
 * 9.5 and 9.6 say: MMn is bits 63:0 of physical register Rn; an MMX write sets that register's sign and exponent
 * bits to all ones; every MMX instruction but EMMS sets TOP to 0 and all tags valid; EMMS empties the tags. #UD with
 * CR0.EM, #NM with CR0.TS, #MF while an unmasked x87 exception is pending. The packed-integer arithmetic is the SSE2
 * one ({@link SseInstructions}) on one 64-bit quadword.
 */
final class MmxInstructions {
    private final CpuState s;
    private final X87 x;
    private final Bus bus;

    MmxInstructions(CpuState s, Bus bus) { this.s = s; this.x = s.fpu; this.bus = bus; }

    /** 0, an exception ({@link Vectors#fault}), or {@link Vectors#MEMORY}. */
    long execute(Insn in, long next) {
        Op op = in.op;
        if (op == Op.MMX) return Vectors.fault(Vectors.UD, 0);
        if ((s.cr0 & X87Instructions.CR0_EM) != 0) return Vectors.fault(Vectors.UD, 0);
        if ((s.cr0 & X87Instructions.CR0_TS) != 0) return Vectors.fault(Vectors.NM, 0);
        if ((x.sw & X87.SW_ES) != 0) return Vectors.fault(Vectors.MF, 0);
        if (op == Op.EMMS) {
            x.emptyMask = 0xFF;
            return 0;
        }
        switch (op) {  // the stores: nothing changes when the write faults
            case MOVD_STORE -> {
                if (in.dstKind == REG) s.set(in.dstReg, in.opSize, x.mant[in.srcReg]);
                else if (!store(in, next, in.opSize, x.mant[in.srcReg])) return Vectors.MEMORY;
                return enter();
            }
            case MOVQ_STORE, MOVNT -> {
                if (in.dstKind == MMX) put(in.dstReg, x.mant[in.srcReg]);
                else if (!store(in, next, 8, x.mant[in.srcReg])) return Vectors.MEMORY;
                return enter();
            }
            case PEXTRW -> {  // G, N, imm8: the word zero-extended into a 32-bit (REX.W: 64-bit) register
                s.set(in.dstReg, in.opSize, (x.mant[in.srcReg] >>> (16 * (in.imm & 3))) & 0xFFFF);
                return enter();
            }
            case PMOVMSKB -> {
                s.set(in.dstReg, in.opSize, SseInstructions.byteSigns(x.mant[in.srcReg]));
                return enter();
            }
            case MASKMOVQ -> {  // the bytes of MMreg whose mask byte (MMrm) has bit 7 set go to DS:rDI (or the override)
                return maskedStore(in, x.mant[in.dstReg], x.mant[in.srcReg]) ? enter() : Vectors.MEMORY;
            }
            default -> { }
        }
        long b;  // the source: an MMX register, memory (64 bits; MOVD and PINSRW fewer), a general register or none
        if (in.srcKind == MMX) b = x.mant[in.srcReg];
        else if (in.srcKind == REG) b = s.get(in.srcReg, op == Op.PINSRW ? 4 : in.opSize);
        else if (in.srcKind == MEM) {
            int size = op == Op.MOVD ? in.opSize : op == Op.PINSRW ? 2 : 8;
            b = bus.read(Addressing.linear(s, in, next), size);
            if (bus.abort != null) return Vectors.MEMORY;
        } else b = 0;
        int d = in.dstReg;
        long a = x.mant[d];
        long r;
        switch (op) {
            case MOVD, MOVQ_LOAD -> r = b;
            case PSRLW, PSRLD, PSRLQ, PSRAW, PSRAD, PSLLW, PSLLD, PSLLQ ->
                r = SseInstructions.shiftLanes(op, a, in.hasImm ? in.imm & 0xFF : b);
            case PUNPCKLBW, PUNPCKLWD, PUNPCKLDQ -> r = SseInstructions.interleave(a, b, op == Op.PUNPCKLBW ? 8 : op == Op.PUNPCKLWD ? 16 : 32, 0);
            case PUNPCKHBW, PUNPCKHWD, PUNPCKHDQ -> r = SseInstructions.interleave(a, b, op == Op.PUNPCKHBW ? 8 : op == Op.PUNPCKHWD ? 16 : 32, 32);
            case PACKSSWB, PACKUSWB -> {
                boolean u = op == Op.PACKUSWB;
                r = SseInstructions.pack16(a, u) | SseInstructions.pack16(b, u) << 32;
            }
            case PACKSSDW -> r = SseInstructions.pack32(a) | SseInstructions.pack32(b) << 32;
            case PSHUFW -> r = SseInstructions.shuffleWords(b, (int) in.imm);
            case PINSRW -> {
                int sh = 16 * (int) (in.imm & 3);
                r = (a & ~(0xFFFFL << sh)) | ((b & 0xFFFF) << sh);
            }
            case PMULUDQ -> r = (a & 0xFFFF_FFFFL) * (b & 0xFFFF_FFFFL);
            case PMADDWD -> r = SseInstructions.madd(a, b);
            case PSADBW -> r = SseInstructions.sad(a, b);
            case PAND -> r = a & b;
            case PANDN -> r = ~a & b;
            case POR -> r = a | b;
            case PXOR -> r = a ^ b;
            default -> {
                int kind = SseInstructions.laneKind(op);
                if (kind < 0) return Vectors.fault(Vectors.UD, 0);
                r = SseInstructions.lanes(kind, SseInstructions.laneWidth(op), a, b);
            }
        }
        put(d, r);
        return enter();
    }

    /** What every MMX instruction but EMMS does to the x87 state: TOP = 0, all tags valid. */
    private long enter() {
        x.top = 0;
        x.emptyMask = 0;
        return 0;
    }

    /** Writes MMn: bits 63:0 of physical register n, sign and exponent all ones. */
    private void put(int n, long v) {
        x.mant[n] = v;
        x.se[n] = 0xFFFF;
        enter();
    }

    /**
     * MASKMOVQ (SDM Vol. 2B): byte i of {@code data} is written to DS:rDI + i (rDI at the address size) when bit 7 of
     * byte i of {@code mask} is set; the other bytes are not touched.
     */
    private boolean maskedStore(Insn in, long data, long mask) {
        int as = s.longMode ? (in.has(Insn.P_ADDRSIZE) ? 4 : 8) : (s.codeSize == 2) != in.has(Insn.P_ADDRSIZE) ? 2 : 4;
        long di = s.get(CpuState.RDI, as);
        int sreg = in.segment >= 0 ? in.segment : CpuState.DS;
        for (int i = 0; i < 8; i++) {
            if (((mask >>> (8 * i + 7)) & 1) == 0) continue;
            bus.write(StringInstructions.linear(s, sreg, (di + i) & CpuState.mask(as), 1), 1, data >>> (8 * i));
            if (bus.abort != null) return false;
        }
        return true;
    }

    private boolean store(Insn in, long next, int size, long v) {
        bus.write(Addressing.linear(s, in, next), size, v);
        return bus.abort == null;
    }
}
