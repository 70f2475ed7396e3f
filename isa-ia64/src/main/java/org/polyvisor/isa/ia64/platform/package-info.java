/**
 * The {@code type = "hvm"} board of the ia64 backend ({@link org.polyvisor.isa.ia64.platform.Ia64Board}): RAM
 * from 0, a 16550 UART and a power-off register at fixed addresses, the UART's interrupt line wired to an
 * external interrupt vector of the CPUs' cr.ivr / cr.eoi interface (the role the SAPIC plays on real systems).
 */
package org.polyvisor.isa.ia64.platform;
