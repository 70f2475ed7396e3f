/**
 * Machine memory as 4 KiB frames (off-heap, allocated on first touch), each domain's P2M over them (sized at build,
 * or by the first max_mem of a domain made by createdomain), and the foreign mappings a privileged toolstack makes of
 * another domain's frames.
 */
package org.polyvisor.kernel.mem;
