package org.polyvisor.kernel.event;

import java.util.function.IntConsumer;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.GuestMemoryFault;

/**
 * One domain's event channel ports and its shared_info page. Changes to the port tables of all domains are made
 * under the hypervisor's one {@link EventHub} lock, so an interdomain pair is never half-made.
 */
public final class EventChannels {
    private final int domainId;
    private final SharedInfoLayout layout;
    private final GuestMemory memory;
    private final long sharedInfo;
    private final int vcpus;
    private final IntConsumer kick;
    private final Port[] ports;

    /**
     * @param sharedInfo guest-physical address of the domain's shared_info page
     * @param kick       wakes a vCPU (by id) that an event is now pending for
     */
    public EventChannels(int domainId, int wordBits, GuestMemory memory, long sharedInfo, int vcpus, IntConsumer kick) {
        this.domainId = domainId;
        this.layout = SharedInfoLayout.forWordBits(wordBits);
        this.memory = memory;
        this.sharedInfo = sharedInfo;
        this.vcpus = vcpus;
        this.kick = kick;
        this.ports = new Port[layout.maxPorts()];
        this.vcpuInfo = new long[vcpus];
        this.registered = new boolean[vcpus];
        for (int v = 0; v < vcpus; v++) vcpuInfo[v] = v < SharedInfoLayout.LEGACY_VCPUS ? sharedInfo + layout.vcpuInfo(v) : -1;
    }

    /** Where each vCPU's vcpu_info is: its shared_info slot, a frame it registered, or -1 (none yet). */
    private final long[] vcpuInfo;
    /** Whether VCPUOP_register_vcpu_info moved it (it can be moved once, as in Xen). */
    private final boolean[] registered;

    /**
     * Guest-physical address of the vcpu_info that events for this vCPU go to: its own (legacy slot or registered
     * frame), else vCPU 0's (a vCPU beyond the 32 legacy slots that registered none).
     */
    public long vcpuInfoAddress(int vcpu) {
        long a = vcpu >= 0 && vcpu < vcpuInfo.length ? vcpuInfo[vcpu] : -1;
        return a >= 0 ? a : vcpuInfo[0];
    }

    /** Xen's errno values that VCPUOP_register_vcpu_info answers here. */
    private static final int ENXIO = 6, EINVAL = 22;

    /**
     * VCPUOP_register_vcpu_info, as Xen 4.19's map_vcpu_info: moves the vCPU's vcpu_info to {@code gfn}:{@code
     * offset}. -ENXIO when the offset leaves no room for the 64 bytes or is not aligned to the guest's word (the
     * structure's alignment); -EINVAL when the vCPU registered already or the frame is not the domain's writable RAM. The current contents move along (a vCPU with no slot gets a cleared one with
     * upcalls masked and its vcpu_time_info), then every selector bit and upcall_pending are set so nothing
     * pending is lost (a spurious event at worst, as in Xen). Returns 0 or a negative errno.
     */
    public synchronized int registerVcpuInfo(int vcpu, long gfn, long offset) {
        if (offset < 0 || offset > GuestMemory.PAGE_SIZE - SharedInfoLayout.VCPU_INFO_SIZE) return -ENXIO;
        if (offset % layout.wordBytes() != 0) return -ENXIO;
        if (vcpu < 0 || vcpu >= vcpuInfo.length || registered[vcpu]) return -EINVAL;
        if (memory.page(gfn) == null || !memory.isWritable(gfn)) return -EINVAL;
        long to = (gfn << GuestMemory.PAGE_SHIFT) + offset;
        byte[] info = new byte[SharedInfoLayout.VCPU_INFO_SIZE];
        if (vcpuInfo[vcpu] >= 0) memory.readBytes(vcpuInfo[vcpu], info, 0, info.length);
        memory.writeBytes(to, info, 0, info.length);
        if (vcpuInfo[vcpu] < 0) {
            memory.write(to + SharedInfoLayout.UPCALL_MASK, 1, 1);
            writeTimeInfo(to + SharedInfoLayout.VCPU_TIME);
        }
        vcpuInfo[vcpu] = to;
        registered[vcpu] = true;
        memory.write(to + layout.wordBytes(), layout.wordBytes(), -1L);
        memory.write(to + SharedInfoLayout.UPCALL_PENDING, 1, 1);
        kick.accept(vcpu);
        return 0;
    }

    /** vcpu_time_info saying system time is the TSC (see {@link #clearPage}). */
    private void writeTimeInfo(long time) {
        memory.write(time, 4, 2);                // version: even, consistent
        memory.write(time + 24, 4, 0x8000_0000L); // tsc_to_system_mul
        memory.write(time + 28, 1, 1);            // tsc_shift
    }

    public int domainId() { return domainId; }

    public int vcpus() { return vcpus; }

    public SharedInfoLayout layout() { return layout; }

    public long sharedInfo() { return sharedInfo; }

    public boolean valid(long port) { return port > 0 && port < ports.length; }

    /** The binding of a port, or null when it is closed or out of range. */
    public Port get(long port) { return valid(port) ? ports[(int) port] : null; }

    /** XEN_DOMCTL_createdomain's max_evtchn_port: the highest port a new binding may take. */
    private volatile int maxPort = Integer.MAX_VALUE;

    /** Limits new bindings to ports up to {@code max} (Xen's d->max_evtchn_port); ports bound already stay. */
    public void setMaxPort(int max) { maxPort = Math.max(0, max); }

