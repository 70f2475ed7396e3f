package org.polyvisor.isa.x86;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.BitVectors;

/** SHLD, SHRD, POPCNT and LZCNT results and all their flags against vectors taken from the host CPU (16 and 32 bits). */
class BitVectorsTest {
    @Test
    void matchTheHostCpu() throws Exception {
        BitVectors.check(new X86IsaProvider(), Path.of("src/test/resources/conformance/native/bits.vectors"));
    }
}
