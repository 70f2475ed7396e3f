package org.polyvisor.isa.arm64.exec.jit;

import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The var handles translated code reads and writes guest pages through (little-endian, unaligned), as static finals:
 * C2 folds a {@code getstatic} of one into a constant, so every access compiles to a plain load or store (a
 * {@code MemorySegment.get(layout, offset)} would first call the layout's {@code varHandleInternal()}).
 */
public final class GuestAccess {
    private GuestAccess() { }

    public static final VarHandle U8 = ValueLayout.JAVA_BYTE.varHandle();
    public static final VarHandle U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    public static final VarHandle U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    public static final VarHandle U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
}
