package org.polyvisor.isa.ppc;

/** Encodings of the few instructions the OEA and MMU tests write into guest memory (Power ISA field layout). */
final class Asm {
    private Asm() { }

    static int li(int rt, int v) { return 0x3800_0000 | rt << 21 | (v & 0xffff); }

    static int lis(int rt, int v) { return 0x3c00_0000 | rt << 21 | (v & 0xffff); }

    static int ori(int ra, int rs, int v) { return 0x6000_0000 | rs << 21 | ra << 16 | (v & 0xffff); }

    static int addi(int rt, int ra, int v) { return 0x3800_0000 | rt << 21 | ra << 16 | (v & 0xffff); }

    static int lwz(int rt, int d, int ra) { return 0x8000_0000 | rt << 21 | ra << 16 | (d & 0xffff); }

    static int stw(int rs, int d, int ra) { return 0x9000_0000 | rs << 21 | ra << 16 | (d & 0xffff); }

    static int mtspr(int spr, int rs) { return 0x7c00_03a6 | rs << 21 | (spr & 31) << 16 | (spr >>> 5) << 11; }

    static int mfspr(int rt, int spr) { return 0x7c00_02a6 | rt << 21 | (spr & 31) << 16 | (spr >>> 5) << 11; }

    static int mftb(int rt, int tbr) { return 0x7c00_02e6 | rt << 21 | (tbr & 31) << 16 | (tbr >>> 5) << 11; }

    static int mtmsr(int rs) { return 0x7c00_0124 | rs << 21; }

    static int mfmsr(int rt) { return 0x7c00_00a6 | rt << 21; }

    static int mtsr(int sr, int rs) { return 0x7c00_01a4 | rs << 21 | sr << 16; }

    static int mfsr(int rt, int sr) { return 0x7c00_04a6 | rt << 21 | sr << 16; }

    static int tlbie(int rb) { return 0x7c00_0264 | rb << 11; }

    static final int RFI = 0x4c00_0064, SC = 0x4400_0002, HYPERCALL = 0x4400_0022, TRAP = 0x7fe0_0008,
            SPIN = 0x4800_0000, NOP = 0x6000_0000, UNDEFINED = 0;

    static final int DSISR = 18, DAR = 19, DEC = 22, SDR1 = 25, SPR_SRR0 = 26, SPR_SRR1 = 27, SPRG0 = 272, TBL_WRITE = 284,
            TBU_WRITE = 285, PVR = 287, IBAT0U = 528, DBAT0U = 536, HID0 = 1008;
}
