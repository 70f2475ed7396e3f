/**
 * The AArch64 backend: {@link org.polyvisor.isa.arm64.Arm64IsaProvider} (the service), the register numbering and
 * the boot protocol. Decoding, execution, disassembly, translation and traps live in the sub-packages.
 */
package org.polyvisor.isa.arm64;
