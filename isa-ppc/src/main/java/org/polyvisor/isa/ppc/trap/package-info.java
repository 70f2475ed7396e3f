/** The PowerPC trap model: which exceptions become interrupts inside the guest and which become vCPU exits. */
package org.polyvisor.isa.ppc.trap;
