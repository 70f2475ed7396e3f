package org.polyvisor.kernel.hypercall;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * An HVM domain's parameters (public/hvm/params.h), read and written with HVMOP_get_param/set_param: where its
 * XenStore and console rings are and their event channels (set by the domain builder), and the callback through
 * which it wants event upcalls (set by the guest).
 */
public final class HvmParams {
    public static final int CALLBACK_IRQ = 0, STORE_PFN = 1, STORE_EVTCHN = 2, VM86_TSS = 15, CONSOLE_PFN = 17,
            CONSOLE_EVTCHN = 18, ACPI_IOPORTS_LOCATION = 19, VM_GENERATION_ID_ADDR = 34, X87_FIP_WIDTH = 36,
            VM86_TSS_SIZED = 37;
    /** HVM_NR_PARAMS in Xen 4.19. */
    public static final int COUNT = 39;
    /** CALLBACK_IRQ's type in bits 63:56: a GSI, a PCI INTx, an x86 vector, an Arm PPI. */
    public static final int VIA_GSI = 0, VIA_PCI_INTX = 1, VIA_VECTOR = 2, VIA_EVENT_PPI = 3;

    private final AtomicLongArray values = new AtomicLongArray(COUNT);

    public long get(int index) { return values.get(index); }

    /** Written by the toolstack side (the domain builder), whatever the guest may do. */
    public void set(int index, long value) { values.set(index, value); }

    /**
     * Which parameters the guest itself may set: Xen's hvm_allow_set_param lets a guest set its callback, its
     * XenStore and console event channels, the VM86 TSS, the ACPI I/O port location, the VM generation id address
     * and the x87 FIP width; everything else (the ring frames among them) is the toolstack's.
     */
    static boolean guestMaySet(int index) {
        return switch (index) {
            case CALLBACK_IRQ, STORE_EVTCHN, CONSOLE_EVTCHN, VM86_TSS, VM86_TSS_SIZED, ACPI_IOPORTS_LOCATION,
                 VM_GENERATION_ID_ADDR, X87_FIP_WIDTH -> true;
            default -> false;
        };
    }

    /** The x86 vector upcalls should arrive on, or -1 when the guest asked for none or another kind of callback. */
    public int callbackVector() {
        long v = values.get(CALLBACK_IRQ);
        return v != 0 && (v >>> 56) == VIA_VECTOR ? (int) (v & 0xFF) : -1;
    }
}
