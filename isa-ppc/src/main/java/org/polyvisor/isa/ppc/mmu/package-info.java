/** Address translation of the PowerPC vCPU: real mode now, the 32-bit hashed page table and BATs later. */
package org.polyvisor.isa.ppc.mmu;
