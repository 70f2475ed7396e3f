package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.trap.Vectors.GP;
import static org.polyvisor.isa.x86.trap.Vectors.MEMORY;
import static org.polyvisor.isa.x86.trap.Vectors.fault;

/**
 * The I/O permission check of IN, OUT, INS and OUTS (SDM Vol. 1, 19.5 "Protected-mode I/O"; Vol. 3, 20.2.8.1 for
 * virtual-8086 mode, where IOPL does not matter and the bitmap always decides): allowed in real mode and when
 * CPL &le; IOPL outside virtual-8086 mode; otherwise every bit of the accessed ports in the TSS's I/O permission bitmap must be
 * clear, the bitmap starting at the 16-bit offset at TSS + 66H and reaching no further than the TSS limit. A
 * port past the limit, or no TSS at all, is #GP(0). (The bitmap is read as a 32-bit TSS has it; a 16-bit TSS has
 * none, which this model does not tell apart.)
 */
final class PortPermission {
    /** Offset of the I/O map base in a 32-bit (and 64-bit) TSS, and the smallest limit such a TSS has. */
    private static final int IO_MAP_BASE = 0x66, TSS_MIN_LIMIT = 0x67;

    private final CpuState s;
    private final Bus bus;

    PortPermission(CpuState s, Bus bus) { this.s = s; this.bus = bus; }

    /** 0 when {@code size} bytes at {@code port} may be accessed, else #GP(0) or {@link org.polyvisor.isa.x86.trap.Vectors#MEMORY}. */
    long check(int port, int size) {
        if (s.realMode() || (!s.v86 && s.cpl() <= s.flags.iopl())) return 0;  // virtual-8086 mode: always the bitmap
        if ((s.tr & 0xFFFC) == 0 || s.trLimit < TSS_MIN_LIMIT) return fault(GP, 0);
        boolean outer = bus.implicitSupervisor;
        bus.implicitSupervisor = true;
        long mapBase = bus.read(s.trBase + IO_MAP_BASE, 2);
        long at = mapBase + (port >>> 3);
        long bits = bus.abort != null || at + 1 > s.trLimit ? 0 : bus.read(s.trBase + at, 2);
        bus.implicitSupervisor = outer;
        if (bus.abort != null) return MEMORY;
        if (at + 1 > s.trLimit) return fault(GP, 0);
        long ports = ((1L << size) - 1) << (port & 7);
        return (bits & ports) != 0 ? fault(GP, 0) : 0;
    }
}
