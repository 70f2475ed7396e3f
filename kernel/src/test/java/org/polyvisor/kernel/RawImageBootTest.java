package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.config.LifecycleAction;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainCreateException;
import org.polyvisor.kernel.domain.DomainEnd;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.BootProtocol;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.HypercallAbi;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.RawImage;
import org.polyvisor.spi.RegisterSet;
import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

/**
 * The builder's raw-image hook is ISA-neutral: a file that is not ELF goes to the domain's ISA ({@link IsaProvider#rawImage});
 * the placement it returns is loaded with its bss, vCPU 0 starts at its entry, and start_info follows the bss (PV). Here a
 * toy format of the scripted test ISA: "RAW!", u32 load offset from the RAM base, u32 bss bytes, u32 entry offset.
 */
class RawImageBootTest {
    @TempDir Path dir;

    /** The scripted ISA with the toy raw format. */
    record ToyRawIsa(ScriptedIsa base) implements IsaProvider {
        @Override public String id() { return base.id(); }
        @Override public String description() { return base.description(); }
        @Override public int wordBits() { return base.wordBits(); }
        @Override public ByteOrder byteOrder() { return base.byteOrder(); }
        @Override public int elfMachine() { return base.elfMachine(); }
        @Override public int elfClass() { return base.elfClass(); }
        @Override public RegisterSet registers() { return base.registers(); }
        @Override public Vcpu createVcpu(VcpuConfig config) { return base.createVcpu(config); }
        @Override public Disassembler disassembler() { return base.disassembler(); }
        @Override public BootProtocol bootProtocol() { return base.bootProtocol(); }
        @Override public HypercallAbi hypercallAbi() { return base.hypercallAbi(); }

        @Override
        public Optional<RawImage> rawImage(byte[] bytes, long ramBase) {
            if (bytes.length < 16 || bytes[0] != 'R' || bytes[1] != 'A' || bytes[2] != 'W' || bytes[3] != '!')
                return Optional.of(new RawImage.Invalid("no RAW! magic"));
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            long load = ramBase + (b.getInt(4) & 0xffff_ffffL);
            return Optional.of(new RawImage.Placed("toy raw image", load, load + (b.getInt(12) & 0xffff_ffffL), bytes,
                    b.getInt(8) & 0xffff_ffffL));
        }
    }

    static byte[] toy(int loadOffset, int bss, int entryOffset, int length) {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'R', 'A', 'W', '!'}).putInt(loadOffset).putInt(bss).putInt(entryOffset);
        for (int i = 16; i < length; i++) b.put(i, (byte) i);
        return b.array();
    }

    private DomainConfig config(byte[] kernel, String isa) throws Exception {
        Path file = dir.resolve("toy.raw");
        Files.write(file, kernel);
        return new DomainConfig("toy", GuestType.PV, isa, file, 4, 1, LifecycleAction.DESTROY, LifecycleAction.DESTROY,
                LifecycleAction.DESTROY, "", List.of());
    }

    private static Hypervisor boot(IsaProvider isa) {
        return Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa));
    }

    @Test
    void aRawImageIsLoadedAtItsPlacementAndEnteredAtItsEntry() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        byte[] kernel = toy(0x3000, 0x1800, 0x20, 48);
        ToyRawIsa isa = new ToyRawIsa(new ScriptedIsa(64, v -> {
            byte[] loaded = new byte[48];
            v.memory.readBytes(0x3000, loaded, 0, loaded.length);
            seen.set(String.format("pc=0x%x start_info=0x%x bytes=%s", v.pc(), v.register(7), HexFormat.of().formatHex(loaded)));
            return new VcpuExit.Shutdown(ShutdownReason.POWEROFF);
        }));
        try (Hypervisor h = boot(isa)) {
            Domain d = h.create(config(kernel, "scripted"));
            DomainEnd end = d.ended().get(10, TimeUnit.SECONDS);
            assertTrue(end.poweredOff(), end.message());
            // the image ends at 0x3000 + 48 + 0x1800 = 0x4830; start_info is on the next page
            assertEquals("pc=0x3020 start_info=0x5000 bytes=" + HexFormat.of().formatHex(kernel), seen.get());
        }
    }

    @Test
    void whatTheIsaRejectsEndsCreationWithItsReason() throws Exception {
        try (Hypervisor h = boot(new ToyRawIsa(new ScriptedIsa(64)))) {
            DomainCreateException e = assertThrows(DomainCreateException.class,
                    () -> h.create(config("plain text, no magic".getBytes(), "scripted")));
            assertEquals("cannot create domain 'toy': " + dir.resolve("toy.raw")
                    + ": not an ELF file, nor a loadable scripted raw image: no RAW! magic", e.getMessage());
            assertEquals(0, h.list().size(), "nothing is left behind");
        }
    }

    @Test
    void anEntryOutsideTheImageEndsCreation() throws Exception {
        try (Hypervisor h = boot(new ToyRawIsa(new ScriptedIsa(64)))) {
            DomainCreateException e = assertThrows(DomainCreateException.class,
                    () -> h.create(config(toy(0x3000, 0, 0x40, 32), "scripted")));
            assertEquals("cannot create domain 'toy': " + dir.resolve("toy.raw")
                    + ": the toy raw image's entry 0x3040 is outside its 0x3000-0x3020", e.getMessage());
        }
    }

    @Test
    void anIsaWithoutARawFormatReportsTheFileAsNotElf() throws Exception {
        ScriptedIsa plain = new ScriptedIsa(64);
        try (Hypervisor h = ScriptedDomains.boot(plain)) {
            DomainCreateException e = assertThrows(DomainCreateException.class,
                    () -> h.create(config(toy(0x3000, 0, 0, 32), "scripted")));
            assertEquals("cannot create domain 'toy': " + dir.resolve("toy.raw") + ": not an ELF file: bad magic (expected 7f 45 4c 46)",
                    e.getMessage());
        }
    }
}
