/**
 * Xen's event channels with the 2-level ABI: the shared_info page (vcpu_info slots, the pending and mask
 * bitmaps), each domain's port table, and delivery: a pending bit, a selector bit, upcall_pending, and a kick
 * that wakes a blocked vCPU. All guest-visible words are written atomically in the guest's byte order.
 */
package org.polyvisor.kernel.event;
