package org.polyvisor.isa.ppc.exec;

import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.trap.Alignment;
import org.polyvisor.isa.ppc.trap.Vectors;
import org.polyvisor.spi.VcpuExit;

/**
 * Fixed-point loads and stores (Book I 3.3.2 - 3.3.6): byte, halfword (zero- and sign-extending) and word,
 * each with D and X forms and their update variants, and load/store multiple word. An update form writes RA
 * only after its access succeeded. A load from MMIO leaves its target register pending until the kernel
 * answers through {@link #completeRead(long)}.
 */
final class LoadStoreUnit {
    private final PpcCpu c;
    private final DataBus bus;
    private int pendingReg = -1;
    private int pendingSize;
    private boolean pendingSigned, pendingReversed;
    /** The reservation of lwarx: its address and the word it read (stwcx. succeeds if that word is still there). */
    private boolean reserved;
    private long reservedAddress, reservedValue;

    LoadStoreUnit(PpcCpu c, DataBus bus) {
        this.c = c;
        this.bus = bus;
    }

    VcpuExit execute(Insn i) {
        return switch (i.op) {
            case LBZ -> load(i, dForm(i), 1, false, false);
            case LBZU -> load(i, dUpdate(i), 1, false, true);
            case LBZX -> load(i, xForm(i), 1, false, false);
            case LBZUX -> load(i, xUpdate(i), 1, false, true);
            case LHZ -> load(i, dForm(i), 2, false, false);
            case LHZU -> load(i, dUpdate(i), 2, false, true);
            case LHZX -> load(i, xForm(i), 2, false, false);
            case LHZUX -> load(i, xUpdate(i), 2, false, true);
            case LHA -> load(i, dForm(i), 2, true, false);
            case LHAU -> load(i, dUpdate(i), 2, true, true);
            case LHAX -> load(i, xForm(i), 2, true, false);
            case LHAUX -> load(i, xUpdate(i), 2, true, true);
            case LWZ -> load(i, dForm(i), 4, false, false);
            case LWZU -> load(i, dUpdate(i), 4, false, true);
            case LWZX -> load(i, xForm(i), 4, false, false);
            case LWZUX -> load(i, xUpdate(i), 4, false, true);
            case STB -> store(i, dForm(i), 1, false);
            case STBU -> store(i, dUpdate(i), 1, true);
            case STBX -> store(i, xForm(i), 1, false);
            case STBUX -> store(i, xUpdate(i), 1, true);
            case STH -> store(i, dForm(i), 2, false);
            case STHU -> store(i, dUpdate(i), 2, true);
            case STHX -> store(i, xForm(i), 2, false);
            case STHUX -> store(i, xUpdate(i), 2, true);
            case STW -> store(i, dForm(i), 4, false);
            case STWU -> store(i, dUpdate(i), 4, true);
            case STWX -> store(i, xForm(i), 4, false);
            case STWUX -> store(i, xUpdate(i), 4, true);
            case LMW -> loadMultiple(i, dForm(i));
            case STMW -> storeMultiple(i, dForm(i));
            case LHBRX -> loadReversed(i, xForm(i), 2);
            case LWBRX -> loadReversed(i, xForm(i), 4);
            case STHBRX -> store(i, xForm(i), 2, false, Short.reverseBytes((short) c.gpr[i.rt]));
            case STWBRX -> store(i, xForm(i), 4, false, Integer.reverseBytes((int) c.gpr[i.rt]));
            case LSWI -> loadString(i, c.ea(i.ra == 0 ? 0 : c.gpr[i.ra]), i.rb == 0 ? 32 : i.rb);
            case LSWX -> loadString(i, xForm(i), (int) c.xer & 0x7f);
            case STSWI -> storeString(i, c.ea(i.ra == 0 ? 0 : c.gpr[i.ra]), i.rb == 0 ? 32 : i.rb);
            case STSWX -> storeString(i, xForm(i), (int) c.xer & 0x7f);
            case LWARX -> loadAndReserve(i, xForm(i));
            case STWCX_RC -> storeConditional(i, xForm(i));
            case DCBZ -> zeroBlock(xForm(i));
            case ICBI -> {
                bus.invalidateCode(xForm(i));
                VcpuExit e = bus.exit;
                bus.exit = null;
                yield e;
            }
            default -> throw new IllegalStateException("not a load/store op: " + i.op);
        };
    }

    private long dForm(Insn i) { return c.ea((i.ra == 0 ? 0 : c.gpr[i.ra]) + i.simm); }

    private long dUpdate(Insn i) { return c.ea(c.gpr[i.ra] + i.simm); }

    private long xForm(Insn i) { return c.ea((i.ra == 0 ? 0 : c.gpr[i.ra]) + c.gpr[i.rb]); }

    private long xUpdate(Insn i) { return c.ea(c.gpr[i.ra] + c.gpr[i.rb]); }

    private VcpuExit load(Insn i, long ea, int size, boolean signed, boolean update) {
        long v = bus.load(ea, size);
        VcpuExit e = bus.exit;
        if (e != null) {
            bus.exit = null;
            if (e instanceof VcpuExit.Mmio) {
                pendingReg = i.rt;
                pendingSigned = signed;
                pendingReversed = false;
                pendingSize = size;
                if (update) c.gpr[i.ra] = ea;
            }
            return e;
        }
        c.gpr[i.rt] = signed ? (short) v : v;
        if (update) c.gpr[i.ra] = ea;
        return null;
    }

    private VcpuExit loadReversed(Insn i, long ea, int size) {
        VcpuExit e = load(i, ea, size, false, false);
        if (e instanceof VcpuExit.Mmio) pendingReversed = true;
        else if (e == null) c.gpr[i.rt] = reverse(c.gpr[i.rt], size);
        return e;
    }

