package org.polyvisor.isa.x86;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.StringVectors;

/** Host-CPU string instruction vectors (sizes 1, 2, 4) on the IA-32 vCPU. */
class StringVectorsTest {
    @Test
    void matchTheHostCpu() throws IOException {
        StringVectors.check(new X86IsaProvider(), Path.of("src/test/resources/conformance/native/strings.vectors"));
    }
}
