/**
 * The ia64 (Itanium) backend: its provider, register numbering and boot protocol; the rest lives in sub-packages.
 * <p>"Installed" for ia64: the guest's IVT counts as installed once it has executed {@code mov cr.iva=r} (at
 * privilege level 0). Until then a fault it cannot take ends the domain with {@code VcpuExit.Fault}; from then on
 * every interruption goes to cr.iva + its architected vector offset (trap.Interruptions, trap.Vector).
 */
package org.polyvisor.isa.ia64;
