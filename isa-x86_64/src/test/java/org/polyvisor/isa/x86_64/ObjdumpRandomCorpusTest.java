package org.polyvisor.isa.x86_64;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.ObjdumpCorpus;

/**
 * The x86_64 disassembler against `objdump -D -b binary -m i386:x86-64` on the random-encoding corpus made by
 * isa-x86's src/test/conformance/gen_objdump_corpus.py (every opcode map row, random prefixes, REX and operand bytes).
 */
class ObjdumpRandomCorpusTest {
    @Test
    void longModeCodeMatchesObjdump() throws Exception {
        ObjdumpCorpus.check("x86-64", new X86_64IsaProvider().disassembler(),
                Path.of("src/test/resources/conformance/objdump-random/x86-64.txt.gz"), 100_000);
    }
}
