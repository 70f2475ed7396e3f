package org.polyvisor.isa.x86;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.disasm.X86Disassembler;
import org.polyvisor.isa.x86.testing.ObjdumpCorpus;

/**
 * The IA-32 disassembler against `objdump -D -b binary -m i386` and `-m i8086` on the random-encoding corpora of
 * src/test/conformance/gen_objdump_corpus.py (every opcode map row, random prefixes and operand bytes).
 */
class ObjdumpRandomCorpusTest {
    private static final Path DIR = Path.of("src/test/resources/conformance/objdump-random");

    @Test
    void protectedModeCodeMatchesObjdumpI386() throws Exception {
        ObjdumpCorpus.check("i386", new X86IsaProvider().disassembler(), DIR.resolve("i386.txt.gz"), 100_000);
    }

    @Test
    void sixteenBitCodeMatchesObjdumpI8086() throws Exception {
        ObjdumpCorpus.check("i8086", X86Disassembler.sixteenBit(), DIR.resolve("i8086.txt.gz"), 100_000);
    }
}
