/**
 * Fast-path building blocks that every ISA's interpreter shares, so that five backends do not grow five
 * copies: a direct-mapped software TLB of host pages and a cache of decoded instructions per guest page.
 * Everything here is for one vCPU's thread; nothing allocates on a hit.
 */
package org.polyvisor.spi.exec;
