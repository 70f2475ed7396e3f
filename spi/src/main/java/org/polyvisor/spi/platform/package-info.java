/**
 * The board a fully virtualised ({@code type = "hvm"}) guest boots on: an ISA describes its platform as device
 * windows on the MMIO and port buses ({@link org.polyvisor.spi.platform.Platform}), and the kernel routes the
 * vCPUs' {@code Mmio} and {@code PortIo} exits to them through a {@link org.polyvisor.spi.platform.PlatformHost}
 * it gives the board. Reusable devices (UARTs, power-off, the FDT builder) live in the {@code devices} module.
 */
package org.polyvisor.spi.platform;
