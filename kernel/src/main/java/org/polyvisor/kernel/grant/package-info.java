/**
 * Xen's grant tables, version 1: each domain's table of {@code grant_entry_v1} in frames at the top of its RAM
 * (kept out of start_info's nr_pages), and the mappings and copies other domains make through them.
 */
package org.polyvisor.kernel.grant;
