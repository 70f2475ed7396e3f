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
    /** The code size the decoder is set to: 2 (objdump -m i8086), 4 (i386) or 8 (x86-64). */
    private final int codeSize;

    public X86Disassembler(Supplier<Decoder> decoders) {
        this(decoders, decoders.get().longMode() ? 8 : 4);
    }

    private X86Disassembler(Supplier<Decoder> decoders, int codeSize) {
        this.decoders = decoders;
        this.longMode = codeSize == 8;
        this.codeSize = codeSize;
    }

    /** 16-bit code (real mode, 16-bit code segments): what {@code objdump -m i8086} prints. */
    public static X86Disassembler sixteenBit() {
        return new X86Disassembler(Decoder::new, 2);
    }

    /** binutils prints i386 addresses in 8 hex digits and x86-64 ones in 16 before trimming shared zeros. */
    @Override
    public int objdumpAddressDigits() { return longMode ? 16 : 8; }

    /** The text of an FWAIT merged with the x87 instruction after it, and the length of both. */
    private record Merged(String text, int length) { }

    /**
     * objdump reads FWAIT (9B) that an x87 escape follows as one instruction, the waiting form, with the prefixes
     * before and after the 9B: 9B DF E0 is fstsw %ax (fnstsw without the N), 2E 9B DD 30 fsave %cs:(%eax).
     * Null when no x87 escape follows.
     */
    private Merged fwaitForm(Decoder decoder, byte[] code, int offset, long address, int fwaitAt) {
        int end = Math.min(code.length, offset + Decoder.MAX_LENGTH + 1);
        byte[] joined = new byte[end - offset - 1];  // the bytes without the 9B
        System.arraycopy(code, offset, joined, 0, fwaitAt);
        System.arraycopy(code, offset + fwaitAt + 1, joined, fwaitAt, end - offset - fwaitAt - 1);
        Insn next = new Insn();
        decoder.decode(a -> {
            long i = a - address - 1;
            return i >= 0 && i < joined.length ? joined[(int) i] & 0xFF : -1;
        }, address + 1, next);
        if (next.truncated || next.op != org.polyvisor.isa.x86.decode.Op.X87) return null;
        String t = AttSyntax.format(next, address + 1, codeSize);
        String[] words = t.split(" ", -1);
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            if (!word.startsWith("f") || word.equals("fs")) continue;  // prefix names come first
            if (word.startsWith("fn") && !word.equals("fnop")) {
                String rest = String.join(" ", java.util.Arrays.copyOfRange(words, w + 1, words.length)).trim();
                String head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, w));
                String name = "f" + word.substring(2);
                if (word.indexOf('(') > 0) t = (head.isEmpty() ? "" : head + " ") + name + (rest.isEmpty() ? "" : " " + rest);
                else t = rest.isEmpty() ? (head.isEmpty() ? "" : head + " ") + name
                        : AttSyntax.pad((head.isEmpty() ? "" : head + " ") + name) + rest;
            }
            break;
        }
        return new Merged(t, next.length + 1);
    }

    /**
     * In 64-bit mode the length of the prefixes up to a REX that another prefix (legacy or REX) follows, or that ends
     * the buffer, which objdump lists alone ("rex.W"), with the prefixes before it; 0 when there is none.
     */
    private int strayRexLength(byte[] code, int offset) {
        if (!longMode) return 0;
        for (int i = offset; i < code.length && i - offset < Decoder.MAX_LENGTH; i++) {
            int b = code[i] & 0xFF;
            boolean rex = (b & 0xF0) == 0x40;
            if (!rex && !isLegacyPrefix(b)) return 0;
            if (i == code.length - 1) return rex ? i - offset + 1 : 0;  // a REX that ends the buffer: "rex" alone too
            int n = code[i + 1] & 0xFF;
            if (rex && ((n & 0xF0) == 0x40 || isLegacyPrefix(n) || n == 0x9B)) return i - offset + 1;  // FWAIT: a prefix to objdump
        }
        return 0;
    }

    private static boolean isLegacyPrefix(int b) {
        return switch (b) {
            case 0xF0, 0xF2, 0xF3, 0x66, 0x67, 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65 -> true;
            default -> false;
        };
    }

    @Override
    public Disassembly disassemble(byte[] code, int offset, long address) {
        int stray = strayRexLength(code, offset);
        if (stray > 0) {
            byte[] p = java.util.Arrays.copyOfRange(code, offset, offset + stray);
            return layout(code, offset, address, stray, Prefixes.names(p, stray, codeSize));
        }
        Insn in = new Insn();
        Decoder decoder = decoders.get();
        if (codeSize != (longMode ? 8 : 4)) decoder.setCodeSize(codeSize);
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
        } else if (in.op == org.polyvisor.isa.x86.decode.Op.UNDEFINED || Prefixes.badCellPrefix(in) >= 0) {
            length = Math.max(1, in.opcodeLength);  // objdump stops after the opcode of an encoding it does not know
            // and names every prefix before it but the one that chose the (bad) cell of a prefixed row
            text = in.prefixBytes == null ? "(bad)" : Prefixes.namesBut(in.prefixBytes, Prefixes.badCellPrefix(in), codeSize) + "(bad)";
        } else {
            text = AttSyntax.format(in, address, codeSize);
            if (in.op == org.polyvisor.isa.x86.decode.Op.FWAIT) {
                Merged merged = fwaitForm(decoder, code, offset, address, in.length - 1);
                if (merged != null) { text = merged.text(); length = merged.length(); }
            }
        }
        return layout(code, offset, address, length, text);
    }

    /** objdump's lines for {@code length} bytes at {@code offset} with {@code text}. */
    private static Disassembly layout(byte[] code, int offset, long address, int length, String text) {
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
