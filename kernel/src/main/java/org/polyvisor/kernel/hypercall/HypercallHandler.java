package org.polyvisor.kernel.hypercall;

/** One Xen hypercall: returns the value for the guest's result register (negative Xen errno on failure). */
@FunctionalInterface
public interface HypercallHandler {
    long handle(HypercallCall call);
}
