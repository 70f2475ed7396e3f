package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.fp.FpStatus;

/**
 * F12 fsetc.sf amask7,omask7 (sfN's controls = sf0's controls AND amask7 OR omask7), F13 fclrf.sf (clear sfN's
 * flags), F14 fchkf.sf target25 (branch when sfN has a flag sf0 lacks or whose trap is enabled), SDM rev 2.3 vol 3.
 */
public final class FpStatusControl extends Insn {
    public enum Kind { FSETC, FCLRF, FCHKF }

    private final Kind kind;
    private final int sf, amask, omask;
    /** fchkf's displacement: sext(s[36] : imm20a[6..25]) * 16. */
    private final long disp;

    public FpStatusControl(long bits, Kind kind) {
        super(bits);
        this.kind = kind;
        sf = Fields.u(bits, 34, 2);
        amask = Fields.u(bits, 13, 7);
        omask = Fields.u(bits, 20, 7);
        disp = ((long) Fields.u(bits, 6, 20) - ((long) Fields.u(bits, 36, 1) << 20)) << 4;
    }

    @Override
    public int execute(CpuState c) {
        long fpsr = c.ar[CpuState.AR_FPSR];
        switch (kind) {
            case FSETC -> c.ar[CpuState.AR_FPSR] = FpStatus.setControls(fpsr, sf, amask, omask);
            case FCLRF -> c.ar[CpuState.AR_FPSR] = FpStatus.clearFlags(fpsr, sf);
            case FCHKF -> {
                if (!FpStatus.checkFails(fpsr, sf)) return Flow.NEXT;
                c.branchTarget = c.ip + disp;
                return Flow.BRANCH;
            }
        }
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return switch (kind) {
            case FSETC -> "fsetc.s" + sf + " 0x" + Integer.toHexString(amask) + ",0x" + Integer.toHexString(omask);
            case FCLRF -> "fclrf.s" + sf;
            case FCHKF -> "fchkf.s" + sf + " " + hex(ip + disp);
        };
    }
}
