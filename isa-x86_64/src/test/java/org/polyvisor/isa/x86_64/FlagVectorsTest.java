package org.polyvisor.isa.x86_64;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.FlagVectors;
import org.polyvisor.isa.x86.testing.MulDivVectors;

/** ALU, shift and multiply results and flags against vectors taken from a real x86 CPU (8 to 64 bits). */
class FlagVectorsTest {
    @Test
    void matchesTheHostCpu() throws Exception {
        FlagVectors.check(new X86_64IsaProvider(), Path.of("../isa-x86/src/test/resources/conformance/native/flags.vectors"));
    }

    @Test
    void mulDivMatchTheHostCpu() throws Exception {
        MulDivVectors.check(new X86_64IsaProvider(), Path.of("../isa-x86/src/test/resources/conformance/native/muldiv.vectors"));
    }
}
