package org.polyvisor.isa.x86.platform;

/** A controller's output to one vCPU: a vector is posted (INTR asserted with it) or withdrawn before the CPU took it. */
interface InterruptPin {
    void post(int vector);

    void withdraw(int vector);
}
