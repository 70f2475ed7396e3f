package org.polyvisor.isa.x86_64.disasm;

import org.polyvisor.isa.x86.disasm.X86Disassembler;
import org.polyvisor.isa.x86_64.decode.Decoder64;

/** The x86 disassembler over the long-mode decoder: what {@code objdump -m i386:x86-64} prints. */
public final class X86_64Disassembler extends X86Disassembler {
    public X86_64Disassembler() { super(Decoder64::new); }
}
