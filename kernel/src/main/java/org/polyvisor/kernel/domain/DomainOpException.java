package org.polyvisor.kernel.domain;

/** A toolstack operation that does not apply to the domain as it is (pause a paused domain, destroy dom0...). */
public final class DomainOpException extends RuntimeException {
    public DomainOpException(String message) { super(message); }
}
