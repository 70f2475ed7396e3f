package org.polyvisor.spi.exec;

import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import org.polyvisor.spi.GuestMemory;

/**
 * Keeps the decoded-instruction caches of one domain's vCPUs coherent with stores made by the others (cross-modifying
 * code: one vCPU patches code that another has decoded, as a kernel's text patching or a JIT does). Each vCPU's
 * {@link DecodedPages} joins its domain's coherence (found through the guest memory the vCPUs share) and tells it two
 * things, both rare: that a page got decoded code for the first time (every other member then stops caching writes to
 * that page in its TLB, so its stores to the page take the slow path that sees code), and that a store reached a page
 * of code (every other member then drops the decoded instructions the store may have overwritten). Members apply what
 * others asked when their run loop calls {@link DecodedPages#sync()}, at the points where it already polls for
 * interrupts, so a vCPU running on another pCPU runs stale code for a bounded number of instructions after the store,
 * as a processor does until it serialises (SDM Vol. 3 8.1.3; Arm ARM B2.2.5; PowerPC's icbi and isync).
 *
 * <p>A store made in the short window between another vCPU's first decode of a page and this vCPU's next poll goes
 * through a TLB entry that still allows writes and is not seen; code that follows the architectures'
 * cross-modifying-code protocols stores long after the executing vCPU first ran the page.
 */
public final class CodeCoherence {
    private static final Map<GuestMemory, CodeCoherence> DOMAINS = Collections.synchronizedMap(new WeakHashMap<>());

    /** Weakly held: a vCPU that is gone (destroyed, or replaced by a restore) leaves with its cache. */
    private final List<WeakReference<Member>> members = new CopyOnWriteArrayList<>();

    private CodeCoherence() { }

    /** The coherence of the vCPUs that share {@code memory}. */
    public static CodeCoherence of(GuestMemory memory) { return DOMAINS.computeIfAbsent(memory, m -> new CodeCoherence()); }

    /** Joins {@code pages} (one vCPU's cache); the member carries what the others ask of it. */
    Member join(DecodedPages pages) {
        Member m = new Member(pages);
        members.add(new WeakReference<>(m));
        return m;
    }

    /** How many caches are members (vCPUs whose cache is still referenced). */
    public int size() {
        members.removeIf(r -> r.get() == null);
        return members.size();
    }

    /** What one member was asked: a page became code elsewhere, or bytes of a code page were written elsewhere. */
    private record Request(long gpa, int length, int lookBehind, boolean becameCode) { }

    /** One vCPU's cache in the domain; its methods other than {@link #apply} may be called from any thread. */
    final class Member {
        private final DecodedPages pages;
        private final Queue<Request> inbox = new ConcurrentLinkedQueue<>();
        /** Raised when the inbox has something: the run loop's poll reads only this. */
        private volatile boolean pending;

        private Member(DecodedPages pages) { this.pages = pages; }

        /** This member decoded code on page {@code gfn} for the first time. */
        void becameCode(long gfn) { if (members.size() > 1) tellOthers(new Request(gfn << 12, 0, 0, true)); }

        /** This member stored {@code length} bytes at {@code gpa} into a page of code. */
        void wrote(long gpa, int length, int lookBehind) {
            if (members.size() > 1) tellOthers(new Request(gpa, length, lookBehind, false));  // a vCPU alone: no one to tell
        }

        private void tellOthers(Request r) {
            boolean gone = false;
            for (WeakReference<Member> ref : members) {
                Member m = ref.get();
                if (m == null) gone = true;
                else if (m != this) {
                    m.inbox.add(r);
                    m.pending = true;
                }
            }
            if (gone) members.removeIf(ref -> ref.get() == null);
        }

        /** On this member's own thread: applies what others asked; true if anything was asked. */
        boolean apply() {
            if (!pending) return false;
            pending = false;
            for (Request r; (r = inbox.poll()) != null; ) {
                if (r.becameCode()) pages.foreignCode(r.gpa() >>> 12);
                else pages.dropLocal(r.gpa(), r.length(), r.lookBehind());
            }
            return true;
        }
    }
}
