package org.polyvisor.kernel.domain;

/** A domain's life, as the toolstack sees it. */
public enum DomainState {
    /** Its vCPUs may run (each is running, runnable or blocked). */
    ACTIVE,
    PAUSED,
    /** Shut down with a reason other than crash, and kept (preserve) or about to be acted on. */
    SHUTDOWN,
    CRASHED,
    /** Being destroyed. */
    DYING,
    /** Destroyed: its memory is back with the host. */
    DEAD
}
