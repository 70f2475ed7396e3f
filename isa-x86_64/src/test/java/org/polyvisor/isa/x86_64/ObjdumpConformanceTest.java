package org.polyvisor.isa.x86_64;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.ObjdumpConformance;

/** The x86_64 disassembler against `objdump -D -b binary -m i386:x86-64` on the committed corpus. */
class ObjdumpConformanceTest {
    @Test
    void matchesObjdumpLineForLine() throws Exception {
        ObjdumpConformance.check("x86_64", new X86_64IsaProvider().disassembler(), Path.of("src/test/resources/conformance/objdump"));
    }
}
