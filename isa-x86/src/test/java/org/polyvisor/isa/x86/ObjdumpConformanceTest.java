package org.polyvisor.isa.x86;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.ObjdumpConformance;

/** The IA-32 disassembler against `objdump -D -b binary -m i386` on the committed corpus. */
class ObjdumpConformanceTest {
    @Test
    void matchesObjdumpLineForLine() throws Exception {
        ObjdumpConformance.check("x86", new X86IsaProvider().disassembler(), Path.of("src/test/resources/conformance/objdump"));
    }
}
