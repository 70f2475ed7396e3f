package org.polyvisor.isa.arm64.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.polyvisor.spi.VcpuExit;

/**
 * One row of the instruction table: the encodings (with their assembly), the state before, and the registers,
 * flags, memory, PC and exit expected after running {@link #steps} instructions from the start of the code.
 */
final class Case {
    final String asm;
    final int[] code;
    int steps = 1;
    final Map<Integer, Long> regs = new LinkedHashMap<>();
    String flags;
    final List<long[]> mem = new ArrayList<>();
    final Map<Integer, Long> expectRegs = new LinkedHashMap<>();
    String expectFlags;
    final List<long[]> expectMem = new ArrayList<>();
    Long expectPcOffset;
    VcpuExit expectExit = VcpuExit.BUDGET_SPENT;

    private Case(String asm, int[] code) {
        this.asm = asm;
        this.code = code;
    }

    static Case of(String asm, int... code) { return new Case(asm, code); }

    /** Register by its arm64 number (x0-x30 = 0-30, sp = 31). */
    Case x(int reg, long value) { regs.put(reg, value); return this; }

    /** NZCV before, as "NzCv": upper case = set. */
    Case flags(String nzcv) { flags = nzcv; return this; }

    Case mem(long address, int size, long value) { mem.add(new long[] {address, size, value}); return this; }

    Case steps(int n) { steps = n; return this; }

    Case expectX(int reg, long value) { expectRegs.put(reg, value); return this; }

    Case expectFlags(String nzcv) { expectFlags = nzcv; return this; }

    Case expectMem(long address, int size, long value) { expectMem.add(new long[] {address, size, value}); return this; }

    /** PC after the run, as an offset from the code start (default: 4 per step). */
    Case expectPc(long offset) { expectPcOffset = offset; return this; }

    Case expectExit(VcpuExit exit) { expectExit = exit; return this; }

    @Override public String toString() { return asm; }
}
