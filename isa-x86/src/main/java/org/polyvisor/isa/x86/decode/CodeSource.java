package org.polyvisor.isa.x86.decode;

/** Where the decoder reads instruction bytes: guest memory for the vCPU, a byte array for the disassembler. */
@FunctionalInterface
public interface CodeSource {
    /** The byte at {@code address} (0-255), or -1 when it cannot be fetched. */
    int byteAt(long address);
}
