package org.polyvisor.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes minimal ELF executables for tests: one PT_LOAD segment, optional bss, no sections. */
public final class TestElf {
    private TestElf() { }

    public static byte[] build(int machine, int elfClass, ByteOrder order, long paddr, byte[] code, long bss) {
        boolean is64 = elfClass == 2;
        int eh = is64 ? 64 : 52, ph = is64 ? 56 : 32;
        ByteBuffer b = ByteBuffer.allocate(eh + ph + code.length).order(order);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) elfClass, (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2), 1});
        b.position(16);
        b.putShort((short) 2).putShort((short) machine).putInt(1);
        if (is64) b.putLong(paddr).putLong(eh).putLong(0);
        else b.putInt((int) paddr).putInt(eh).putInt(0);
        b.putInt(0).putShort((short) eh).putShort((short) ph).putShort((short) 1).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        b.position(eh);
        if (is64) {
            b.putInt(1).putInt(7).putLong(eh + ph).putLong(paddr).putLong(paddr).putLong(code.length).putLong(code.length + bss).putLong(4096);
        } else {
            b.putInt(1).putInt(eh + ph).putInt((int) paddr).putInt((int) paddr).putInt(code.length).putInt((int) (code.length + bss)).putInt(7).putInt(4096);
        }
        b.put(code);
        return b.array();
    }
}
