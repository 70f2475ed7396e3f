package org.polyvisor.spi;

/**
 * Text in GNU objdump's syntax, so that it can be held against objdump. Never throws for bad encodings:
 * they print as objdump prints them ({@code (bad)}, {@code .inst}, {@code .long}).
 */
@FunctionalInterface
public interface Disassembler {

    /**
     * Disassembles the unit at {@code code[offset]}, which sits at guest address {@code address}.
     * Fewer bytes than a full instruction left in {@code code} print as objdump prints a truncated tail.
     */
    Disassembly disassemble(byte[] code, int offset, long address);

    /**
     * Hex digits objdump prints addresses in before it trims shared leading zeros: 8 where binutils treats the
     * target's addresses as 32-bit (i386), 16 elsewhere (a 64-bit binutils prints ppc32 addresses in 16 too).
     */
    default int objdumpAddressDigits() { return 16; }
}
