/**
 * Address translation (SDM rev 2.3 vol 2 part I, chapter 4): physical mode while PSR.dt / PSR.it are clear; else
 * region registers, instruction and data TLBs (translation registers and caches), the short-format VHPT walker,
 * and the translation faults (TLB miss, page not present, access rights, access and dirty bits) for the IVT.
 */
package org.polyvisor.isa.ia64.mmu;
