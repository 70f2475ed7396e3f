/** Machine memory as 4 KiB frames (off-heap, allocated on first touch) and each domain's P2M over them. */
package org.polyvisor.kernel.mem;
