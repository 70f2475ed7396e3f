package org.polyvisor.isa.x86.testing;

/**
 * A GDT, IDT and TSS in the real layouts of the SDM (Vol. 3, 3.4.5, 6.11, 7.2 and 8.7), written into a
 * {@link Machine}'s memory, and the guest code that loads them (LGDT, LIDT, LTR), for system tests of both x86
 * backends. Every vector's handler is a HLT at {@link #handler}, so the exit's instruction pointer tells which
 * vector was taken.
 */
public final class SystemTables {
    private SystemTables() { }

    public static final long GDT = 0x3000, IDT = 0x4000, TSS = 0x5000, LDT = 0x5800, PSEUDO = 0x6000, HANDLERS = 0x10000;
    /** Selectors of the GDT below. */
    public static final int KERNEL_CS = 0x08, KERNEL_DS = 0x10, USER_CS = 0x1B, USER_DS = 0x23, TSS_SEL = 0x28,
            ABSENT_DS = 0x30, LDT_SEL = 0x38, LONG_CS = 0x40, READ_ONLY_DS = 0x48, EXEC_ONLY_CS = 0x50, USER_LONG_CS = 0x5B,
            ABSENT_CS = 0x60, CONFORMING_CS = 0x68;
    public static final int GDT_LIMIT = 0x6F;
    /** The ring-0 stack of the TSS (ESP0 / RSP0) and the first IST slot (long mode). */
    public static final long RING0_STACK = 0x8800, IST1_STACK = 0x7800;

    /**
     * LGDT [PSEUDO], LIDT [PSEUDO + 0x10], MOV $TSS_SEL,%ax, LTR %ax: 23 bytes, absolute SIB addressing so the same
     * bytes run in 32-bit and 64-bit mode.
     */
    public static final String PROLOGUE = "0f011425" + "00600000" + "0f011c25" + "10600000" + "66b82800" + "0f00d8";
    public static final int PROLOGUE_LENGTH = 23;

    /** An eight-byte code or data segment descriptor. */
    public static long segment(long base, long limit20, int access, int flags) {
        return (limit20 & 0xFFFF) | ((base & 0xFF_FFFFL) << 16) | ((long) (access & 0xFF) << 40)
                | (((limit20 >>> 16) & 0xF) << 48) | ((long) (flags & 0xF) << 52) | (((base >>> 24) & 0xFF) << 56);
    }

    /** The first eight bytes of a 32-bit gate (or of a 64-bit gate, whose offset bits 63:32 follow). */
    public static long gate(int selector, long offset, int type, int dpl, boolean present) {
        return (offset & 0xFFFF) | ((long) selector << 16) | ((long) (type | dpl << 5 | (present ? 0x80 : 0)) << 40)
                | ((offset & 0xFFFF_0000L) << 32);
    }

    public static long handler(int vector) { return HANDLERS + 16L * vector; }

    /** Writes the tables; {@code longMode} chooses 16-byte gates, a 64-bit TSS and 10-byte pseudo-descriptors. */
    public static void install(Machine m, boolean longMode) {
        long[] gdt = {0,
                segment(0, 0xFFFFF, 0x9A, longMode ? 0xA : 0xC),   // 08 kernel code
                segment(0, 0xFFFFF, 0x92, 0xC),                    // 10 kernel data
                segment(0, 0xFFFFF, 0xFA, longMode ? 0xA : 0xC),   // 18 user code
                segment(0, 0xFFFFF, 0xF2, 0xC),                    // 20 user data
                segment(TSS, 0x67, 0x89, 0),                       // 28 TSS (available)
                segment(0, 0xFFFFF, 0x12, 0xC),                    // 30 data, not present
                segment(LDT, 0x17, 0x82, 0),                       // 38 LDT
                segment(0, 0xFFFFF, 0x9A, 0xA),                    // 40 64-bit code
                segment(0, 0xFFFFF, 0x90, 0xC),                    // 48 read-only data
                segment(0, 0xFFFFF, 0x98, 0xC),                    // 50 execute-only code
                segment(0, 0xFFFFF, 0xFA, 0xA),                    // 58 user 64-bit code
                segment(0, 0xFFFFF, 0x1A, longMode ? 0xA : 0xC),   // 60 code, not present
                segment(0, 0xFFFFF, 0x9E, longMode ? 0xA : 0xC)};  // 68 conforming code, DPL 0
        for (int i = 0; i < gdt.length; i++) m.memory.write(GDT + 8L * i, 8, gdt[i]);
        if (longMode) {  // 16-byte system descriptors: bits 63:32 of the bases follow, here 0
            m.memory.write(GDT + 0x30, 8, 0);
            m.memory.write(GDT + 0x40, 8, 0);
        }
        m.memory.write(LDT + 8, 8, segment(0, 0xFFFFF, 0x92, 0xC));  // LDT entry 1: data (selector 0x0C)
        int gateBytes = longMode ? 16 : 8;
        for (int v = 0; v < 256; v++) {
            int dpl = v == 3 || v == 4 || v == 0x80 ? 3 : 0;
            int type = v == 0x81 ? 0xF : 0xE;  // 0x81 is a trap gate: IF stays as it was
            m.memory.write(IDT + (long) gateBytes * v, 8, gate(longMode ? KERNEL_CS : KERNEL_CS, handler(v), type, dpl, true));
            if (longMode) m.memory.write(IDT + 16L * v + 8, 8, 0);
            m.memory.write(handler(v), 1, 0xF4);
        }
        if (longMode) {
            m.memory.write(TSS + 4, 8, RING0_STACK);
            m.memory.write(TSS + 0x24, 8, IST1_STACK);
        } else {
            m.memory.write(TSS + 4, 4, RING0_STACK);
            m.memory.write(TSS + 8, 2, KERNEL_DS);
        }
        m.memory.write(PSEUDO, 2, GDT_LIMIT);
        m.memory.write(PSEUDO + 2, 8, GDT);
        m.memory.write(PSEUDO + 0x10, 2, (long) gateBytes * 256 - 1);
        m.memory.write(PSEUDO + 0x12, 8, IDT);
    }

    /** Rewrites the gate of {@code vector}: type, DPL, presence and IST (long mode). */
    public static void setGate(Machine m, boolean longMode, int vector, int type, int dpl, boolean present, int ist) {
        long raw = gate(KERNEL_CS, handler(vector), type, dpl, present) | ((long) ist << 32);
        m.memory.write(IDT + (long) (longMode ? 16 : 8) * vector, 8, raw);
    }
}
