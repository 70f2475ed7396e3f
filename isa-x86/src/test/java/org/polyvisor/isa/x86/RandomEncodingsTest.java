package org.polyvisor.isa.x86;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.RandomEncodings;

/** Random x87 and SSE encodings end in an exit or a guest fault on the IA-32 vCPU, never in a Java exception. */
class RandomEncodingsTest {
    @Test
    void randomFloatingPointEncodingsNeverThrow() {
        RandomEncodings.check(new X86IsaProvider(), 3000, 0x5EED_F00DL);
    }
}
