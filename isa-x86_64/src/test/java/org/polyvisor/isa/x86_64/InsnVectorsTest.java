package org.polyvisor.isa.x86_64;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.InsnVectors;
import org.polyvisor.isa.x86.testing.MmxVectors;

/**
 * BSF, BSR, BSWAP, XADD, CMPXCHG, MOVBE, CRC32 and XLAT results and all their flags (8 to 64 bits), and the MMX
 * packed-integer instructions in 64-bit mode, against the host CPU.
 */
class InsnVectorsTest {
    @Test
    void matchTheHostCpu() throws Exception {
        InsnVectors.check(new X86_64IsaProvider(), Path.of("../isa-x86/src/test/resources/conformance/native/insns.vectors"));
    }

    @Test
    void mmxMatchesTheHostCpu() throws Exception {
        MmxVectors.check(new X86_64IsaProvider(), Path.of("../isa-x86/src/test/resources/conformance/native/mmx.vectors"));
    }
}
