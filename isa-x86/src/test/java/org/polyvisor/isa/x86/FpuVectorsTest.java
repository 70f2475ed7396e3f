package org.polyvisor.isa.x86;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.FpuVectors;

/** x87 and SSE/SSE2 results, flags and state against vectors taken from a real x86 CPU (IA-32 encodings). */
class FpuVectorsTest {
    @Test
    void x87MatchesTheHostCpu() throws Exception {
        FpuVectors.check(new X86IsaProvider(), Path.of("src/test/resources/conformance/native/x87.vectors"));
    }

    @Test
    void sseMatchesTheHostCpu() throws Exception {
        FpuVectors.check(new X86IsaProvider(), Path.of("src/test/resources/conformance/native/sse.vectors"));
    }
}
