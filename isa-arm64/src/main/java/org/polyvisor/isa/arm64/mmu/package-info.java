/**
 * Guest-virtual to guest-physical translation for EL1&amp;0: identity while SCTLR_EL1.M is clear, else the
 * VMSAv8-64 stage-1 walk ({@link org.polyvisor.isa.arm64.mmu.Stage1Walk}) with 4K, 16K and 64K granules, and
 * AT's PAR_EL1 encoding. Faults come back as DFSC/IFSC codes with their level.
 */
package org.polyvisor.isa.arm64.mmu;
