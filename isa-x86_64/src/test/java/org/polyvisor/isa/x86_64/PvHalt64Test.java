package org.polyvisor.isa.x86_64;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.pv.PvHaltChecks;

/** HLT as SCHEDOP_block in an x86_64 Xen PV kernel at ring 3 ({@link PvHaltChecks}). */
class PvHalt64Test {
    private static final X86_64IsaProvider ISA = new X86_64IsaProvider();

    @Test void blocksUntilAnEvent() { PvHaltChecks.blocksUntilAnEvent(ISA); }

    @Test void takesAPendingEventAtOnce() { PvHaltChecks.takesAPendingEventAtOnce(ISA); }

    @Test void flatAbiHaltsAsTheCpuDoes() { PvHaltChecks.flatAbiHaltsAsTheCpuDoes(ISA); }
}
