package org.polyvisor.kernel.event;

/**
 * Offsets in Xen's {@code shared_info} page (xen.h, arch-x86/xen.h) for a guest word size: {@code xen_ulong_t}
 * is the guest's word. 64-bit: 32 vcpu_info of 64 bytes, evtchn_pending[64] at 2048, evtchn_mask[64] at 2560,
 * wc_version/wc_sec/wc_nsec at 3072. 32-bit: vcpu_info is 64 bytes too (pending_sel at 4), the bitmaps are 32
 * words each at 2048 and 2176, the wallclock at 2304. The 64-bit layout serves arm64 and ia64, the 32-bit
 * one ppc (Xen never defined these ISAs' PV layout in this form; the choice is documented in the README).
 */
public record SharedInfoLayout(int wordBytes) {
    /** XEN_LEGACY_MAX_VCPUS: vcpu_info slots in shared_info; later vCPUs register their own (VCPUOP_register_vcpu_info). */
    public static final int LEGACY_VCPUS = 32;
    public static final int VCPU_INFO_SIZE = 64;
    public static final int UPCALL_PENDING = 0, UPCALL_MASK = 1;
    public static final int VCPU_TIME = 32;

    public static SharedInfoLayout forWordBits(int bits) { return new SharedInfoLayout(bits / 8); }

    public int bitsPerWord() { return wordBytes * 8; }

    /** Ports of the 2-level ABI: one selector word of bitmap words. */
    public int maxPorts() { return bitsPerWord() * bitsPerWord(); }

    public int vcpuInfo(int vcpu) { return vcpu * VCPU_INFO_SIZE; }

    public int pendingSel(int vcpu) { return vcpuInfo(vcpu) + wordBytes; }

    public int pendingWord(int port) { return LEGACY_VCPUS * VCPU_INFO_SIZE + port / bitsPerWord() * wordBytes; }

    public int maskWord(int port) { return pendingWord(port) + bitsPerWord() * wordBytes; }

    public int wcVersion() { return LEGACY_VCPUS * VCPU_INFO_SIZE + 2 * bitsPerWord() * wordBytes; }

    public int wcSec() { return wcVersion() + 4; }

    public int wcNsec() { return wcVersion() + 8; }
}
