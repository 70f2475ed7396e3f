package org.polyvisor.isa.ia64.disasm;

import java.util.ArrayList;
import java.util.List;
import org.polyvisor.isa.ia64.decode.DecodedBundle;
import org.polyvisor.isa.ia64.decode.Decoder;
import org.polyvisor.isa.ia64.insn.Insn;
import org.polyvisor.isa.ia64.insn.Undefined;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.Disassembly;

/**
 * Bundles as {@code objdump -D -b binary -m ia64} prints them: a line a slot showing 6, 6 and 4 of the
 * bundle's bytes, the template in brackets on the first line, "(pNN)" for a qualifying predicate, ";;" after a
 * slot followed by a stop, and for an L+X instruction a bytes-only tail line with the last 4 bytes.
 */
public final class Ia64Disassembler implements Disassembler {
    private static final int[] LINE_OFFSET = {0, 6, 12};
    private static final int[] LINE_BYTES = {6, 6, 4};

    private final Decoder decoder = new Decoder();

    @Override
    public Disassembly disassemble(byte[] code, int offset, long address) {
        int left = code.length - offset;
        if (left < 16) return truncated(address, left);
        DecodedBundle b = decoder.decode(code, offset);
        List<Disassembly.Line> lines = new ArrayList<>(4);
        for (int k = 0; k < 3; ) {
            Insn in = b.slots[k];
            StringBuilder s = new StringBuilder();
            s.append('\t');
            appendBytes(s, code, offset + LINE_OFFSET[k], LINE_BYTES[k]);
            for (int pad = LINE_BYTES[k]; pad < 6; pad++) s.append("   ");
            s.append('\t');
            s.append(k == 0 ? "[" + b.template.objdumpName() + "] " : "      ");
            boolean undefined = in instanceof Undefined;
            s.append(!undefined && in.qp != 0 ? String.format("(p%02d) ", in.qp) : "      ");
            s.append(in.text(address));
            int last = k + in.width() - 1;
            if (!undefined && b.template.stopAfter(last)) s.append(";;");
            lines.add(new Disassembly.Line(address + LINE_OFFSET[k], s.toString()));
            if (in.width() == 2) {
                StringBuilder tail = new StringBuilder("\t");
                appendBytes(tail, code, offset + LINE_OFFSET[2], LINE_BYTES[2]);
                lines.add(new Disassembly.Line(address + LINE_OFFSET[2], tail.toString()));
            }
            k += in.width();
        }
        return new Disassembly(16, lines);
    }

    private static void appendBytes(StringBuilder s, byte[] code, int from, int n) {
        for (int i = 0; i < n; i++) s.append(String.format("%02x ", code[from + i] & 0xff));
    }

    /** Fewer than 16 bytes: objdump cannot read a bundle and says so for the whole tail. */
    private static Disassembly truncated(long address, int left) {
        return Disassembly.of(left, address, "\tAddress 0x" + Long.toHexString(address) + " is out of bounds.");
    }
}
