/**
 * Devices that more than one board uses, each a {@link org.polyvisor.spi.platform.Device}: the NS16550A UART (PC COM1,
 * PowerPC and IA-64 boards), the Arm PL011 UART (arm64 virt), a power-off/test-finisher register, QEMU's
 * isa-debug-exit and the Bochs 0xE9 console, and a flattened-device-tree (DTB v17) builder for the boards whose
 * boot protocol hands one over. Interrupt controllers are part of their ISA's board, not here.
 */
package org.polyvisor.devices;
