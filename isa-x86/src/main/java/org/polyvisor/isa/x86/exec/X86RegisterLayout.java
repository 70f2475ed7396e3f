package org.polyvisor.isa.x86.exec;

import java.util.ArrayList;
import java.util.List;
import org.polyvisor.spi.Register;
import org.polyvisor.spi.RegisterSet;

/**
 * Register numbers of an x86 vCPU: GPRs in encoding order (0 = eAX ... 7 = eDI, 8-15 = r8-r15 in long mode),
 * then the instruction pointer, EFLAGS, the segment selectors ES CS SS DS FS GS (encoding order), CR0, and the
 * system registers in {@link #SYSTEM} order (CR2, CR3, CR4, GDTR and IDTR base and limit, LDTR and TR selectors).
 */
public record X86RegisterLayout(RegisterSet set, int gprCount) {
    private static final String[] GPR32 = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
    private static final String[] GPR64 = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
            "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
    private static final String[] SEGMENTS = {"es", "cs", "ss", "ds", "fs", "gs"};
    /** The system registers after CR0, numbered cr0() + 1 on. */
    public static final String[] SYSTEM = {"cr2", "cr3", "cr4", "gdtr_base", "gdtr_limit", "idtr_base", "idtr_limit", "ldtr", "tr"};

    public static final X86RegisterLayout IA32 = build(GPR32, "eip", "eflags", 32);
    public static final X86RegisterLayout AMD64 = build(GPR64, "rip", "rflags", 64);

    private static X86RegisterLayout build(String[] gprs, String pc, String flags, int bits) {
        List<Register> all = new ArrayList<>();
        for (int i = 0; i < gprs.length; i++) all.add(new Register(gprs[i], i, bits));
        all.add(new Register(pc, gprs.length, bits));
        all.add(new Register(flags, gprs.length + 1, 32));
        for (int i = 0; i < 6; i++) all.add(new Register(SEGMENTS[i], gprs.length + 2 + i, 16));
        all.add(new Register("cr0", gprs.length + 8, 32));
        for (int i = 0; i < SYSTEM.length; i++) all.add(new Register(SYSTEM[i], gprs.length + 9 + i, SYSTEM[i].endsWith("limit") || SYSTEM[i].endsWith("tr") ? 16 : bits));
        return new X86RegisterLayout(new RegisterSet(all, pc), gprs.length);
    }

    public int pc() { return gprCount; }

    public int flags() { return gprCount + 1; }

    /** Number of segment register {@code sreg} (ES = 0 ... GS = 5). */
    public int segment(int sreg) { return gprCount + 2 + sreg; }

    public int cr0() { return gprCount + 8; }

    public int gpr(String name) { return set.byName(name).orElseThrow().number(); }
}
