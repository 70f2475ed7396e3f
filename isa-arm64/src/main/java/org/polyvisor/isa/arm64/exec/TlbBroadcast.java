package org.polyvisor.isa.arm64.exec;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.polyvisor.spi.GuestMemory;

/**
 * The inner-shareable domain of TLB maintenance: the vCPUs of one domain, found through the guest memory they
 * share. A TLBI ...IS raises every other member's flag; each vCPU looks at its flag when it enters {@code run}
 * and at its interrupt polls (at least every 1024 instructions), and then flushes its soft TLB. A vCPU running
 * concurrently on another pCPU may therefore use a stale translation for a bounded number of instructions after
 * the issuer's DSB (the architecture allows none); a descheduled one flushes before its next instruction.
 */
final class TlbBroadcast {
    private static final Map<GuestMemory, TlbBroadcast> DOMAINS = Collections.synchronizedMap(new WeakHashMap<>());

    private final List<AtomicBoolean> members = new CopyOnWriteArrayList<>();

    private TlbBroadcast() { }

    static TlbBroadcast of(GuestMemory memory) { return DOMAINS.computeIfAbsent(memory, m -> new TlbBroadcast()); }

    /** Joins the domain; the returned flag is raised when another member broadcasts. */
    AtomicBoolean join() {
        AtomicBoolean flag = new AtomicBoolean();
        members.add(flag);
        return flag;
    }

    /** Asks every member but {@code self} to flush. */
    void broadcast(AtomicBoolean self) {
        for (AtomicBoolean f : members) if (f != self) f.set(true);
    }
}
