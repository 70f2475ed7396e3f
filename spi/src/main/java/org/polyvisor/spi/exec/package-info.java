/**
 * Fast-path building blocks that every ISA's interpreter shares, so that five backends do not grow five
 * copies: a direct-mapped software TLB of host pages and a cache of decoded instructions per guest page.
 * Everything here is for one vCPU's thread, nothing allocates on a hit, except {@link CodeCoherence},
 * through which the caches of one domain's vCPUs hear of each other's new code pages and stores into code (rare
 * events, applied at each vCPU's polls).
 */
package org.polyvisor.spi.exec;
