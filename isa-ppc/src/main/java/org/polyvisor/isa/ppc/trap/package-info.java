/**
 * The exception model of the 32-bit OEA: vectors and prefix ({@link org.polyvisor.isa.ppc.trap.Vectors}), SRR1
 * contents ({@link org.polyvisor.isa.ppc.trap.Srr1}), exception entry ({@link org.polyvisor.isa.ppc.trap.ExceptionEntry}),
 * the "installed" policy ({@link org.polyvisor.isa.ppc.trap.InstalledVectors}) and the crash reasons of exceptions a
 * guest cannot take ({@link org.polyvisor.isa.ppc.trap.PpcTraps}).
 */
package org.polyvisor.isa.ppc.trap;
