package org.polyvisor.spi;

import java.nio.ByteOrder;
import java.util.Optional;
import java.util.ServiceLoader;
import org.polyvisor.spi.platform.Platform;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * One instruction set architecture, found by {@link ServiceLoader}. Stateless: everything per
 * domain or per vCPU is created through it.
 */
public interface IsaProvider {

    /** Stable id: {@code x86}, {@code x86_64}, {@code arm64}, {@code ia64}, {@code ppc}. */
    String id();

    /** One line for {@code polyvisor isa}, e.g. "IA-32 (i386), little-endian". */
    String description();

    /** 32 or 64. */
    int wordBits();

    ByteOrder byteOrder();

    /** The smallest translation granule in bytes (4096 for all five). */
    default int pageSize() { return 4096; }

    /** ELF {@code e_machine} this ISA runs (EM_386 = 3, EM_PPC = 20, EM_IA_64 = 50, EM_X86_64 = 62, EM_AARCH64 = 183). */
    int elfMachine();

    /** ELF {@code EI_CLASS}: 1 for ELFCLASS32, 2 for ELFCLASS64. */
    int elfClass();

    /** Where guest RAM starts in the guest-physical space of a domain of this type (0, or 0x40000000 on arm64). */
    default long ramBase(GuestType type) { return 0; }

    RegisterSet registers();

    Vcpu createVcpu(VcpuConfig config);

    Disassembler disassembler();

    BootProtocol bootProtocol();

    HypercallAbi hypercallAbi();

    /**
     * Xen's vcpu_guest_context for this ISA (VCPUOP_initialise, DOMCTL_getvcpucontext), or empty when this ISA has
     * none yet: its PV guests then run one vCPU, or bring up only vCPUs that already ran.
     */
    default Optional<GuestContext> guestContext() { return Optional.empty(); }

    /**
     * Makes the board for one HVM domain (the ISA's emulated platform: UART, interrupt controller, power-off...), or
     * empty when this ISA has none yet: such a domain then boots in the ISA's reset state with no devices. A board
     * that cannot model the domain's configuration (more vCPUs than its interrupt controller serves, say) throws
     * IllegalArgumentException with a message for the user; the domain is then not created.
     */
    default Optional<Platform> createPlatform(PlatformHost host) {
        return Optional.empty();
    }

    /**
     * Reads a kernel file that is not ELF as this ISA's raw kernel format (for arm64 the Linux {@code Image}), placing it
     * in RAM that starts at {@code ramBase} as that format's boot protocol says. Empty when this ISA has no raw format
     * (the builder then reports the file as not ELF); otherwise the placement or precisely why the file is not loadable.
     * Never throws for bad input.
     */
    default Optional<RawImage> rawImage(byte[] bytes, long ramBase) { return Optional.empty(); }
}
