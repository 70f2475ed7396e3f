package org.polyvisor.isa.x86_64;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.FpuVectors;

/** x87 and SSE/SSE2 results, flags and state against vectors taken from a real x86 CPU (64-bit encodings too). */
class FpuVectorsTest {
    @Test
    void x87MatchesTheHostCpu() throws Exception {
        FpuVectors.check(new X86_64IsaProvider(), Path.of("../isa-x86/src/test/resources/conformance/native/x87.vectors"));
    }

    @Test
    void sseMatchesTheHostCpu() throws Exception {
        FpuVectors.check(new X86_64IsaProvider(), Path.of("../isa-x86/src/test/resources/conformance/native/sse.vectors"));
    }
}
