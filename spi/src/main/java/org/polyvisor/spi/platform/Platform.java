package org.polyvisor.spi.platform;

import java.util.List;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuConfig;

/**
 * One HVM domain's board, made by {@link IsaProvider#createPlatform}: its device windows, and
 * the state its firmware or boot loader leaves vCPU 0 in. An ISA's vCPUs reach their own board through
 * {@link VcpuConfig#platform()} (for PSCI, a GIC's system registers, a local APIC...).
 */
public interface Platform {

    /** The device windows; fixed once the board is made. Accesses outside them read all ones and drop writes. */
    List<DeviceWindow> windows();

    /**
     * Puts vCPU 0 into its first state after the kernel loaded the image. The board may first write into guest RAM
     * what its boot protocol hands over (a device tree, a multiboot info block...).
     */
    void boot(Vcpu vcpu, BootInfo info);

    /** Bytes typed on the domain's console go to the board's console UART. */
    default void consoleInput(byte[] bytes) { }

    /** One line for {@code info}: the board's name and memory map. */
    default String describe() { return getClass().getSimpleName(); }
}
