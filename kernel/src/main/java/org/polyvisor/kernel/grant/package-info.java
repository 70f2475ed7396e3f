/**
 * Xen's grant tables, versions 1 and 2: each domain's table ({@code grant_entry_v1}, or {@code grant_entry_v2} with
 * its status frame) in frames at the top of its RAM (kept out of start_info's nr_pages), the switch between the
 * versions, the mappings and copies other domains make through them, and the grant and status frames a domain
 * shows elsewhere in its physmap (XENMEM_add_to_physmap).
 */
package org.polyvisor.kernel.grant;
