package org.polyvisor.isa.ia64;

import java.nio.ByteOrder;
import java.util.List;
import org.polyvisor.isa.ia64.disasm.Ia64Disassembler;
import org.polyvisor.isa.ia64.exec.Ia64Vcpu;
import org.polyvisor.spi.BootProtocol;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.HypercallAbi;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.RegisterSet;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import java.util.Optional;
import org.polyvisor.isa.ia64.platform.Ia64Board;
import org.polyvisor.isa.ia64.pv.Ia64GuestContext;
import org.polyvisor.spi.GuestContext;
import org.polyvisor.spi.platform.Platform;
import org.polyvisor.spi.platform.PlatformHost;

/** IA-64 (Itanium): 128-bit bundles of three 41-bit slots, little-endian, ELFCLASS64, EM_IA_64. */
public final class Ia64IsaProvider implements IsaProvider {
    private static final HypercallAbi ABI = new HypercallAbi("break 0x1000", 2, List.of(14, 15, 16, 17, 18), 8);

    @Override public String id() { return "ia64"; }

    @Override public String description() { return "IA-64 (Itanium), little-endian"; }

    @Override public int wordBits() { return 64; }

    @Override public ByteOrder byteOrder() { return ByteOrder.LITTLE_ENDIAN; }

    @Override public int elfMachine() { return 50; }

    @Override public int elfClass() { return 2; }

    @Override public RegisterSet registers() { return Ia64Registers.SET; }

    @Override public Vcpu createVcpu(VcpuConfig config) { return new Ia64Vcpu(config); }

    @Override public Disassembler disassembler() { return new Ia64Disassembler(); }

    @Override public BootProtocol bootProtocol() { return new Ia64BootProtocol(); }

    @Override public HypercallAbi hypercallAbi() { return ABI; }

    /** Polyvisor's ia64 {@code struct vcpu_guest_context} for VCPUOP_initialise ({@link Ia64GuestContext}). */
    @Override
    public Optional<GuestContext> guestContext() {
        return Optional.of(new Ia64GuestContext());
    }

    /** The ia64 HVM board: 16550 UART and power-off register, interrupts through cr.ivr ({@link Ia64Board}). */
    @Override
    public Optional<Platform> createPlatform(PlatformHost host) {
        return Optional.of(new Ia64Board(host));
    }
}
