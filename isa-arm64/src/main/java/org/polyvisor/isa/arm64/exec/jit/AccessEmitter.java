package org.polyvisor.isa.arm64.exec.jit;

import static java.lang.constant.ConstantDescs.CD_byte;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_short;
import static java.lang.constant.ConstantDescs.CD_void;
import static org.polyvisor.isa.arm64.exec.jit.MethodEmitter.BASE;
import static org.polyvisor.isa.arm64.exec.jit.MethodEmitter.CD_ACCESS;
import static org.polyvisor.isa.arm64.exec.jit.MethodEmitter.CD_SEGMENT;
import static org.polyvisor.isa.arm64.exec.jit.MethodEmitter.CD_VARHANDLE;
import static org.polyvisor.isa.arm64.exec.jit.MethodEmitter.HI;
import static org.polyvisor.isa.arm64.exec.jit.MethodEmitter.OFF;
import static org.polyvisor.isa.arm64.exec.jit.MethodEmitter.P;
import static org.polyvisor.isa.arm64.exec.jit.MethodEmitter.T;
import static org.polyvisor.isa.arm64.exec.jit.MethodEmitter.TLB;
import static org.polyvisor.isa.arm64.exec.jit.MethodEmitter.VA;
import static org.polyvisor.isa.arm64.exec.jit.MethodEmitter.W;

import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;

import org.polyvisor.isa.arm64.decode.Reg;
import org.polyvisor.isa.arm64.exec.FastForm;
import org.polyvisor.isa.arm64.exec.FastOp;

/**
 * The guest loads and stores of a translation's method ({@link MethodEmitter}): the address, the runner's TLB copy
 * looked up in place (refilled from the soft TLB on a miss there), the checks that send the instruction back to the
 * runner (no page, the access crossing the page's end, an SP base not 16-byte aligned), the access through
 * {@link GuestAccess}'s var handles, and write-back, for single registers of every size and for pairs.
 */
final class AccessEmitter {
    private final MethodEmitter e;
    private final CodeBuilder cb;

    AccessEmitter(MethodEmitter e, CodeBuilder cb) {
        this.e = e;
        this.cb = cb;
    }

    /**
     * Looks VA up in the runner's TLB copy ({@code write} side or read side, refilling from the soft TLB on a
     * miss there) into P and its page offset into OFF; goes to instruction k's exit when there is no page, the
     * {@code size} bytes cross its end, or an SP base (BASE) is not 16-byte aligned ({@code spCheck} 15).
     */
    private void page(boolean write, int size, long spCheck, int k) {
        e.tlbCode.page(write, size, e.stop(k));
        if (spCheck != 0) {
            cb.lload(BASE); e.lconst(spCheck); cb.land().lconst_0().lcmp().ifne(e.stop(k));
        }
    }

    /** VA = BASE + (imm AND immMask) + (extend(Rm) << amount), BASE = Rn. */
    private void address(FastOp o) {
        e.get(o.rn); cb.lstore(BASE);
        cb.lload(BASE);
        long offset = o.imm & o.immMask;
        if (offset != 0) { e.lconst(offset); cb.ladd(); }
        if (o.rm != Reg.ZR) { e.extended(o); e.shiftLeft(o.amount); cb.ladd(); }
        cb.lstore(VA);
    }

    /** Pushes the var handle, the page and the offset (plus {@code delta}) of an access. */
    private void target(int size, int delta) {
        String handle = switch (size) { case 1 -> "U8"; case 2 -> "U16"; case 4 -> "U32"; default -> "U64"; };
        cb.getstatic(CD_ACCESS, handle, CD_VARHANDLE).aload(P).iload(OFF);
        if (delta != 0) cb.loadConstant(delta).iadd();
        cb.i2l();
    }

    private static ClassDesc valueType(int size) {
        return switch (size) { case 1 -> CD_byte; case 2 -> CD_short; case 4 -> CD_int; default -> CD_long; };
    }

    private void read(int size, int delta) {
        target(size, delta);
        cb.invokevirtual(CD_VARHANDLE, "get", MethodTypeDesc.of(valueType(size), CD_SEGMENT, CD_long));
    }

    private void write(int size) {
        cb.invokevirtual(CD_VARHANDLE, "set", MethodTypeDesc.of(CD_void, CD_SEGMENT, CD_long, valueType(size)));
    }

    /** LDRB, LDRH, LDR W, LDR X, LDRSW (sizeIndex 0-4), any addressing mode, then write-back. */
    void load(FastOp o, int k, int sizeIndex) {
        int size = sizeIndex == 4 ? 4 : 1 << sizeIndex;
        address(o);
        page(false, size, o.imm2, k);
        read(size, 0);
        switch (sizeIndex) {
            case 0 -> cb.i2l().loadConstant(0xFFL).land();
            case 1 -> cb.i2l().loadConstant(0xFFFFL).land();
            case 2 -> cb.i2l().loadConstant(W).land();
            case 4 -> cb.i2l();
            default -> { }
        }
        e.set(o.rd);
        writeBack(o);
    }

    void store(FastOp o, int k, int sizeIndex) {
        int size = 1 << sizeIndex;
        address(o);
        page(true, size, o.imm2, k);
        target(size, 0);
        e.get(o.rd);
        switch (size) {
            case 1 -> cb.l2i().i2b();
            case 2 -> cb.l2i().i2s();
            case 4 -> cb.l2i();
            default -> { }
        }
        write(size);
        writeBack(o);
    }

    private void writeBack(FastOp o) {
        if (o.writeBackTo != Reg.SINK) {
            cb.lload(BASE); e.lconst(o.imm); cb.ladd(); e.set(o.writeBackTo);
        }
    }

    /** LDP X/W, LDPSW: Rt (rd), then Rt2 (rm), then the base with write-back (aux 1). */
    void loadPair(FastOp o, int k) {
        pairAddress(o);
        boolean x = o.form == FastForm.LDP_X;
        page(false, x ? 16 : 8, o.imm2, k);
        read(8, 0);
        cb.lstore(T);
        if (x) {
            read(8, 8);
            cb.lstore(HI);
            cb.lload(T); e.set(o.rd);
            cb.lload(HI); e.set(o.rm);
        } else if (o.form == FastForm.LDP_W) {
            cb.lload(T); e.mask(W); e.set(o.rd);
            cb.lload(T).loadConstant(32).lushr(); e.set(o.rm);
        } else {
            cb.lload(T).l2i().i2l(); e.set(o.rd);
            cb.lload(T).loadConstant(32).lshr(); e.set(o.rm);
        }
        pairWriteBack(o);
    }

    void storePair(FastOp o, int k) {
        pairAddress(o);
        boolean x = o.form == FastForm.STP_X;
        page(true, x ? 16 : 8, o.imm2, k);
        if (x) {
            target(8, 0); e.get(o.rd); write(8);
            target(8, 8); e.get(o.rm); write(8);
        } else {
            target(8, 0);
            e.get(o.rd); e.mask(W); e.get(o.rm); cb.loadConstant(32).lshl().lor();
            write(8);
        }
        pairWriteBack(o);
    }

    private void pairAddress(FastOp o) {
        e.get(o.rn); cb.lstore(BASE);
        cb.lload(BASE); e.lconst(o.imm & o.extendMask); cb.ladd().lstore(VA);
    }

    private void pairWriteBack(FastOp o) {
        if (o.aux != 0) { cb.lload(BASE); e.lconst(o.imm); cb.ladd(); e.set(o.rn); }
    }
}
