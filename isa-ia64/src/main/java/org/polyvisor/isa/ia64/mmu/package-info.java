/**
 * Address translation (SDM rev 2.3 vol 2 part I, chapter 4): physical mode while PSR.dt / PSR.it are clear; else
 * region registers, instruction and data TLBs (translation registers and caches), the short-format VHPT walker,
 * the translation faults (TLB miss, page not present, access rights, access and dirty bits) for the IVT, and the
 * protection key registers with the Key Miss / Key Permission checks while PSR.pk = 1 (4.1.3).
 */
package org.polyvisor.isa.ia64.mmu;
