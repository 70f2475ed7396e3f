/**
 * The AArch64 backend: {@link org.polyvisor.isa.arm64.Arm64IsaProvider} (the service), the register numbering and
 * the boot protocol. Decoding, execution, disassembly, translation, traps and the HVM board ({@code platform}) live in
 * the sub-packages.
 */
package org.polyvisor.isa.arm64;
