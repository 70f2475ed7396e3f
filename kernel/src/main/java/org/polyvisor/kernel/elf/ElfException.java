package org.polyvisor.kernel.elf;

/** A file that is not a loadable ELF image, with what is wrong and where. */
public final class ElfException extends Exception {
    public ElfException(String source, String problem) {
        super(source + ": " + problem);
    }
}
