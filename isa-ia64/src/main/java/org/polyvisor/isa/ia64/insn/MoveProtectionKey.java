package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.mmu.ProtectionKeys;
import org.polyvisor.isa.ia64.trap.Vector;

/**
 * M42 mov pkr[r3]=r2 (x6 0x03) and M43 mov r1=pkr[r3] (x6 0x13), the indirect protection key register moves of
 * SDM rev 2.3 vol 3 "mov — Move Indirect Register" (registers in vol 2 part I 4.1.3). Privileged: at cpl != 0 a
 * Privileged Operation fault. A NaT index (or source) is a Register NaT Consumption fault; the index is
 * r3{7:0}, and one past the implemented registers, or a write setting a reserved field, a Reserved Register/Field
 * fault. A write changes what translated accesses may do, so it drops the vCPU's software TLB.
 */
public final class MoveProtectionKey extends Insn {
    private final boolean toPkr;
    private final int r1, r2, r3;

    public MoveProtectionKey(long bits, boolean toPkr) {
        super(bits);
        this.toPkr = toPkr;
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
    }

    @Override
    public int execute(CpuState c) {
        if (c.cpl != 0)
            return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_PRIVILEGED_OPERATION, "privileged operation: " + text(0) + " at cpl " + c.cpl);
        if (c.nat(r3) || (toPkr && c.nat(r2))) return c.natConsumption(0, text(0));
        int index = (int) (c.gr(r3) & 0xff);
        if (index >= ProtectionKeys.PKRS)
            return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_RESERVED_REGISTER_FIELD, "reserved register: " + text(0) + " index " + index);
        long[] pkr = c.mmu.keys.pkr;
        if (!toPkr) {
            c.setGr(r1, pkr[index]);
            return Flow.NEXT;
        }
        long v = c.gr(r2);
        if ((v & ~ProtectionKeys.IMPLEMENTED) != 0)
            return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_RESERVED_REGISTER_FIELD, "reserved field: " + text(0) + " value " + hex(v));
        pkr[index] = v;
        c.translationChanged.run();
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return toPkr ? "mov pkr[" + gr(r3) + "]=" + gr(r2) : "mov " + gr(r1) + "=pkr[" + gr(r3) + "]";
    }
}