    /**
     * The lowest free port (port 0 is never used, as in Xen), bound to {@code p}; -1 when all are in use or the free
     * ones are beyond the domain's max_evtchn_port.
     */
    int allocate(Port p) {
        int last = (int) Math.min(ports.length - 1L, maxPort);
        for (int i = 1; i <= last; i++) {
            if (ports[i] == null) {
                ports[i] = p;
                clearBit(layout.pendingWord(i), i);
                clearBit(layout.maskWord(i), i);
                return i;
            }
        }
        return -1;
    }

    void set(int port, Port p) { ports[port] = p; }

    void free(int port) { ports[port] = null; }

    /** The port bound to a VIRQ for this vCPU, or -1. */
    int virqPort(int virq, int vcpu) {
        for (int i = 1; i < ports.length; i++)
            if (ports[i] instanceof Port.Virq v && v.virq() == virq && v.vcpu() == vcpu) return i;
        return -1;
    }

    /**
     * Marks a port pending, as Xen's evtchn_set_pending does: if it was not pending already and is not masked,
     * the vCPU's selector bit and upcall_pending are set and the vCPU is kicked.
     */
    void setPending(int port) {
        if (testAndSetBit(layout.pendingWord(port), port)) return;
        if (testBit(layout.maskWord(port), port)) return;
        Port p = ports[port];
        notifyVcpu(p == null ? 0 : p.vcpu(), port);
    }

    /** EVTCHNOP_unmask: clears the mask bit and delivers an event that arrived while it was masked. */
    void unmask(int port) {
        clearBit(layout.maskWord(port), port);
        if (testBit(layout.pendingWord(port), port)) {
            Port p = ports[port];
            notifyVcpu(p == null ? 0 : p.vcpu(), port);
        }
    }

    private void notifyVcpu(int vcpu, int port) {
        if (vcpu < 0 || vcpu >= vcpuInfo.length || vcpuInfo[vcpu] < 0) vcpu = 0; // no vcpu_info of its own yet
        long info = vcpuInfo[vcpu];
        int selectorBit = port / layout.bitsPerWord();
        try {
            setBitAt(info + layout.wordBytes(), selectorBit);
            memory.write(info + SharedInfoLayout.UPCALL_PENDING, 1, 1);
        } catch (GuestMemoryFault e) {
            return; // the guest gave its registered frame back: it gets no more upcalls there
        }
        kick.accept(vcpu);
    }

    /** Whether an event would be delivered to this vCPU now: upcall_pending set and not masked. */
    public boolean deliverable(int vcpu) {
        long base = vcpuInfoAddress(vcpu);
        try {
            return memory.read(base + SharedInfoLayout.UPCALL_PENDING, 1) != 0 && memory.read(base + SharedInfoLayout.UPCALL_MASK, 1) == 0;
        } catch (GuestMemoryFault e) {
            return false;
        }
    }

    private void setBitAt(long at, int bit) {
        long m = 1L << (bit % layout.bitsPerWord());
        while (true) {
            long old = memory.read(at, layout.wordBytes());
            if ((old & m) != 0) return;
            if (memory.compareAndExchange(at, layout.wordBytes(), old, old | m) == old) return;
        }
    }

    /** Whether this port's pending bit is set (SCHEDOP_poll). */
    public boolean pending(int port) { return valid(port) && testBit(layout.pendingWord(port), port); }

    /** Writes the wallclock (wc_version even = consistent, as guests check). */
    public void writeWallclock(long epochNanos) {
        long base = sharedInfo;
        memory.write(base + layout.wcVersion(), 4, 1);
        memory.write(base + layout.wcSec(), 4, epochNanos / 1_000_000_000L);
        memory.write(base + layout.wcNsec(), 4, epochNanos % 1_000_000_000L);
        memory.write(base + layout.wcVersion(), 4, 2);
    }

    /**
     * The state a guest finds at boot: upcalls masked, and each vcpu_time_info saying that system time is the TSC
     * (version 2, tsc_timestamp 0, system_time 0, tsc_to_system_mul 2^31 with tsc_shift 1: ns = tsc), because
     * Polyvisor's TSC-like counters count the vCPU's virtual nanoseconds.
     */
    public void clearPage() {
        byte[] zero = new byte[GuestMemory.PAGE_SIZE];
        memory.writeBytes(sharedInfo, zero, 0, zero.length);
        for (int v = 0; v < Math.min(vcpus, SharedInfoLayout.LEGACY_VCPUS); v++) {
            long info = sharedInfo + layout.vcpuInfo(v);
            memory.write(info + SharedInfoLayout.UPCALL_MASK, 1, 1);
            writeTimeInfo(info + SharedInfoLayout.VCPU_TIME);
        }
    }

    // Bitmap words are xen_ulong_t in the guest's byte order; the guest changes them with atomic instructions too.

    private long wordAddress(int wordOffset) { return sharedInfo + wordOffset; }

    private boolean testBit(int wordOffset, int bit) {
        long w = memory.read(wordAddress(wordOffset), layout.wordBytes());
        return (w >>> (bit % layout.bitsPerWord()) & 1) != 0;
    }

    private boolean testAndSetBit(int wordOffset, int bit) {
        long at = wordAddress(wordOffset);
        long m = 1L << (bit % layout.bitsPerWord());
        while (true) {
            long old = memory.read(at, layout.wordBytes());
            if ((old & m) != 0) return true;
            if (memory.compareAndExchange(at, layout.wordBytes(), old, old | m) == old) return false;
        }
    }

    private void clearBit(int wordOffset, int bit) {
        long at = wordAddress(wordOffset);
        long m = 1L << (bit % layout.bitsPerWord());
        while (true) {
            long old = memory.read(at, layout.wordBytes());
            if ((old & m) == 0) return;
            if (memory.compareAndExchange(at, layout.wordBytes(), old, old & ~m) == old) return;
        }
    }
}
