package org.polyvisor.isa.arm64.exec;

import java.lang.invoke.VarHandle;

import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.Reg;
import org.polyvisor.spi.GuestMemory;

/**
 * Exclusives (LDXR/STXR and pairs, CLREX), ordered accesses (LDAR/STLR) and the LSE atomics (CAS, CASP, SWP,
 * LD&lt;op&gt;), correct across vCPUs on different pCPU threads.
 * <p>Every store that must be atomic is a compare-and-exchange on guest memory
 * ({@link GuestMemory#compareAndExchange}; bytes and halfwords through their aligned word). The local exclusive
 * monitor remembers the address, size and value LDXR read; STXR succeeds when the monitor is armed for the same
 * address and size and memory still holds that value, which it swaps in one compare-and-exchange (a store of the
 * same value by another vCPU in between goes unnoticed, as in QEMU's implementation). 128-bit accesses (LDXP/STXP
 * and CASP of X registers) have no host CAS: they serialise on one lock shared by all vCPUs.
 * The compare-and-exchange is a volatile access, which gives the acquire and release orderings; LDAR and STLR add
 * full fences around a plain access.
 */
final class Atomics {
    private static final Object WIDE_LOCK = new Object();

    private final Arm64State s;
    private final long[] x;
    private final DataBus bus;
    private final GuestMemory memory;

    private boolean monitorArmed;
    private long monitorAddress, monitorLow, monitorHigh;
    private int monitorBytes;

    Atomics(Arm64State state, DataBus bus, GuestMemory memory) {
        this.s = state;
        this.x = state.x;
        this.bus = bus;
        this.memory = memory;
    }

    /** CLREX, and exception entry/return. */
    void clearMonitor() { monitorArmed = false; }

    /** True between an LDXR/LDAXR and the STXR, CLREX or exception return that closes the local monitor. */
    boolean monitorArmed() { return monitorArmed; }

    private static long mask(int bytes) { return bytes == 8 ? -1L : (1L << (8 * bytes)) - 1; }

    /** LDXR, LDAXR, LDXP, LDAXP. */
    int loadExclusive(Insn i, boolean pair) {
        int bytes = (pair ? 2 : 1) << i.size;
        long gpa = bus.atomicAddress(x[i.rn], bytes, false, s.pc);
        if (gpa < 0) return Step.EXIT;
        long low, high = 0;
        if (bytes == 16) {
            synchronized (WIDE_LOCK) {
                low = memory.read(gpa, 8);
                high = memory.read(gpa + 8, 8);
            }
        } else {
            low = memory.read(gpa, bytes);
        }
        VarHandle.fullFence();
        monitorArmed = true;
        monitorAddress = gpa;
        monitorBytes = bytes;
        monitorLow = low;
        monitorHigh = high;
        if (!pair) x[i.rd] = low;
        else if (bytes == 8) {
            x[i.rd] = low & Alu.W_MASK;
            x[i.ra] = low >>> 32;
        } else {
            x[i.rd] = low;
            x[i.ra] = high;
        }
        return Step.NEXT;
    }

    /** STXR, STLXR, STXP, STLXP: the status register gets 0 on success, 1 on failure. */
    int storeExclusive(Insn i, boolean pair) {
        int bytes = (pair ? 2 : 1) << i.size;
        long gpa = bus.atomicAddress(x[i.rn], bytes, true, s.pc);
        if (gpa < 0) return Step.EXIT;
        boolean ok = monitorArmed && monitorAddress == gpa && monitorBytes == bytes;
        if (ok) {
            if (bytes == 16) {
                synchronized (WIDE_LOCK) {
                    ok = memory.read(gpa, 8) == monitorLow && memory.read(gpa + 8, 8) == monitorHigh;
                    if (ok) {
                        memory.write(gpa, 8, x[i.rd]);
                        memory.write(gpa + 8, 8, x[i.ra]);
                    }
                }
            } else {
                long value = pair ? (x[i.rd] & Alu.W_MASK) | (x[i.ra] << 32) : x[i.rd] & mask(bytes);
                ok = cas(gpa, bytes, monitorLow, value) == monitorLow;
            }
        }
        monitorArmed = false;
        x[i.rm] = ok ? 0 : 1;
        return Step.NEXT;
    }

    /** LDAR, LDLAR: a load, then a full fence. */
    int loadAcquire(Insn i) {
        long value = bus.load(x[i.rn], i.size, s.pc);
        if (bus.exit != null) return Step.EXIT;
        VarHandle.fullFence();
        x[i.rd] = value;
        return Step.NEXT;
    }

