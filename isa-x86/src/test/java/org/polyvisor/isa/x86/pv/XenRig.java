package org.polyvisor.isa.x86.pv;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.Register;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.XenElfNotes;

/**
 * A PV vCPU booted as a Xen PV kernel (GUEST_OS "linux", XEN_VERSION "xen-3.0", LOADER "generic" and an ENTRY note
 * at {@link #CODE}) on 1 MiB of flat RAM: start_info at {@link #START_INFO} naming the shared_info page at
 * {@link #SHARED} (vcpu_info 0 at its start), a kernel stack below {@link #STACK}, trap tables at {@link #TABLE}.
 * Shared by the x86 and x86_64 tests of Xen's ring model.
 */
public final class XenRig implements AutoCloseable {
    public static final long CODE = 0x1000, HANDLER = 0x2000, STACK = 0x7000, START_INFO = 0x8000, SHARED = 0x9000,
            TABLE = 0x30000, ARG = 0x31000;

    public final IsaProvider isa;
    public final FlatGuestMemory memory;
    public final Vcpu cpu;
    public final boolean wide;

    public XenRig(IsaProvider isa, String codeHex) {
        this(isa, codeHex, true);
    }

    /** {@code notes}: false boots the same code without Xen's notes (Polyvisor's flat CPL 0 ABI). */
    public XenRig(IsaProvider isa, String codeHex, boolean notes) {
        this(isa, codeHex, notes, 1 << 20);
    }

    /**
     * With {@code ramBytes} of RAM, nr_pages in start_info: 1 MiB is too small for the bootstrap page tables (the
     * vCPU then starts with paging off); 8 MiB holds them.
     */
    public XenRig(IsaProvider isa, String codeHex, boolean notes, int ramBytes) {
        this(isa, codeHex, notes, ramBytes, 0);
    }

    /**
     * A kernel linked at {@code virtBase} (its VIRT_BASE note; the ENTRY note then is {@code virtBase + CODE}): the
     * builder maps pseudo-physical 0 there, so the rig's addresses are pseudo-physical and the kernel's are above it.
     */
    public XenRig(IsaProvider isa, String codeHex, boolean notes, int ramBytes, long virtBase) {
        this.isa = isa;
        this.wide = isa.wordBits() == 64;
        this.memory = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, ramBytes);
        load(CODE, codeHex);
        memory.load(START_INFO, (wide ? "xen-3.0-x86_64" : "xen-3.0-x86_32p").getBytes(StandardCharsets.US_ASCII));
        memory.write(START_INFO + (wide ? 40 : 36), wide ? 8 : 4, SHARED);
        memory.write(START_INFO + 32, wide ? 8 : 4, ramBytes >>> 12);
        this.cpu = isa.createVcpu(new VcpuConfig(memory, 0, GuestType.PV, () -> 0));
        XenElfNotes x = notes ? new XenElfNotes(Map.of(
                XenElfNotes.GUEST_OS, text("linux"), XenElfNotes.XEN_VERSION, text("xen-3.0"),
                XenElfNotes.LOADER, text("generic"), XenElfNotes.ENTRY, number(virtBase + CODE),
                XenElfNotes.VIRT_BASE, number(virtBase)), ByteOrder.LITTLE_ENDIAN) : XenElfNotes.NONE;
        isa.bootProtocol().boot(cpu, new BootInfo(GuestType.PV, 0x5555, START_INFO, 0, ramBytes, 0, x, new byte[0]));
        if (reg(wide ? "rsp" : "esp") == 0) set(wide ? "rsp" : "esp", STACK);  // no boot stack from the builder
    }

    private static byte[] text(String s) { return (s + "\0").getBytes(StandardCharsets.US_ASCII); }

    private byte[] number(long v) {
        byte[] b = new byte[wide ? 8 : 4];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (v >>> 8 * i);
        return b;
    }

    public XenRig load(long address, String hex) {
        memory.load(address, HexFormat.of().parseHex(hex.replace(" ", "")));
        return this;
    }

    public int number(String name) {
        return isa.registers().byName(name).map(Register::number).orElseThrow(() -> new IllegalArgumentException(name));
    }

    public long reg(String name) { return cpu.register(number(name)); }

    public XenRig set(String name, long value) {
        cpu.setRegister(number(name), value);
        return this;
    }

    public long call(int op, long... args) { return cpu.archHypercall(op, args); }

    /** set_trap_table with one entry: {vector, flags, cs (x86_32: 0xe019), handler}, then the terminator. */
    public long trap(int vector, int flags, long handler) {
        int size = wide ? 16 : 8;
        memory.write(TABLE, 4, vector | flags << 8 | (wide ? 0 : GuestModes.FLAT_RING1_CS) << 16);
        memory.write(TABLE + (wide ? 8 : 4), wide ? 8 : 4, handler);
        memory.write(TABLE + size, 8, 0);
        memory.write(TABLE + size + 8, 8, 0);
        return call(0, TABLE);
    }

    /** physdev_op(PHYSDEVOP_set_iopl, {iopl}). */
    public long setIopl(int iopl) {
        memory.write(ARG, 4, iopl);
        return call(33, 6, ARG);
    }

    /** The vCPU's ring model. */
    public GuestModes modes() { return ((X86Vcpu) cpu).callbacks().modes; }

    /** vcpu_info 0's evtchn_upcall_mask. */
    public long upcallMask() { return memory.read(SHARED + 1, 1); }

    @Override public void close() { memory.close(); }
}
