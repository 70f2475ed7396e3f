package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.trap.Vectors.DB;
import static org.polyvisor.isa.x86.trap.Vectors.GP;
import static org.polyvisor.isa.x86.trap.Vectors.UD;
import static org.polyvisor.isa.x86.trap.Vectors.fault;

/**
 * DR0-DR7, MOV to and from them (SDM Vol. 2B "MOV-Move to/from Debug Registers") and the breakpoints they set
 * (SDM Vol. 3B, 18.2-18.3). Privileged: #GP(0) above CPL 0. DR4 and DR5 are aliases of DR6 and DR7 while CR4.DE = 0
 * and #UD while it is 1; DR8-DR15 (REX.R) are #UD. In 64-bit mode a write of bits 63:32 of DR6 or DR7 is #GP(0).
 * With DR7.GD set, a MOV DRn that passed those checks is a #DB fault with DR6.BD set, GD cleared for the handler.
 * <p>Breakpoint n is enabled by L<i>n</i> or G<i>n</i>; its R/W field picks the kind: 00 instruction (a fault
 * before the instruction at linear address DRn executes, unless EFLAGS.RF is set), 01 data writes and 11 data
 * reads or writes (traps after the instruction that touched any byte of the range), 10 I/O reads and writes of
 * the ports in DRn's range (traps after IN, OUT, INS, OUTS; defined only while CR4.DE is set, inert otherwise).
 * LEN gives the range: 1, 2, 8 (encoding 10) or 4 bytes, DRn aligned down to it (the SDM requires the alignment).
 * A hit replaces DR6.B0-B3 with the breakpoints met. A task switch clears L0-L3; the TSS T flag (DR6.BT) is not
 * acted on.
 */
final class DebugRegisters {
    /** DR6: B0-B3, BD, BS, BT are writable; bits 4-11 and 16-31 read as 1 (no RTM), bit 12 as 0. */
    static final long DR6_WRITABLE = 0xE00F, DR6_ONES = 0xFFFF_0FF0L;
    /** DR7: L0-G3, LE, GE, GD and the R/W and LEN fields are writable; bit 10 reads as 1, 11, 12, 14 and 15 as 0. */
    static final long DR7_WRITABLE = 0xFFFF_23FFL, DR7_ONES = 0x400;
    private static final long CR4_DE = 1 << 3;

    private final CpuState s;
    /** DR0-DR3 (linear breakpoint addresses), then DR6 and DR7 at 6 and 7. */
    private final long[] dr = new long[8];
    /** The value read by the last successful {@link #read}. */
    long value;

    private static final long DR6_BD = 1 << 13, DR7_GD = 1 << 13;
    /** R/W values of DR7 (bits 16 + 4n and 17 + 4n). */
    private static final int EXECUTE = 0, WRITE = 1, IO = 2, READ_WRITE = 3;
    /** Byte lengths by the LEN encoding (DR7 bits 18 + 4n, 19 + 4n). */
    private static final int[] LENGTHS = {1, 2, 8, 4};

    private final Bus bus;
    /** Bit n: breakpoint n is an enabled instruction breakpoint. */
    private int executeMask;
    /** Bit n: breakpoint n is an enabled I/O breakpoint (acted on only while CR4.DE is set). */
    private int ioMask;

    DebugRegisters(CpuState s, Bus bus) {
        this.s = s;
        this.bus = bus;
        dr[6] = DR6_ONES;
        dr[7] = DR7_ONES;
    }

    /** A single-step trap: DR6.BS (bit 14) set, the other status bits kept as the SDM says (Vol. 3, 17.2.3). */
    void singleStep() { dr[6] |= 1 << 14; }

    /**
     * Instruction breakpoints met at linear address {@code linear}: DR6.B0-B3 replaced by every R/W = 00 breakpoint
     * at that address (enabled or not, as QEMU) and true when an enabled one is among them.
     */
    boolean instructionHit(long linear) {
        if (executeMask == 0) return false;
        int met = 0;
        long dr7 = dr[7];
        for (int n = 0; n < 4; n++)
            if ((dr7 >>> (16 + 4 * n) & 3) == EXECUTE && dr[n] == linear) met |= 1 << n;
        if ((met & executeMask) == 0) return false;
        dr[6] = (dr[6] & ~0xFL) | met;
        return true;
    }

