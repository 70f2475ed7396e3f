package org.polyvisor.spi;

/**
 * What the domain builder hands to {@link BootProtocol}: the loaded kernel's entry point, the guest-physical
 * address of the start_info page it wrote (PV), and the layout of the domain's RAM.
 */
public record BootInfo(GuestType type, long entry, long startInfo, long ramBase, long ramBytes, int vcpuId) { }
