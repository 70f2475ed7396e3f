package org.polyvisor.isa.ppc.trap;

import org.polyvisor.spi.GuestMemory;

/**
 * The "installed" policy of this backend: an exception is delivered into the guest only if the guest has put a
 * handler at its vector, which means that the word at the vector's guest-physical address (prefix from MSR[IP]
 * plus the offset, e.g. 0x700 or 0xFFF00700) is in guest RAM and is not zero. No real handler starts with the word 0
 * (primary opcode 0 is no instruction), and RAM a domain has not written reads as zero, so a guest that never
 * wrote its vectors (the PV test images, which live at 0x100000) keeps the walking skeleton's behaviour: a
 * synchronous exception it cannot take crashes the domain with a {@code VcpuExit.Fault}, and an asynchronous one
 * (decrementer, external) stays pending. The check is made at each exception, so installing a handler later, or
 * switching MSR[IP], takes effect at once.
 */
public final class InstalledVectors {
    private InstalledVectors() { }

    public static boolean installed(GuestMemory memory, long msr, int vector) {
        long address = Vectors.prefix(msr) + vector;
        return memory.isRam(address, 4) && memory.read(address, 4) != 0;
    }
}
