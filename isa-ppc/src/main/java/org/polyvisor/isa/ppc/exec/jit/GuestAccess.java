package org.polyvisor.isa.ppc.exec.jit;

import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The var handles translated code reads and writes guest pages through (big-endian, unaligned), as static finals:
 * C2 folds a {@code getstatic} of one into a constant, so every access compiles to a plain load or store.
 */
public final class GuestAccess {
    private GuestAccess() { }

    public static final VarHandle U8 = ValueLayout.JAVA_BYTE.varHandle();
    public static final VarHandle U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN).varHandle();
    public static final VarHandle U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN).varHandle();
}
