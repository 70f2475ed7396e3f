package org.polyvisor.spi;

/** A domain's virtual time in nanoseconds: derived from instruction counts by default, so runs are repeatable. */
@FunctionalInterface
public interface VirtualClock {
    long nanos();
}
