/**
 * The arm64 HVM board: QEMU's {@code -M virt} memory map (RAM at 0x40000000, PL011 at 0x09000000 on SPI 1, GICv2
 * distributor at 0x08000000 and CPU interface at 0x08010000), PSCI 0.2 over HVC, and the flattened device tree
 * handed to the kernel in x0 as the Linux arm64 boot protocol does.
 */
package org.polyvisor.isa.arm64.platform;
