package org.polyvisor.isa.arm64.exec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.polyvisor.isa.arm64.decode.SysReg;

/**
 * The part of a vCPU's state that is not a gdb register, as {@link org.polyvisor.spi.VcpuState#extra}: the
 * banked stack pointer, whether vectors are installed, every system register of {@link SysReg}, the timers and the
 * SIMD&amp;FP state. Layout (little-endian): int version (2), int register count, long SP_EL0 bank, long SP_EL1
 * bank, byte vectorsInstalled, count longs of system registers, CTL and CVAL of the physical and virtual timers,
 * then V0-V31 (low, high doubleword each), int FPCR, int FPSR. Version 1 (no SIMD&amp;FP part, 41 system
 * registers) still restores, with the FP state at reset.
 */
final class SystemStateCodec {
    private static final int VERSION = 2, V1_COUNT = 41;

    private SystemStateCodec() { }

    static byte[] save(Arm64State s, GenericTimer timer) {
        ByteBuffer out = ByteBuffer.allocate(4 + 4 + 16 + 1 + 8 * SysReg.COUNT + 32 + 8 * s.vreg.length + 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(VERSION).putInt(SysReg.COUNT).putLong(s.spEl0).putLong(s.spEl1);
        out.put((byte) (s.vectorsInstalled ? 1 : 0));
        for (long v : s.sys) out.putLong(v);
        timer.save(out);
        for (long v : s.vreg) out.putLong(v);
        out.putInt(s.fpcr).putInt(s.fpsr);
        return out.array();
    }

    /** Restores what {@link #save} wrote; an empty blob (a state from before this codec) leaves reset values. */
    static void restore(byte[] blob, Arm64State s, GenericTimer timer) {
        if (blob.length == 0) return;
        ByteBuffer in = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        int version = in.getInt(), count = in.getInt();
        if (!(version == VERSION && count == SysReg.COUNT) && !(version == 1 && count == V1_COUNT))
            throw new IllegalArgumentException("arm64 state: unknown system state layout " + version + "/" + count);
        s.spEl0 = in.getLong();
        s.spEl1 = in.getLong();
        s.vectorsInstalled = in.get() != 0;
        for (int k = 0; k < count; k++) s.sys[k] = in.getLong();
        timer.restore(in);
        if (version == VERSION) {
            for (int k = 0; k < s.vreg.length; k++) s.vreg[k] = in.getLong();
            s.fpcr = in.getInt();
            s.fpsr = in.getInt();
        }
        s.recheckInterrupts = true;
    }
}
