package org.polyvisor.spi.platform;

/** Which bus a device window sits on: memory-mapped I/O, or x86's separate 64 KiB port space. */
public enum AddressSpace { MMIO, PORT }
