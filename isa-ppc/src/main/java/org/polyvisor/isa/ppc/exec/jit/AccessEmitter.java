package org.polyvisor.isa.ppc.exec.jit;

import static java.lang.constant.ConstantDescs.CD_byte;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_short;
import static java.lang.constant.ConstantDescs.CD_void;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.CD_ACCESS;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.CD_SEGMENT;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.CD_VARHANDLE;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.EA;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.LOW32;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.OFF;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.P;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.TLB;

import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;

/**
 * The guest loads and stores of a translation's method ({@link MethodEmitter}): the effective address (32-bit), the
 * runner's TLB copy looked up in place (refilled from the soft TLB on a miss there), the checks that send the
 * instruction back to the runner (no page: a miss, MMIO, a page holding code for stores; the access crossing the
 * page's end), the big-endian access through {@link GuestAccess}'s var handles, and the update forms' write-back.
 */
final class AccessEmitter {
    private final MethodEmitter e;
    private final CodeBuilder cb;

    AccessEmitter(MethodEmitter e, CodeBuilder cb) {
        this.e = e;
        this.cb = cb;
    }

    /** EA = (RA + (indexed ? RB : imm)) AND 0xffffffff. */
    private void address(int ra, int rb, long imm, boolean indexed) {
        e.get(ra);
        if (indexed) e.get(rb); else cb.loadConstant(imm);
        cb.ladd().loadConstant(LOW32).land().lstore(EA);
    }

    /**
     * Looks EA up in the runner's TLB copy ({@code write} side or read side, refilling from the soft TLB on a miss
     * there) into P and its page offset into OFF; goes to instruction k's exit when there is no page or the
     * {@code size} bytes cross its end.
     */
    private void page(boolean write, int size, int k) {
        e.tlbCode.page(write, size, e.stop(k));
    }

    /** Pushes the var handle, the page and the offset of an access. */
    private void target(int size) {
        String handle = switch (size) { case 1 -> "U8"; case 2 -> "U16"; default -> "U32"; };
        cb.getstatic(CD_ACCESS, handle, CD_VARHANDLE).aload(P).iload(OFF).i2l();
    }

    private static ClassDesc valueType(int size) {
        return switch (size) { case 1 -> CD_byte; case 2 -> CD_short; default -> CD_int; };
    }

    /**
     * lwz, lbz, lhz (zero-extended) and lha (sign-extended), D or X form, with the update (RA = EA after RT) when
     * {@code update}.
     */
    void load(int rt, int ra, int rb, long imm, boolean indexed, int size, boolean signed, boolean update, int k) {
        address(ra, rb, imm, indexed);
        page(false, size, k);
        target(size);
        cb.invokevirtual(CD_VARHANDLE, "get", MethodTypeDesc.of(valueType(size), CD_SEGMENT, CD_long));
        cb.i2l();
        if (!signed) cb.loadConstant(size == 1 ? 0xffL : size == 2 ? 0xffffL : LOW32).land();
        e.set(rt);
        if (update) { cb.lload(EA); e.set(ra); }
    }

    /** stw, stb, sth, D or X form, with the update (RA = EA) when {@code update}. */
    void store(int rs, int ra, int rb, long imm, boolean indexed, int size, boolean update, int k) {
        address(ra, rb, imm, indexed);
        page(true, size, k);
        target(size);
        e.get(rs);
        cb.l2i();
        if (size == 1) cb.i2b(); else if (size == 2) cb.i2s();
        cb.invokevirtual(CD_VARHANDLE, "set", MethodTypeDesc.of(CD_void, CD_SEGMENT, CD_long, valueType(size)));
        if (update) { cb.lload(EA); e.set(ra); }
    }
}
