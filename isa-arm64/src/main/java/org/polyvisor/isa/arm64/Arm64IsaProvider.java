package org.polyvisor.isa.arm64;

import java.nio.ByteOrder;
import java.util.List;

import org.polyvisor.isa.arm64.decode.A64Decoder;
import org.polyvisor.isa.arm64.disasm.A64Disassembler;
import org.polyvisor.isa.arm64.exec.Arm64Vcpu;
import org.polyvisor.spi.BootProtocol;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.HypercallAbi;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.RegisterSet;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;

/** AArch64 (A64 instruction set, little-endian), found by {@link java.util.ServiceLoader}. */
public final class Arm64IsaProvider implements IsaProvider {
    /** EM_AARCH64. */
    public static final int EM_AARCH64 = 183;
    /** Guest RAM starts at 1 GiB, as on Xen's and QEMU virt's arm64 memory maps. */
    public static final long RAM_BASE = 0x4000_0000L;

    /** The decode table is built once and shared: decoding is stateless. */
    private static final A64Decoder DECODER = new A64Decoder();
    private static final HypercallAbi HYPERCALL_ABI = new HypercallAbi("hvc #0xea1", 16, List.of(0, 1, 2, 3, 4), 0);

    @Override public String id() { return "arm64"; }

    @Override public String description() { return "AArch64 (A64), little-endian"; }

    @Override public int wordBits() { return 64; }

    @Override public ByteOrder byteOrder() { return ByteOrder.LITTLE_ENDIAN; }

    @Override public int elfMachine() { return EM_AARCH64; }

    @Override public int elfClass() { return 2; }

    @Override public long ramBase(GuestType type) { return RAM_BASE; }

    @Override public RegisterSet registers() { return Arm64Registers.SET; }

    @Override public Vcpu createVcpu(VcpuConfig config) { return new Arm64Vcpu(config, DECODER); }

    @Override public Disassembler disassembler() { return new A64Disassembler(DECODER); }

    @Override public BootProtocol bootProtocol() { return new Arm64BootProtocol(); }

    @Override public HypercallAbi hypercallAbi() { return HYPERCALL_ABI; }

    /** Xen on ARM's vcpu_guest_context (public/arch-arm.h) for VCPUOP_initialise and getvcpucontext. */
    @Override
    public java.util.Optional<org.polyvisor.spi.GuestContext> guestContext() {
        return java.util.Optional.of(new org.polyvisor.isa.arm64.pv.ArmGuestContext());
    }

    /** HVM domains boot on QEMU's virt board: PL011, GICv2, PSCI, a device tree in x0. */
    @Override
    public java.util.Optional<org.polyvisor.spi.platform.Platform> createPlatform(org.polyvisor.spi.platform.PlatformHost host) {
        return java.util.Optional.of(new org.polyvisor.isa.arm64.platform.VirtBoard(host));
    }

    /** A Linux arm64 {@code Image} (booting.rst): placed at the first 2 MiB boundary of RAM plus its text_offset. */
    @Override
    public java.util.Optional<org.polyvisor.spi.RawImage> rawImage(byte[] bytes, long ramBase) {
        return java.util.Optional.of(org.polyvisor.isa.arm64.platform.Arm64Image.read(bytes, ramBase));
    }
}
