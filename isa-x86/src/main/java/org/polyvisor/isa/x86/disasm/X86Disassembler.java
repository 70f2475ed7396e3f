package org.polyvisor.isa.x86.disasm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.polyvisor.isa.x86.decode.Decoder;
import org.polyvisor.isa.x86.decode.Insn;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.Disassembly;

/**
 * x86 disassembly laid out as GNU objdump lays it out: a bytes column of seven bytes ("xx " each, padded to 21
 * characters), a tab, the AT&T text; longer encodings continue on lines of their own with only bytes.
 * The text comes from {@link AttSyntax}; the decoder is the one the vCPU executes with.
 */
public class X86Disassembler implements Disassembler {
    private static final int BYTES_PER_LINE = 7;

    private final Supplier<Decoder> decoders;
    private final boolean longMode;

    public X86Disassembler(Supplier<Decoder> decoders) {
        this.decoders = decoders;
        this.longMode = decoders.get().longMode();
    }

    /** binutils prints i386 addresses in 8 hex digits and x86-64 ones in 16 before trimming shared zeros. */
    @Override
    public int objdumpAddressDigits() { return longMode ? 16 : 8; }

    /** Index of the first REX prefix that another prefix follows (and so has no effect), or -1. */
    private static int strayRex(Insn in, boolean longMode) {
        byte[] p = in.prefixBytes;
        if (!longMode || p == null) return -1;
        for (int i = 0; i < p.length - 1; i++) if ((p[i] & 0xF0) == 0x40) return i;
        return -1;
    }

    @Override
    public Disassembly disassemble(byte[] code, int offset, long address) {
        Insn in = new Insn();
        Decoder decoder = decoders.get();
        decoder.decode(a -> {
            long i = offset + (a - address);
            return i >= 0 && i < code.length ? code[(int) i] & 0xFF : -1;
        }, address, in);
        String text;
        int length = in.length;
        if (in.truncated) {
            // objdump prints what is left of the buffer as (bad) when an instruction runs past its end.
            length = Math.max(1, (int) Math.min(code.length - offset, in.faultAddress - address));
            text = "(bad)";
        } else if (strayRex(in, decoder.longMode()) >= 0) {
            // objdump ends the instruction at a REX prefix that a legacy prefix follows, and names it alone.
            length = strayRex(in, true) + 1;
            text = Prefixes.names(in.prefixBytes, length);
        } else if (in.op == org.polyvisor.isa.x86.decode.Op.UNDEFINED) {
            length = Math.max(1, in.opcodeLength);  // objdump stops after the opcode of an encoding it does not know
            text = "(bad)";
        } else {
            text = AttSyntax.format(in, address, decoder.longMode());
        }
        List<Disassembly.Line> lines = new ArrayList<>();
        for (int start = 0; start < length; start += BYTES_PER_LINE) {
            StringBuilder b = new StringBuilder("\t");
            for (int i = start; i < Math.min(length, start + BYTES_PER_LINE); i++) {
                int v = code[offset + i] & 0xFF;
                b.append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 15, 16)).append(' ');
            }
            if (start == 0) {
                while (b.length() < 1 + 3 * BYTES_PER_LINE) b.append(' ');
                b.append('\t').append(text);
            }
            lines.add(new Disassembly.Line(address + start, b.toString()));
        }
        return new Disassembly(length, lines);
    }
}
