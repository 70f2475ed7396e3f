package org.polyvisor.isa.arm64.exec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.polyvisor.isa.arm64.decode.SysReg;

/**
 * The part of a vCPU's state that is not a gdb register, as {@link org.polyvisor.spi.VcpuState#extra}: the
 * banked stack pointer, whether vectors are installed, every system register of {@link SysReg} and the timers.
 * Layout (little-endian): int version (1), int register count, long SP_EL0 bank, long SP_EL1 bank, byte
 * vectorsInstalled, count longs of system registers, then CTL and CVAL of the physical and virtual timers.
 */
final class SystemStateCodec {
    private static final int VERSION = 1;

    private SystemStateCodec() { }

    static byte[] save(Arm64State s, GenericTimer timer) {
        ByteBuffer out = ByteBuffer.allocate(4 + 4 + 16 + 1 + 8 * SysReg.COUNT + 32).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(VERSION).putInt(SysReg.COUNT).putLong(s.spEl0).putLong(s.spEl1);
        out.put((byte) (s.vectorsInstalled ? 1 : 0));
        for (long v : s.sys) out.putLong(v);
        timer.save(out);
        return out.array();
    }

    /** Restores what {@link #save} wrote; an empty blob (a state from before this codec) leaves reset values. */
    static void restore(byte[] blob, Arm64State s, GenericTimer timer) {
        if (blob.length == 0) return;
        ByteBuffer in = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        int version = in.getInt(), count = in.getInt();
        if (version != VERSION || count != SysReg.COUNT)
            throw new IllegalArgumentException("arm64 state: unknown system state layout " + version + "/" + count);
        s.spEl0 = in.getLong();
        s.spEl1 = in.getLong();
        s.vectorsInstalled = in.get() != 0;
        for (int k = 0; k < count; k++) s.sys[k] = in.getLong();
        timer.restore(in);
        s.recheckInterrupts = true;
    }
}
