package org.polyvisor.isa.ppc;

import org.polyvisor.isa.ppc.platform.PpcBoard;

import java.nio.ByteOrder;
import java.util.List;

import org.polyvisor.isa.ppc.disasm.PpcDisassembler;
import org.polyvisor.isa.ppc.exec.PpcVcpu;
import org.polyvisor.spi.BootProtocol;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.HypercallAbi;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.RegisterSet;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;

/** 32-bit PowerPC (big-endian, ELFCLASS32, EM_PPC): the service entry of this backend. */
public final class PpcIsaProvider implements IsaProvider {
    /** {@code sc 1}: op in r3, arguments in r4-r8, result in r3 (DESIGN.md). */
    private static final HypercallAbi ABI = new HypercallAbi("sc 1", 3, List.of(4, 5, 6, 7, 8), 3);
    private static final Disassembler DISASSEMBLER = new PpcDisassembler();
    private static final BootProtocol BOOT = new PpcBootProtocol();

    @Override public String id() { return "ppc"; }

    @Override public String description() { return "32-bit PowerPC, big-endian"; }

    @Override public int wordBits() { return 32; }

    @Override public ByteOrder byteOrder() { return ByteOrder.BIG_ENDIAN; }

    @Override public int elfMachine() { return 20; }

    @Override public int elfClass() { return 1; }

    @Override public RegisterSet registers() { return PpcRegisters.SET; }

    @Override public Vcpu createVcpu(VcpuConfig config) { return new PpcVcpu(config); }

    @Override public Disassembler disassembler() { return DISASSEMBLER; }

    @Override public BootProtocol bootProtocol() { return BOOT; }

    @Override public HypercallAbi hypercallAbi() { return ABI; }

    private static final org.polyvisor.spi.GuestContext CONTEXT = new org.polyvisor.isa.ppc.pv.PpcGuestContext();

    /** Polyvisor's 32-bit ppc vcpu_guest_context ({@link org.polyvisor.isa.ppc.pv.PpcGuestContext}). */
    @Override public java.util.Optional<org.polyvisor.spi.GuestContext> guestContext() { return java.util.Optional.of(CONTEXT); }

    /** The ppc HVM board: 16550 UART, OpenPIC, power-off register, ePAPR boot ({@link PpcBoard}). */
    @Override
    public java.util.Optional<org.polyvisor.spi.platform.Platform> createPlatform(org.polyvisor.spi.platform.PlatformHost host) {
        return java.util.Optional.of(new PpcBoard(host));
    }
}
