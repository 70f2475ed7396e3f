package org.polyvisor.kernel.domain;

import org.polyvisor.spi.ShutdownReason;

/**
 * How a domain's run ended: a shutdown with Xen's reason (CRASH for a crash, with the crash message), or a
 * destroy from the toolstack while it was still running (reason null).
 */
public record DomainEnd(ShutdownReason reason, String message) {
    public boolean crashed() { return reason == ShutdownReason.CRASH; }

    public boolean poweredOff() { return reason == ShutdownReason.POWEROFF; }
}
