package org.polyvisor.isa.x86;

import java.nio.ByteOrder;
import java.util.List;
import org.polyvisor.isa.x86.decode.Decoder;
import org.polyvisor.isa.x86.disasm.X86Disassembler;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.isa.x86.exec.X86RegisterLayout;
import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.isa.x86.platform.PcBoard;
import org.polyvisor.isa.x86.trap.TrapModel;
import org.polyvisor.spi.BootProtocol;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.HypercallAbi;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.RegisterSet;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.platform.Platform;
import org.polyvisor.spi.platform.PlatformHost;

/** IA-32: 32-bit protected mode, little-endian, ELF EM_386; hypercalls by {@code int $0x82} (PV) or {@code vmcall}. */
public final class X86IsaProvider implements IsaProvider {
    public static final String ID = "x86";
    private static final X86Disassembler DISASSEMBLER = new X86Disassembler(Decoder::new);

    @Override public String id() { return ID; }

    @Override public String description() { return "IA-32 (i386), little-endian"; }

    @Override public int wordBits() { return 32; }

    @Override public ByteOrder byteOrder() { return ByteOrder.LITTLE_ENDIAN; }

    @Override public int elfMachine() { return 3; }

    @Override public int elfClass() { return 1; }

    @Override public RegisterSet registers() { return X86RegisterLayout.IA32.set(); }

    @Override
    public Vcpu createVcpu(VcpuConfig config) {
        return new X86Vcpu(ID, config.vcpuId(), config.memory(), X86RegisterLayout.IA32, new Decoder(), new TrapModel(config.type()),
                config.clock());
    }

    @Override public Disassembler disassembler() { return DISASSEMBLER; }

    @Override public BootProtocol bootProtocol() { return new X86BootProtocol(false); }

    /** HVM domains boot on a PC ({@link PcBoard}): Multiboot kernels, or a firmware ROM at the reset vector. */
    @Override
    public java.util.Optional<Platform> createPlatform(PlatformHost host) {
        return java.util.Optional.of(new PcBoard(host, false, System.currentTimeMillis() / 1000));
    }

    /** Xen's x86_32 PV ABI: op in eax, arguments in ebx, ecx, edx, esi, edi, result in eax. */
    @Override
    public HypercallAbi hypercallAbi() {
        return new HypercallAbi("int $0x82", CpuState.RAX,
                List.of(CpuState.RBX, CpuState.RCX, CpuState.RDX, CpuState.RSI, CpuState.RDI), CpuState.RAX);
    }

    /** Xen's x86 PV {@code struct vcpu_guest_context} ({@link org.polyvisor.isa.x86.pv.XenGuestContext}). */
    @Override
    public java.util.Optional<org.polyvisor.spi.GuestContext> guestContext() {
        return java.util.Optional.of(org.polyvisor.isa.x86.pv.XenGuestContext.X86_32);
    }
}
