package org.polyvisor.isa.x86_64;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.StringVectors;

/** Host-CPU string instruction vectors (sizes 1, 2, 4, 8), from the x86 module's committed corpus. */
class StringVectorsTest {
    @Test
    void matchTheHostCpu() throws IOException {
        StringVectors.check(new X86_64IsaProvider(), Path.of("../isa-x86/src/test/resources/conformance/native/strings.vectors"));
    }
}
