/**
 * Address translation of the x86 guest: {@link org.polyvisor.isa.x86.mmu.Mmu} picks the paging model from CR0.PG,
 * CR4.PAE and the mode, one class per model ({@link org.polyvisor.isa.x86.mmu.Paging32} with PSE,
 * {@link org.polyvisor.isa.x86.mmu.PagingPae} with NX, {@link org.polyvisor.isa.x86.mmu.Paging4Level} with 2 MiB and
 * 1 GiB pages) over the shared walk of {@link org.polyvisor.isa.x86.mmu.PageWalk} (rights, A/D bits, #PF codes).
 */
package org.polyvisor.isa.x86.mmu;
