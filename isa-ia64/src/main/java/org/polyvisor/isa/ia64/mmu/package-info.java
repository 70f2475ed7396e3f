/** Address translation: physical mode only in the skeleton; region registers, TLBs and the VHPT later. */
package org.polyvisor.isa.ia64.mmu;
