/**
 * The arm64 HVM board: QEMU's {@code -M virt} memory map (RAM at 0x40000000, PL011 at 0x09000000 on SPI 1), a GICv2
 * (distributor at 0x08000000, CPU interface at 0x08010000; the default) or, with {@code gic_version = "v3"}, a GICv3
 * (distributor at 0x08000000, redistributors from 0x080A0000, the CPU interface as ICC_* system registers), both over
 * the shared interrupt state of {@link org.polyvisor.isa.arm64.platform.Gic}; PSCI 0.2 over HVC, and the flattened
 * device tree handed to the kernel in x0 as the Linux arm64 boot protocol does. The kernel is an ELF file or a raw
 * Linux {@code Image}, whose header {@link org.polyvisor.isa.arm64.platform.Arm64Image} reads and places;
 * {@link org.polyvisor.isa.arm64.platform.DeviceTreePlacement} finds the tree a slot the kernel's extent leaves free
 * (booting.rst's rules) or says precisely why there is none.
 */
package org.polyvisor.isa.arm64.platform;
