package org.polyvisor.isa.x86_64;

import java.nio.ByteOrder;
import java.util.List;
import org.polyvisor.isa.x86.X86BootProtocol;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.isa.x86.exec.X86RegisterLayout;
import org.polyvisor.isa.x86_64.disasm.X86_64Disassembler;
import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.isa.x86_64.decode.Decoder64;
import org.polyvisor.isa.x86_64.trap.LongModeTraps;
import org.polyvisor.spi.BootProtocol;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.HypercallAbi;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.RegisterSet;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;

/** x86_64 (long mode), little-endian, ELF EM_X86_64; hypercalls by {@code syscall} from the PV kernel, or {@code vmcall}. */
public final class X86_64IsaProvider implements IsaProvider {
    public static final String ID = "x86_64";
    private static final Disassembler DISASSEMBLER = new X86_64Disassembler();

    @Override public String id() { return ID; }

    @Override public String description() { return "x86_64 (AMD64, long mode), little-endian"; }

    @Override public int wordBits() { return 64; }

    @Override public ByteOrder byteOrder() { return ByteOrder.LITTLE_ENDIAN; }

    @Override public int elfMachine() { return 62; }

    @Override public int elfClass() { return 2; }

    @Override public RegisterSet registers() { return X86RegisterLayout.AMD64.set(); }

    @Override
    public Vcpu createVcpu(VcpuConfig config) {
        LongModeTraps traps = new LongModeTraps(config.type());
        X86Vcpu vcpu = new X86Vcpu(ID, config.vcpuId(), config.memory(), X86RegisterLayout.AMD64, new Decoder64(), traps, config.clock());
        if (vcpu.callbacks() != null) traps.attach(vcpu.callbacks().modes);  // the syscall hypercall follows kernel mode
        return vcpu;
    }

    @Override public Disassembler disassembler() { return DISASSEMBLER; }

    /** Long mode, flat, CPL 0 (a Xen PV kernel: CPL 3 in Xen's ring model), rsi = start_info (see {@link X86BootProtocol}). */
    @Override public BootProtocol bootProtocol() { return new X86BootProtocol(true); }

    /** HVM domains boot on the PC of the IA-32 module (Multiboot kernels enter 32-bit protected mode, long mode off). */
    @Override
    public java.util.Optional<org.polyvisor.spi.platform.Platform> createPlatform(org.polyvisor.spi.platform.PlatformHost host) {
        return java.util.Optional.of(new org.polyvisor.isa.x86.platform.PcBoard(host, true, System.currentTimeMillis() / 1000));
    }

    /** Xen's x86_64 PV ABI: op in rax, arguments in rdi, rsi, rdx, r10, r8, result in rax. */
    @Override
    public HypercallAbi hypercallAbi() {
        return new HypercallAbi("syscall", CpuState.RAX, List.of(CpuState.RDI, CpuState.RSI, CpuState.RDX, 10, 8), CpuState.RAX);
    }

    /** Xen's x86 PV {@code struct vcpu_guest_context} ({@link org.polyvisor.isa.x86.pv.XenGuestContext}). */
    @Override
    public java.util.Optional<org.polyvisor.spi.GuestContext> guestContext() {
        return java.util.Optional.of(org.polyvisor.isa.x86.pv.XenGuestContext.X86_64);
    }
}
