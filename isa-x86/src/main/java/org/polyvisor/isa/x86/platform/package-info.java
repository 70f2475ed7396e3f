/**
 * The PC an x86 HVM domain boots on ({@link org.polyvisor.isa.x86.platform.PcBoard}): the 8259A pair, 8254 PIT,
 * CMOS RTC, local APICs and I/O APIC (the interrupt controllers and timers live here, the shared UART and exit
 * devices come from the {@code devices} module), the power and reset ports, and the three ways in: PVH (Xen's
 * PHYS32_ENTRY note and {@code hvm_start_info}), Multiboot v1 loading and a firmware ROM at the reset vector. The vCPUs reach their controllers through
 * {@link org.polyvisor.isa.x86.exec.LocalInterrupts}.
 */
package org.polyvisor.isa.x86.platform;
