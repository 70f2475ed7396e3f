package org.polyvisor.isa.ia64.trap;

import java.util.concurrent.atomic.AtomicLongArray;
import org.polyvisor.isa.ia64.cpu.CpuState;

/**
 * The processor's external interrupt state (SDM rev 2.3 vol 2 part I, 5.8 "Interrupts"): 256 vectors pending in
 * IRR (set from any thread by Vcpu.raiseInterrupt or by the interval timer), the in-service set, cr.ivr / cr.eoi,
 * and masking by PSR.i and cr.tpr (mmi masks all; mic masks the vector classes 1..mic, a class being vector/16).
 * Vectors 0-15 other than 2 (NMI) are reserved; cr.ivr reads 15 (spurious) when nothing is deliverable.
 * <p>Interval timer (3.3.4.?): ar.itc counts the domain's virtual nanoseconds; when it reaches cr.itm after
 * cr.itm was written, cr.itv.vector is made pending unless cr.itv.m (bit 16) masks it.
 */
public final class ExternalInterrupts {
    public static final int SPURIOUS = 15;
    /**
     * The vector a PV domain's event upcall arrives on (Vcpu.raiseEventUpcall): a fixed, documented choice of
     * Polyvisor (images/README.md, ia64 PV ABI), in priority class 14 below the interval timer's usual 0xef, a
     * vector Linux/ia64's fixed map leaves free. cr.ivr reads it; the guest's handler clears
     * evtchn_upcall_pending, scans pending_sel / evtchn_pending and writes cr.eoi.
     */
    public static final int EVENT_UPCALL_VECTOR = 0xe9;

    private final CpuState cpu;
    private final AtomicLongArray pending = new AtomicLongArray(4);
    private final long[] inService = new long[4];
    private volatile boolean anyPending;
    private boolean timerArmed;

    public ExternalInterrupts(CpuState cpu) {
        this.cpu = cpu;
    }

    /** Makes {@code vector} pending; safe from any thread. */
    public void raise(int vector) {
        if (vector < 0 || vector > 255) return;
        pending.getAndUpdate(vector >> 6, w -> w | 1L << (vector & 63));
        anyPending = true;
    }

    /** Takes {@code vector} out of IRR before it is delivered (a level that went low: Xen's event upcall). */
    public void withdraw(int vector) {
        if (vector < 0 || vector > 255) return;
        pending.getAndUpdate(vector >> 6, w -> w & ~(1L << (vector & 63)));
        if (highestPending() < 0) anyPending = false;
    }

    public boolean anyPending() { return anyPending; }

    public long pendingWord(int i) { return pending.get(i); }

    public void armTimer() { timerArmed = true; }

    /** The clock time at which the armed, unmasked timer fires (ar.itc = cr.itm), or -1. */
    public long timerDeadline() {
        if (!timerArmed || (cpu.cr[CpuState.CR_ITV] & 1L << 16) != 0) return -1;
        return Math.max(0, cpu.cr[CpuState.CR_ITM] - cpu.itcOffset);
    }

    /** Called by the run loop now and then: the ITM match raises the timer vector once per cr.itm write. */
    public void pollTimer() {
        if (!timerArmed || cpu.itc() < cpu.cr[CpuState.CR_ITM]) return;
        timerArmed = false;
        long itv = cpu.cr[CpuState.CR_ITV];
        if ((itv & 1L << 16) == 0) raise((int) (itv & 0xff));
    }

    private static int highest(long[] words) {
        for (int w = 3; w >= 0; w--) if (words[w] != 0) return w * 64 + 63 - Long.numberOfLeadingZeros(words[w]);
        return -1;
    }

    private int highestPending() {
        for (int w = 3; w >= 0; w--) {
            long v = pending.get(w);
            if (v != 0) return w * 64 + 63 - Long.numberOfLeadingZeros(v);
        }
        return -1;
    }

    /** The highest pending vector that TPR and the in-service vectors let through, or -1. */
    private int deliverable() {
        int v = highestPending();
        if (v < 0) return -1;
        long tpr = cpu.cr[CpuState.CR_TPR];
        if (v != 2) {
            if ((tpr & 1L << 16) != 0) return -1;
            if ((v >> 4) <= (int) (tpr >>> 4 & 0xf)) return -1;
        }
        int s = highest(inService);
        if (s >= 0 && (v >> 4) <= (s >> 4)) return -1;
        return v;
    }

    /** True when an External Interrupt should be delivered now (PSR.i = 1 and a vector gets through). */
    public boolean shouldInterrupt() {
        return (cpu.psr & CpuState.PSR_I) != 0 && deliverable() >= 0;
    }

    /** cr.ivr read: the highest deliverable vector moves from pending to in service; 15 when there is none. */
    public long acknowledge() {
        int v = deliverable();
        if (v < 0) return SPURIOUS;
        pending.getAndUpdate(v >> 6, w -> w & ~(1L << (v & 63)));
        inService[v >> 6] |= 1L << (v & 63);
        if (highestPending() < 0) anyPending = false;
        return v;
    }

    /** cr.eoi write: the highest vector in service is done. */
    public void endOfInterrupt() {
        int s = highest(inService);
        if (s >= 0) inService[s >> 6] &= ~(1L << (s & 63));
    }

    public void reset() {
        for (int i = 0; i < 4; i++) { pending.set(i, 0); inService[i] = 0; }
        anyPending = false;
        timerArmed = false;
    }
}
