package org.polyvisor.isa.x86_64;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.RandomEncodings;

/** Random x87 and SSE encodings (REX included) end in an exit or a guest fault on the x86_64 vCPU, never in a Java exception. */
class RandomEncodingsTest {
    @Test
    void randomFloatingPointEncodingsNeverThrow() {
        RandomEncodings.check(new X86_64IsaProvider(), 3000, 0x5EED_F00DL);
    }
}
