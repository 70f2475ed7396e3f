/** Reading ELF32/ELF64 files of either byte order and loading their PT_LOAD segments into a domain. */
package org.polyvisor.kernel.elf;
