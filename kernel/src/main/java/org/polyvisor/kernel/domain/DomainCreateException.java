package org.polyvisor.kernel.domain;

/** A domain that could not be built: bad config, bad image, wrong ISA, not enough memory. Nothing was left behind. */
public final class DomainCreateException extends Exception {
    public DomainCreateException(String message) { super(message); }
}
