package org.polyvisor.isa.ppc.disasm;

import org.polyvisor.isa.ppc.decode.DecodeTable;
import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.decode.Pattern;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.Disassembly;

/**
 * PowerPC disassembly in the syntax of {@code objdump -D -b binary -m powerpc -EB}: the same decode table as
 * the interpreter, printed by {@link InsnText}; words the table does not know print as {@code .long 0x...}.
 */
public final class PpcDisassembler implements Disassembler {
    private final DecodeTable table = DecodeTable.standard();

    @Override
    public Disassembly disassemble(byte[] code, int offset, long address) {
        int left = code.length - offset;
        if (left < 4) return Disassembly.of(left, address, "\tAddress 0x" + Long.toHexString(address) + " is out of bounds.");
        int word = (code[offset] & 0xff) << 24 | (code[offset + 1] & 0xff) << 16
                | (code[offset + 2] & 0xff) << 8 | (code[offset + 3] & 0xff);
        return Disassembly.of(4, address, String.format("\t%02x %02x %02x %02x \t%s",
                word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff, text(word, address)));
    }

    /** The instruction text alone, e.g. {@code "addi    r3,r4,8"}. */
    public String text(int word, long address) {
        Pattern p = table.lookup(word);
        String s = null;
        if (p != null) s = InsnText.format(new Insn(p.op(), word), address);
        else if ((p = table.lookupInvalidForm(word)) != null) s = InsnText.formatInvalidForm(new Insn(p.op(), word));
        return s != null ? s : ".long 0x" + Integer.toHexString(word);
    }
}
