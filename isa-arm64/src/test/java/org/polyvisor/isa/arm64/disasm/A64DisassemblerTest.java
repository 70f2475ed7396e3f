package org.polyvisor.isa.arm64.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.arm64.Arm64IsaProvider;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.Disassembly;
import org.polyvisor.spi.ObjdumpListing;

/** Edges of the listing that the objdump corpus cannot hold: addresses other than 0 and a truncated tail. */
class A64DisassemblerTest {
    private final Disassembler disassembler = new Arm64IsaProvider().disassembler();

    @Test
    void branchTargetsAndPagesAreAbsolute() {
        byte[] code = {0x02, 0x00, 0x00, (byte) 0x94, 0x00, 0x00, 0x00, (byte) 0x90};   // bl .+8; adrp x0, .
        Disassembly bl = disassembler.disassemble(code, 0, 0x40080ffcL);
        assertEquals("\t94000002 \tbl\t0x40081004", bl.lines().getFirst().text());
        Disassembly adrp = disassembler.disassemble(code, 4, 0x40081234L);
        assertEquals("\t90000000 \tadrp\tx0, 0x40081000", adrp.lines().getFirst().text());
    }

    @Test
    void truncatedTailPrintsAsObjdumpDoes() {
        // objdump -D -b binary -m aarch64 on "1f 20 03 d5 1f 20"
        byte[] code = {0x1f, 0x20, 0x03, (byte) 0xd5, 0x1f, 0x20};
        assertEquals(List.of("   0:\td503201f \tnop", "   4:\tAddress 0x4 is out of bounds."),
                ObjdumpListing.lines(disassembler, code, 0));
    }
}
