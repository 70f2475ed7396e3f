package org.polyvisor.isa.x86_64;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.BitVectors;

/** SHLD, SHRD, POPCNT and LZCNT results and all their flags against vectors taken from the host CPU (16, 32 and 64 bits). */
class BitVectorsTest {
    @Test
    void matchTheHostCpu() throws Exception {
        BitVectors.check(new X86_64IsaProvider(), Path.of("../isa-x86/src/test/resources/conformance/native/bits.vectors"));
    }
}
