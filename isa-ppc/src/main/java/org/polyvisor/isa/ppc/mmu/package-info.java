/**
 * Address translation of the 32-bit PowerPC vCPU, one class per mechanism: {@link org.polyvisor.isa.ppc.mmu.BatArray}
 * (block address translation), {@link org.polyvisor.isa.ppc.mmu.SegmentRegisters},
 * {@link org.polyvisor.isa.ppc.mmu.HashedPageTable} (SDR1, PTEG search, R/C), {@link org.polyvisor.isa.ppc.mmu.Protection}
 * (PP bits and keys), combined by {@link org.polyvisor.isa.ppc.mmu.ClassicMmu}, which is also real mode
 * (translation off).
 */
package org.polyvisor.isa.ppc.mmu;
