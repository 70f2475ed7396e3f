/** Address translation of the x86 guest (paging off in the skeleton: identity); one class per paging model later. */
package org.polyvisor.isa.x86.mmu;
