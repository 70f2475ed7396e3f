package org.polyvisor.isa.x86.pv;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * TLB flushes one vCPU of a PV domain asks of the others (MMUEXT_TLB_FLUSH_ALL, INVLPG_ALL and the _MULTI forms,
 * update_va_mapping's UVMF_ALL and vCPU masks). A vCPU runs on its own thread and owns its TLB, so a request is a flag
 * it takes before its next instruction slice (Xen flushes remote TLBs by IPI before the hypercall returns; here the
 * other vCPU may finish the slice it is in). An INVLPG request flushes the whole TLB. Thread-safe.
 */
final class TlbShootdown {
    private final ConcurrentHashMap<Integer, AtomicBoolean> pending = new ConcurrentHashMap<>();

    /** The flag vCPU {@code id} polls. */
    AtomicBoolean register(int id) { return pending.computeIfAbsent(id, k -> new AtomicBoolean()); }

    /** Every vCPU but {@code self}. */
    void all(int self) {
        pending.forEach((id, flag) -> { if (id != self) flag.set(true); });
    }

    /** The vCPUs of a 64-bit mask (vCPUs 0-63), except {@code self}. */
    void mask(long mask, int self) {
        pending.forEach((id, flag) -> { if (id != self && id < 64 && (mask >>> id & 1) != 0) flag.set(true); });
    }
}
