/** Guest-virtual to guest-physical translation (identity while the guest's MMU is off; table walks come later). */
package org.polyvisor.isa.arm64.mmu;
