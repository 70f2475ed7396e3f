package org.polyvisor.isa.x86.pv;

import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.XenElfNotes;

/**
 * The hypercall page Xen fills for a PV kernel whose ELF has the {@code XEN_ELFNOTE_HYPERCALL_PAGE} note (2): one
 * 32-byte stub per hypercall number, {@code call hypercall_page + nr * 32}, the rest of each slot int3 (0xCC), as
 * Xen's hypercall_page_initialise for PV kernels writes them:
 * <ul>
 * <li>x86_64: {@code push %rcx; push %r11; mov $nr, %eax; syscall; pop %r11; pop %rcx; ret} (the kernel's rcx and r11
 *     survive the call); for iret (23), {@code push %rcx; push %r11; push %rax; mov $23, %eax; syscall}, which leaves
 *     Xen's iret_context {rax, r11, rcx, flags, ...} on the stack above the flags word the caller pushed.</li>
 * <li>x86_32: {@code mov $nr, %eax; int $0x82; ret}; for iret {@code push %eax; mov $23, %eax; int $0x82}.</li>
 * </ul>
 * The note holds the page's virtual address; as in Xen's builder, virtual address {@code va} of the kernel's area is
 * pseudo-physical {@code va - VIRT_BASE} (the note 0 when absent, as for Polyvisor's images linked where they run;
 * PADDR_OFFSET only says where the ELF's p_paddr values sit and plays no part here).
 * A page that is not wholly the domain's RAM or not page-aligned is left alone.
 */
public final class PvHypercallPage {
    static final int STUB_BYTES = 32, IRET = 23;

    private PvHypercallPage() { }

    /** Fills the page the notes name; returns its guest-physical address, or -1 when the kernel names none. */
    public static long install(GuestMemory memory, XenElfNotes notes, boolean wide) {
        var note = notes.number(XenElfNotes.HYPERCALL_PAGE);
        if (note.isEmpty()) return -1;
        long gpa = note.getAsLong() - notes.number(XenElfNotes.VIRT_BASE).orElse(0);
        if ((gpa & (GuestMemory.PAGE_SIZE - 1)) != 0 || !memory.isRam(gpa, GuestMemory.PAGE_SIZE)) return -1;
        memory.writeBytes(gpa, page(wide), 0, GuestMemory.PAGE_SIZE);
        return gpa;
    }

    /** The page's bytes. */
    static byte[] page(boolean wide) {
        byte[] p = new byte[GuestMemory.PAGE_SIZE];
        java.util.Arrays.fill(p, (byte) 0xCC);
        for (int nr = 0; nr < GuestMemory.PAGE_SIZE / STUB_BYTES; nr++) {
            int at = nr * STUB_BYTES;
            byte[] stub = wide ? (nr == IRET ? bytes(0x51, 0x41, 0x53, 0x50, 0xB8, nr, 0, 0, 0, 0x0F, 0x05)
                                             : bytes(0x51, 0x41, 0x53, 0xB8, nr, 0, 0, 0, 0x0F, 0x05, 0x41, 0x5B, 0x59, 0xC3))
                               : (nr == IRET ? bytes(0x50, 0xB8, nr, 0, 0, 0, 0xCD, 0x82)
                                             : bytes(0xB8, nr, 0, 0, 0, 0xCD, 0x82, 0xC3));
            System.arraycopy(stub, 0, p, at, stub.length);
        }
        return p;
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }
}
