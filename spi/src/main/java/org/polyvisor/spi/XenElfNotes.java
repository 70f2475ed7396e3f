package org.polyvisor.spi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The "Xen" ELF notes of a kernel image (public/elfnote.h), by note type: how a PV or PVH kernel tells the domain
 * builder its entry points, hypercall page, virtual base, guest OS and features. Numbers are the note's 1-, 2-, 4-
 * or 8-byte descriptor in the ELF's byte order; strings are NUL-terminated.
 */
public record XenElfNotes(Map<Integer, byte[]> raw, ByteOrder order) {
    public static final int ENTRY = 1, HYPERCALL_PAGE = 2, VIRT_BASE = 3, PADDR_OFFSET = 4, XEN_VERSION = 5, GUEST_OS = 6,
            GUEST_VERSION = 7, LOADER = 8, PAE_MODE = 9, FEATURES = 10, BSD_SYMTAB = 11, HV_START_LOW = 12,
            L1_MFN_VALID = 13, SUSPEND_CANCEL = 14, INIT_P2M = 15, MOD_START_PFN = 16, SUPPORTED_FEATURES = 17,
            PHYS32_ENTRY = 18;

    public static final XenElfNotes NONE = new XenElfNotes(Map.of(), ByteOrder.LITTLE_ENDIAN);

    public XenElfNotes {
        raw = Map.copyOf(raw);
    }

    public boolean isEmpty() { return raw.isEmpty(); }

    /** A numeric note, or empty when absent or not 1, 2, 4 or 8 bytes long. */
    public OptionalLong number(int type) {
        byte[] d = raw.get(type);
        if (d == null) return OptionalLong.empty();
        ByteBuffer b = ByteBuffer.wrap(d).order(order);
        return switch (d.length) {
            case 1 -> OptionalLong.of(d[0] & 0xFFL);
            case 2 -> OptionalLong.of(b.getShort(0) & 0xFFFFL);
            case 4 -> OptionalLong.of(b.getInt(0) & 0xFFFF_FFFFL);
            case 8 -> OptionalLong.of(b.getLong(0));
            default -> OptionalLong.empty();
        };
    }

    /** A string note (up to its first NUL), or empty when absent. */
    public Optional<String> text(int type) {
        byte[] d = raw.get(type);
        if (d == null) return Optional.empty();
        int n = 0;
        while (n < d.length && d[n] != 0) n++;
        return Optional.of(new String(d, 0, n, StandardCharsets.ISO_8859_1));
    }
}
