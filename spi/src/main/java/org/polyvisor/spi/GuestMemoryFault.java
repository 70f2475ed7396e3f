package org.polyvisor.spi;

/** An access by the hypervisor (not by a vCPU) to a guest-physical address that is not RAM of the domain. */
public final class GuestMemoryFault extends RuntimeException {
    private final long address;

    public GuestMemoryFault(long address) {
        super("guest-physical address 0x" + Long.toHexString(address) + " is not RAM of this domain");
        this.address = address;
    }

    public long address() { return address; }
}