    private static long reverse(long v, int size) {
        return size == 2 ? Short.reverseBytes((short) v) & 0xffffL : Integer.reverseBytes((int) v) & 0xffff_ffffL;
    }

    private VcpuExit loadAndReserve(Insn i, long ea) {
        if ((ea & 3) != 0) return alignment(i, ea);
        long v = bus.load(ea, 4);
        if (bus.exit != null) return atomicFailed("lwarx", ea);
        c.gpr[i.rt] = v;
        reserved = true;
        reservedAddress = ea;
        reservedValue = v;
        return null;
    }

    private VcpuExit storeConditional(Insn i, long ea) {
        if ((ea & 3) != 0) return alignment(i, ea);
        boolean stored = false;
        if (reserved && reservedAddress == ea) {
            stored = bus.compareAndStore(ea, reservedValue, c.gpr[i.rt]);
            if (bus.exit != null) return atomicFailed("stwcx.", ea);
        }
        reserved = false;
        // CR0 = 0b00 || stored || XER[SO]
        c.cr = (c.cr & 0x0fff_ffff) | (stored ? 0x2000_0000 : 0) | ((c.xer & PpcCpu.XER_SO) != 0 ? 0x1000_0000 : 0);
        return null;
    }

    /** lwarx/stwcx. not word aligned: the alignment interrupt, DAR = EA, DSISR from the instruction. */
    private VcpuExit alignment(Insn i, long ea) {
        c.dar = ea;
        c.dsisr = Alignment.dsisr(i.word);
        return c.raise(Vectors.ALIGNMENT, 0, i.word);
    }

    private VcpuExit atomicFailed(String what, long ea) {
        VcpuExit e = bus.exit;
        bus.exit = null;
        return e instanceof VcpuExit.Mmio ? new VcpuExit.Fault(what + " to MMIO at 0x" + Long.toHexString(ea), 0) : e;
    }

    /** dcbz: zeroes the 32-byte block (the classic PowerPC cache line) that holds {@code ea}. */
    private VcpuExit zeroBlock(long ea) {
        long block = ea & ~31L;
        for (int k = 0; k < 32; k += 4) {
            bus.store(block + k, 4, 0);
            if (bus.exit != null) return atomicFailed("dcbz", block);
        }
        return null;
    }

    private VcpuExit store(Insn i, long ea, int size, boolean update) { return store(i, ea, size, update, c.gpr[i.rt]); }

    private VcpuExit store(Insn i, long ea, int size, boolean update, long value) {
        bus.store(ea, size, value);
        VcpuExit e = bus.exit;
        if (e instanceof VcpuExit.Fault) {
            bus.exit = null;
            return e;
        }
        bus.exit = null;
        if (update) c.gpr[i.ra] = ea;
        return e;
    }

    private VcpuExit loadMultiple(Insn i, long ea) {
        for (int r = i.rt; r < 32; r++, ea = c.ea(ea + 4)) {
            long v = bus.load(ea, 4);
            if (bus.exit != null) return multipleFailed(ea);
            c.gpr[r] = v;
        }
        return null;
    }

    private VcpuExit storeMultiple(Insn i, long ea) {
        for (int r = i.rt; r < 32; r++, ea = c.ea(ea + 4)) {
            bus.store(ea, 4, c.gpr[r]);
            if (bus.exit != null) return multipleFailed(ea);
        }
        return null;
    }

    /**
     * lswi/lswx: {@code n} bytes into RT, RT+1, ... (r31 wraps to r0), four to a register, MSB first; the last
     * register is zero-padded on the right. n = 0 (lswx with XER count 0) leaves RT undefined: it is kept.
     */
    private VcpuExit loadString(Insn i, long ea, int n) {
        int r = i.rt - 1;
        for (int k = 0; k < n; k++, ea = c.ea(ea + 1)) {
            if ((k & 3) == 0) {
                r = (r + 1) & 31;
                c.gpr[r] = 0;
            }
            long b = bus.load(ea, 1);
            if (bus.exit != null) return multipleFailed(ea);
            c.gpr[r] |= b << (24 - 8 * (k & 3));
        }
        return null;
    }

    /** stswi/stswx: {@code n} bytes from RS, RS+1, ... (r31 wraps to r0), four to a register, MSB first. */
    private VcpuExit storeString(Insn i, long ea, int n) {
        for (int k = 0; k < n; k++, ea = c.ea(ea + 1)) {
            long word = c.gpr[(i.rt + (k >>> 2)) & 31];
            bus.store(ea, 1, word >>> (24 - 8 * (k & 3)));
            if (bus.exit != null) return multipleFailed(ea);
        }
        return null;
    }

    /** lmw/stmw are not restartable from the middle through an MMIO exit, so MMIO there is a guest error. */
    private VcpuExit multipleFailed(long ea) {
        VcpuExit e = bus.exit;
        bus.exit = null;
        return e instanceof VcpuExit.Mmio
                ? new VcpuExit.Fault("load/store multiple to MMIO at 0x" + Long.toHexString(ea) + " is not supported", 0)
                : e;
    }

    /** Writes the value the kernel read for the pending MMIO load. */
    void completeRead(long value) {
        if (pendingReg < 0) return;
        long v = pendingSize == 8 ? value : value & ((1L << (8 * pendingSize)) - 1);
        if (pendingReversed) v = reverse(v, pendingSize);
        c.gpr[pendingReg] = pendingSigned ? (short) v : v;
        pendingReg = -1;
    }

    boolean readPending() { return pendingReg >= 0; }
}
