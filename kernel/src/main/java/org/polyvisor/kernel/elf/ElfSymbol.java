package org.polyvisor.kernel.elf;

/** A symbol of the ELF's .symtab. */
public record ElfSymbol(String name, long value, long size) { }
