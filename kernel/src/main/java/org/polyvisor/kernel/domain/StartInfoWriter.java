package org.polyvisor.kernel.domain;

import java.nio.charset.StandardCharsets;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.IsaProvider;

/**
 * Writes Xen's {@code start_info} page (xen.h) in the guest's word size and byte order: magic, nr_pages, flags
 * (SIF_PRIVILEGED | SIF_INITDOMAIN for dom0) and cmd_line. Fields not set yet (shared_info, store, console
 * rings, page tables, modules) are zero until the issues that bring them.
 */
final class StartInfoWriter {
    static final int SIF_PRIVILEGED = 1, SIF_INITDOMAIN = 2;
    static final int MAX_GUEST_CMDLINE = 1024;

    private StartInfoWriter() { }

    /** The guest's magic: Xen's for x86, the same pattern for the ISAs Xen never ran PV. */
    static String magic(IsaProvider isa) {
        return switch (isa.id()) {
            case "x86_64" -> "xen-3.0-x86_64";
            case "x86" -> "xen-3.0-x86_32p";
            default -> "xen-3.0-" + isa.id();
        };
    }

    /** Offset of cmd_line: after magic[32] and ten word-sized or 32-bit fields, as laid out for the word size. */
    static int cmdlineOffset(int wordBits) { return wordBits == 64 ? 128 : 80; }

    /** Offset of console.domU.mfn (a guest frame here) and console.domU.evtchn. */
    static int consoleMfnOffset(int wordBits) { return wordBits == 64 ? 72 : 52; }

    static int consoleEvtchnOffset(int wordBits) { return wordBits == 64 ? 80 : 56; }

    /** Offset of store_evtchn (uint32), filled in once the store's event channel is bound. */
    static int storeEvtchnOffset(int wordBits) { return wordBits == 64 ? 64 : 48; }

    static void write(GuestMemory mem, long at, IsaProvider isa, long nrPages, long sharedInfo, long storeRing, boolean dom0, String cmdline) {
        byte[] zero = new byte[GuestMemory.PAGE_SIZE];
        mem.writeBytes(at, zero, 0, zero.length);
        byte[] m = magic(isa).getBytes(StandardCharsets.US_ASCII);
        mem.writeBytes(at, m, 0, m.length);
        boolean wide = isa.wordBits() == 64;
        int word = wide ? 8 : 4;
        mem.write(at + 32, word, nrPages);                       // nr_pages
        mem.write(at + (wide ? 40 : 36), word, sharedInfo);      // shared_info (guest-physical here)
        mem.write(at + (wide ? 56 : 44), word, storeRing >>> GuestMemory.PAGE_SHIFT); // store_mfn (a guest frame here)
        mem.write(at + (wide ? 48 : 40), 4, dom0 ? SIF_PRIVILEGED | SIF_INITDOMAIN : 0); // flags
        byte[] cmd = cmdline.getBytes(StandardCharsets.US_ASCII);
        int n = Math.min(cmd.length, MAX_GUEST_CMDLINE - 1);
        mem.writeBytes(at + cmdlineOffset(isa.wordBits()), cmd, 0, n);
    }
}
