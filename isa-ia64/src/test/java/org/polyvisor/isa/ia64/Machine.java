package org.polyvisor.isa.ia64;

import java.nio.ByteOrder;
import java.util.HexFormat;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;

/** A test machine: 64 KiB of RAM at 0, an MMIO hole at 0x20000, code at 0x1000, PV-booted with start_info 0xF000. */
final class Machine implements AutoCloseable {
    static final long CODE = 0x1000, MMIO = 0x20000, START_INFO = 0xF000;

    final Ia64IsaProvider isa = new Ia64IsaProvider();
    final FlatGuestMemory memory = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 0x10000).withMmio(MMIO, 0x1000);
    /** The domain's virtual time in nanoseconds (ar.itc), set by tests. */
    final long[] now = {0};
    final Vcpu vcpu = isa.createVcpu(new VcpuConfig(memory, 0, GuestType.PV, () -> now[0]));

    Machine(String hex) {
        load(CODE, hex);
        isa.bootProtocol().boot(vcpu, new BootInfo(GuestType.PV, CODE, START_INFO, 0, 0x10000, 0));
    }

    void load(long at, String hex) {
        memory.load(at, HexFormat.of().parseHex(hex));
    }

    int reg(String name) {
        return isa.registers().byName(name).orElseThrow(() -> new IllegalArgumentException("no register " + name)).number();
    }

    long get(String name) { return vcpu.register(reg(name)); }

    void set(String name, long v) { vcpu.setRegister(reg(name), v); }

    @Override
    public void close() { memory.close(); }
}