    /** The I/O breakpoints (bit n for DRn) an access of {@code size} bytes to {@code port} meets; none without CR4.DE. */
    int ioHit(int port, int size) {
        if (ioMask == 0 || (s.cr4 & CR4_DE) == 0) return 0;
        int met = 0;
        for (int n = 0; n < 4; n++) {
            if ((ioMask >>> n & 1) == 0) continue;
            int length = LENGTHS[(int) (dr[7] >>> (18 + 4 * n)) & 3];
            long start = dr[n] & 0xFFFF & -(long) length;
            if (port < start + length && start < port + size) met |= 1 << n;
        }
        return met;
    }

    /** A task switch clears DR7's local enables L0-L3 (SDM Vol. 3, 18.2.4); the global ones stay. */
    void taskSwitched() {
        if ((dr[7] & 0x55) == 0) return;
        dr[7] &= ~0x55L;
        arm();
    }

    /** Data breakpoints {@code hits} (bit n for DRn) met by the instruction that retired: DR6.B0-B3 become them. */
    void dataHit(int hits) { dr[6] = (dr[6] & ~0xFL) | hits; }

    /** Reloads the run loop's and the bus's view of the enabled breakpoints after DR0-DR3 or DR7 changed. */
    private void arm() {
        long dr7 = dr[7];
        int execute = 0, watch = 0, writesOnly = 0, io = 0;
        for (int n = 0; n < 4; n++) {
            if ((dr7 >>> (2 * n) & 3) == 0) continue;
            int rw = (int) (dr7 >>> (16 + 4 * n)) & 3;
            int length = LENGTHS[(int) (dr7 >>> (18 + 4 * n)) & 3];
            if (rw == EXECUTE) execute |= 1 << n;
            else if (rw == IO) io |= 1 << n;
            else if (rw == WRITE || rw == READ_WRITE) {
                watch |= 1 << n;
                if (rw == WRITE) writesOnly |= 1 << n;
                bus.watchStart[n] = dr[n] & -(long) length;
                bus.watchLength[n] = length;
            }
        }
        executeMask = execute;
        ioMask = io;
        bus.watchMask = watch;
        bus.watchWritesOnly = writesOnly;
        s.breakpoints = (execute | watch | io) != 0;
        bus.flushTlb();  // watched pages leave the TLB; pages no longer watched may enter it again
    }

    /** DR7.GD: #DB with DR6.BD, GD cleared so that the handler may use the debug registers; else 0. */
    private long generalDetect() {
        if ((dr[7] & DR7_GD) == 0) return 0;
        dr[6] |= DR6_BD;
        dr[7] &= ~DR7_GD;
        return fault(DB, 0);
    }

    /** The register DRn names after the CR4.DE aliasing, or -1 for #UD. */
    private int resolve(int n) {
        if (n > 7) return -1;
        if (n == 4 || n == 5) return (s.cr4 & CR4_DE) != 0 ? -1 : n + 2;
        return n;
    }

    /** MOV from DRn: 0 and {@link #value}, or the exception. */
    long read(int n) {
        if (s.cpl() != 0) return fault(GP, 0);
        int r = resolve(n);
        if (r < 0) return fault(UD, 0);
        long gd = generalDetect();
        if (gd != 0) return gd;
        value = dr[r];
        return 0;
    }

    /** MOV to DRn of {@code v} (already cut to 32 bits outside 64-bit mode): 0 or the exception. */
    long write(int n, long v) {
        if (s.cpl() != 0) return fault(GP, 0);
        int r = resolve(n);
        if (r < 0) return fault(UD, 0);
        if (r >= 6 && (v >>> 32) != 0) return fault(GP, 0);
        long gd = generalDetect();
        if (gd != 0) return gd;
        dr[r] = switch (r) {
            case 6 -> (v & DR6_WRITABLE) | DR6_ONES;
            case 7 -> (v & DR7_WRITABLE) | DR7_ONES;
            default -> v;
        };
        if (r != 6) arm();
        return 0;
    }
}
