package org.polyvisor.isa.x86.exec;

/**
 * What CPUID reports: a vendor of our own ("PolyvisorVM!"), family 6, and only the features this interpreter
 * implements, so that a guest probing for more falls back instead of executing what would be undefined here.
 * <ul>
 * <li>Leaf 1 EDX: FPU, PSE, TSC, MSR, PAE, CX8, SEP, PGE, CMOV, PSE-36, MMX, FXSR, SSE, SSE2 (and APIC on the HVM
 *     board). MMX (with SSE's additions on MMX registers) runs on the x87 register file ({@link MmxInstructions}).</li>
 * <li>Leaf 1 ECX: POPCNT, MOVBE, CX16 (CMPXCHG16B, in long mode) (and x2APIC on the HVM board). CRC32 (F2 0F 38
 *     F0/F1) executes, but SSE4.2 is not reported: that bit also promises PCMPESTRI/PCMPISTRI/PCMPGTQ, which
 *     libc string functions select by it, and SSSE3/SSE4.1 below it, none of which this model has.</li>
 * <li>Leaf 0x80000001: NX and ABM (LZCNT); in long mode LM and SYSCALL. Leaf 0x80000008: 40 physical and 48
 *     virtual address bits.</li>
 * <li>The maximum basic leaf is 1, so leaf 7 (BMI1, BMI2, ...) and leaf 0AH (architectural performance
 *     monitoring) read as zero, as every leaf past the maximum does: no performance counters exist, and RDPMC is
 *     #GP(0) for every counter number. Without BMI1, F3 0F BC (TZCNT) runs as BSF, as on the CPUs with ABM but
 *     without BMI1 (AMD family 10h): compilers emit "rep bsf" for exactly that reason.</li>
 * </ul>
 */
public final class Cpuid {
    private static final int VENDOR_EBX = le("Poly"), VENDOR_EDX = le("viso"), VENDOR_ECX = le("rVM!");
    private static final int PSE = 1 << 3, TSC = 1 << 4, MSR = 1 << 5, PAE = 1 << 6, SEP = 1 << 11, PGE = 1 << 13,
            CMOV = 1 << 15, PSE36 = 1 << 17, FPU = 1, MMX = 1 << 23, FXSR = 1 << 24, SSE = 1 << 25, SSE2 = 1 << 26, CX8 = 1 << 8;
    /** Leaf 1 ECX: CMPXCHG16B, MOVBE, POPCNT; leaf 0x80000001 ECX: ABM (LZCNT). */
    private static final int CX16 = 1 << 13, MOVBE = 1 << 22, POPCNT = 1 << 23, ABM = 1 << 5;
    private static final int LM = 1 << 29, SYSCALL = 1 << 11, NX = 1 << 20;

    private final boolean longMode;
    private final int apicId;

    public Cpuid(boolean longMode, int apicId) {
        this.longMode = longMode;
        this.apicId = apicId;
    }

    private static int le(String four) {
        return four.charAt(0) | four.charAt(1) << 8 | four.charAt(2) << 16 | four.charAt(3) << 24;
    }

    /** Fills eax, ebx, ecx, edx of {@code state} for leaf eax (subleaf ecx). */
    public void execute(CpuState state) {
        int leaf = (int) state.r[CpuState.RAX];
        if (state.platform != null && state.platform.cpuid(leaf, state)) return;  // HVM board: the hypervisor leaves
        int a = 0, b = 0, c = 0, d = 0;
        switch (leaf) {
            case 0 -> { a = 1; b = VENDOR_EBX; d = VENDOR_EDX; c = VENDOR_ECX; }
            case 1 -> {
                a = 0x0600; b = apicId << 24 | 1 << 16; d = FPU | PSE | TSC | MSR | PAE | CX8 | SEP | PGE | CMOV | PSE36 | MMX | FXSR | SSE | SSE2;
                c = POPCNT | MOVBE | (longMode ? CX16 : 0);
                if (state.platform != null) { d |= 1 << 9; c |= 1 << 21; }  // HVM board: APIC and x2APIC
            }
            case 0x8000_0000 -> a = 0x8000_0008;
            case 0x8000_0001 -> { d = NX | (longMode ? LM | SYSCALL : 0); c = ABM; }
            case 0x8000_0008 -> a = 48 << 8 | 40;
            default -> { }
        }
        state.set(CpuState.RAX, 4, a);
        state.set(CpuState.RBX, 4, b);
        state.set(CpuState.RCX, 4, c);
        state.set(CpuState.RDX, 4, d);
    }
}
