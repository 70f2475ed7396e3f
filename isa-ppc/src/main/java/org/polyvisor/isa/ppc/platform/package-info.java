/**
 * The ppc backend's {@code type = "hvm"} board ({@link org.polyvisor.isa.ppc.platform.PpcBoard}): its memory map,
 * its ePAPR boot with a device tree, the OpenPIC interrupt controller ({@link org.polyvisor.isa.ppc.platform.OpenPic})
 * and the ePAPR spin tables of the secondary CPUs ({@link org.polyvisor.isa.ppc.platform.SpinTable}); the UART and the
 * power-off register come from the shared {@code devices} module.
 */
package org.polyvisor.isa.ppc.platform;
