package org.polyvisor.kernel.isa;

import java.util.Collection;

/** A name that no loaded ISA backend answers to. The message lists the loaded ones. */
public final class UnknownIsaException extends IllegalArgumentException {
    public UnknownIsaException(String id, Collection<String> loaded) {
        super("no such ISA: " + id + "; loaded: " + (loaded.isEmpty() ? "none (no isa-*.jar on the class path)" : String.join(", ", loaded)));
    }
}
