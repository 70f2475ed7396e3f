package org.polyvisor.isa.arm64;

import java.nio.ByteOrder;

import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;

/** A vCPU on 64 KiB of flat RAM at the arm64 RAM base, with an MMIO window below it: what the unit tests run on. */
public final class TestMachine implements AutoCloseable {
    public static final long RAM = Arm64IsaProvider.RAM_BASE;
    public static final long CODE = RAM;
    public static final long DATA = RAM + 0x8000;
    public static final long MMIO = 0x0900_0000L;

    public final FlatGuestMemory memory;
    public final Vcpu vcpu;

    public TestMachine() { this(64 * 1024); }

    public TestMachine(long ramBytes) {
        memory = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, RAM, ramBytes).withMmio(MMIO, 0x1000);
        vcpu = new Arm64IsaProvider().createVcpu(new VcpuConfig(memory, 0, GuestType.PV, () -> 0));
        vcpu.setPc(CODE);
    }

    /** Writes little-endian instruction words at {@code address}. */
    public TestMachine code(long address, int... words) {
        for (int k = 0; k < words.length; k++) memory.write(address + 4L * k, 4, words[k] & 0xFFFF_FFFFL);
        return this;
    }

    @Override public void close() { memory.close(); }
}
