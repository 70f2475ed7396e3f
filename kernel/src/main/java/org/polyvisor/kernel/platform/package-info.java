/**
 * The kernel's side of HVM boards: {@link org.polyvisor.kernel.platform.DeviceBus} routes a vCPU's MMIO and port
 * exits to the device windows its ISA's board declared, and answers accesses that hit no device as a PC chipset
 * does (reads all ones, writes dropped, each logged once).
 */
package org.polyvisor.kernel.platform;