    /** STLR, STLLR: a full fence, then a store. */
    int storeRelease(Insn i) {
        VarHandle.fullFence();
        bus.store(x[i.rn], i.size, x[i.rd], s.pc);
        return bus.exit == null ? Step.NEXT : bus.exitAfterRetire ? Step.EXIT_RETIRED : Step.EXIT;
    }

    /** CAS: compares Rs with memory, stores Rt when equal; Rs receives the old value. */
    int compareAndSwap(Insn i) {
        int bytes = 1 << i.size;
        long gpa = bus.atomicAddress(x[i.rn], bytes, true, s.pc);
        if (gpa < 0) return Step.EXIT;
        long old = cas(gpa, bytes, x[i.rm] & mask(bytes), x[i.rd] & mask(bytes));
        x[Reg.zrDest(i.amount)] = old;
        return Step.NEXT;
    }

    /** CASP: the pair Rs:Rs+1 against memory, storing Rt:Rt+1 when equal; Rs:Rs+1 receive the old pair. */
    int compareAndSwapPair(Insn i) {
        int rs = i.amount, rt = i.aux;
        long s0 = reg(rs), s1 = reg(rs + 1), t0 = reg(rt), t1 = reg(rt + 1);
        int bytes = 2 << i.size;
        long gpa = bus.atomicAddress(x[i.rn], bytes, true, s.pc);
        if (gpa < 0) return Step.EXIT;
        long old0, old1;
        if (bytes == 8) {
            long old = cas(gpa, 8, (s0 & Alu.W_MASK) | (s1 << 32), (t0 & Alu.W_MASK) | (t1 << 32));
            old0 = old & Alu.W_MASK;
            old1 = old >>> 32;
        } else {
            synchronized (WIDE_LOCK) {
                old0 = memory.read(gpa, 8);
                old1 = memory.read(gpa + 8, 8);
                if (old0 == s0 && old1 == s1) {
                    memory.write(gpa, 8, t0);
                    memory.write(gpa + 8, 8, t1);
                }
            }
        }
        x[Reg.zrDest(rs)] = old0;
        x[Reg.zrDest(rs + 1)] = old1;
        return Step.NEXT;
    }

    private long reg(int n) { return n == 31 ? 0 : x[n]; }

    /** SWP and LD&lt;op&gt; (the operation is the Insn's op): Rt receives the old value. */
    int readModifyWrite(Insn i) {
        int bytes = 1 << i.size;
        long gpa = bus.atomicAddress(x[i.rn], bytes, true, s.pc);
        if (gpa < 0) return Step.EXIT;
        long m = mask(bytes), operand = x[i.rm] & m;
        long old;
        while (true) {
            old = memory.read(gpa, bytes);
            long next = apply(i, old, operand, bytes) & m;
            if (cas(gpa, bytes, old, next) == old) break;
        }
        x[i.rd] = old;
        return Step.NEXT;
    }

    private static long apply(Insn i, long old, long operand, int bytes) {
        int shift = 64 - 8 * bytes;
        return switch (i.op) {
            case LDADD -> old + operand;
            case LDCLR -> old & ~operand;
            case LDEOR -> old ^ operand;
            case LDSET -> old | operand;
            case LDSMAX -> (old << shift >> shift) >= (operand << shift >> shift) ? old : operand;
            case LDSMIN -> (old << shift >> shift) <= (operand << shift >> shift) ? old : operand;
            case LDUMAX -> Long.compareUnsigned(old, operand) >= 0 ? old : operand;
            case LDUMIN -> Long.compareUnsigned(old, operand) <= 0 ? old : operand;
            default -> operand;   // SWP
        };
    }

    /** Compare-and-exchange of 1, 2, 4 or 8 naturally aligned bytes; returns the value found (zero-extended). */
    private long cas(long gpa, int bytes, long expected, long value) {
        if (bytes >= 4) return memory.compareAndExchange(gpa, bytes, expected, value);
        long wordAddress = gpa & ~3L;
        int shift = 8 * (int) (gpa & 3);
        long m = mask(bytes) << shift;
        while (true) {
            long word = memory.read(wordAddress, 4);
            long found = (word & m) >>> shift;
            if (found != expected) return found;
            long next = (word & ~m) | ((value << shift) & m);
            if (memory.compareAndExchange(wordAddress, 4, word, next) == word) return found;
        }
    }
}
