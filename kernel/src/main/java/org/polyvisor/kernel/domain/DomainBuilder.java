package org.polyvisor.kernel.domain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.console.HypervisorLog;
import org.polyvisor.kernel.elf.ElfException;
import org.polyvisor.kernel.elf.ElfImage;
import org.polyvisor.kernel.elf.ElfLoader;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.kernel.isa.UnknownIsaException;
import org.polyvisor.kernel.mem.DomainMemory;
import org.polyvisor.kernel.mem.MachineMemory;
import org.polyvisor.kernel.mem.OutOfMachineMemoryException;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.RawImage;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;

/**
 * Xen's domain builder: reads the kernel image, picks and checks the ISA, reserves memory, loads the ELF (or, for a file
 * that is not ELF, the domain's ISA's raw image format, {@link IsaProvider#rawImage}), writes
 * start_info, shared_info and the XenStore ring page after the image, creates the vCPUs and puts vCPU 0 in its entry state (the others stay down, as PV
 * secondaries do until VCPUOP_up). On any failure everything reserved is given back.
 */
public final class DomainBuilder {
    /** start_info, shared_info, the XenStore ring and the console ring. */
    private static final int SPECIAL_PAGES = 4;
    private final IsaCatalog isas;
    private final MachineMemory machine;
    private final HypervisorLog log;

    public DomainBuilder(IsaCatalog isas, MachineMemory machine, HypervisorLog log) {
        this.isas = isas;
        this.machine = machine;
        this.log = log;
    }

    /** Builds a domain from a config whose kernel is a file. */
    public Domain build(int id, DomainConfig config) throws DomainCreateException {
        byte[] kernel;
        try {
            kernel = Files.readAllBytes(config.kernel());
        } catch (NoSuchFileException e) {
            throw fail(config, "kernel " + config.kernel() + ": no such file");
        } catch (AccessDeniedException e) {
            throw fail(config, "kernel " + config.kernel() + ": permission denied");
        } catch (IOException | RuntimeException e) {
            throw fail(config, "kernel " + config.kernel() + ": cannot be read (" + e.getMessage() + ")");
        }
        return build(id, config, kernel);
    }

    /** Builds a domain from kernel bytes already in hand (dom0 from the images jar, tests). */
    public Domain build(int id, DomainConfig config, byte[] kernel) throws DomainCreateException {
        ElfImage elf = null;
        RawImage.Placed raw = null;
        IsaProvider isa;
        String source = config.kernel().toString();
        try {
            if (!RawImageLoader.isElf(kernel)) {
                // Not ELF: the domain's ISA may know the file as its raw kernel format (arm64's Image).
                if (config.isa() == null)
                    throw fail(config, source + ": not an ELF file (no 7f 45 4c 46 magic); a raw kernel image such as an "
                            + "arm64 Image needs isa = \"<id>\" in the config to say whose format it is");
                isa = isas.get(config.isa());
                java.util.Optional<RawImage> read;
                try {
                    read = isa.rawImage(kernel, isa.ramBase(config.type()));
                } catch (RuntimeException e) {
                    throw fail(config, "the " + isa.id() + " backend failed to read " + source + " as a raw image: " + e);
                }
                if (read.isEmpty()) {
                    ElfImage.parse(source, kernel);        // throws the precise "not an ELF file" error
                    throw fail(config, source + ": not an ELF file");
                }
                switch (read.get()) {
                    case RawImage.Placed p -> raw = p;
                    case RawImage.Invalid bad -> throw fail(config, source + ": not an ELF file, nor a loadable "
                            + isa.id() + " raw image: " + bad.reason());
                }
            } else {
                elf = ElfImage.parse(source, kernel);
                if (config.isa() != null) {
                    isa = isas.get(config.isa());
                } else {
                    isa = isas.forElf(elf.machine(), elf.elfClass());
                    if (isa == null)
                        throw fail(config, config.kernel() + ": no loaded ISA runs this ELF's machine (" + elf.machine()
                                + "); loaded: " + isas.ids());
                }
                ElfLoader.checkFor(elf, isa);
            }
        } catch (ElfException | UnknownIsaException e) {
            throw fail(config, e.getMessage());
        }
        long ramBase = isa.ramBase(config.type());
        long ramBytes = config.memoryMiB() << 20;
        DomainMemory memory;
        try {
            memory = new DomainMemory(machine, id, isa.byteOrder(), ramBase, ramBytes);
        } catch (OutOfMachineMemoryException e) {
            throw fail(config, e.getMessage());
        }
        try {
            if (elf != null) ElfLoader.load(elf, memory, ramBase, ramBytes);
            else {
                String misfit = RawImageLoader.misfit(source, raw, ramBase, ramBytes);
                if (misfit != null) throw fail(config, misfit);
                RawImageLoader.load(raw, memory);
            }
            long[] extent = elf != null ? elf.physicalExtent() : new long[] {raw.loadAddress(), raw.end()};
            long entry = elf != null ? elf.entry() : raw.entry();
            // The grant frames and the v2 status frame below them, at the top of RAM.
            long grantFrames = ramBase + ramBytes - (long) org.polyvisor.kernel.grant.GrantTable.RESERVED_FRAMES * GuestMemory.PAGE_SIZE;
            boolean hvm = config.type() == org.polyvisor.spi.GuestType.HVM;
            // PV: Xen's pages follow the image, where start_info tells the guest to find them. HVM: they sit at the top
            // of RAM below the grant frames, outside the memory the board reports, so an unmodified guest never uses them.
            long startInfo = hvm ? grantFrames - SPECIAL_PAGES * GuestMemory.PAGE_SIZE
                    : (extent[1] + GuestMemory.PAGE_MASK) & ~GuestMemory.PAGE_MASK;
            long sharedInfo = startInfo + GuestMemory.PAGE_SIZE;
            long storeRing = sharedInfo + GuestMemory.PAGE_SIZE;
            long consoleRing = storeRing + GuestMemory.PAGE_SIZE;
            if (consoleRing + GuestMemory.PAGE_SIZE > grantFrames || (hvm && extent[1] > startInfo))
                throw fail(config, "no room for start_info, shared_info and the XenStore and console rings "
                        + (hvm ? "below the grant frames" : "after the kernel image") + " in " + config.memoryMiB() + " MiB");
            String cmdline = ("domid=" + id + " " + config.cmdline()).strip();
            // nr_pages leaves out the grant frames at the top of RAM: they are the hypervisor's, as in Xen.
            StartInfoWriter.write(memory, startInfo, isa, memory.nrPages() - org.polyvisor.kernel.grant.GrantTable.RESERVED_FRAMES,
                    sharedInfo, storeRing, id == 0, cmdline);
            Domain d = new Domain(id, config, isa, memory, log, sharedInfo);
            org.polyvisor.spi.platform.Platform platform = null;
            long usableRam = startInfo - ramBase;
            if (hvm) {
                platform = isa.createPlatform(new DomainPlatformHost(d, usableRam)).orElse(null);
                if (platform != null) {
                    var board = platform;
                    d.setPlatform(board, new org.polyvisor.kernel.platform.DeviceBus(board, (space, address, write) ->
                            d.logOnce(space + "-" + (address >>> 12), d.describe() + ": no device at " + (space == org.polyvisor.spi.platform.AddressSpace.PORT ? "I/O port 0x" : "MMIO 0x")
                                    + Long.toHexString(address) + (write ? " (writes dropped)" : " (reads return all ones)"))));
                    memory.routeUnassignedToDevices();
                }
            }
            for (int i = 0; i < config.vcpus(); i++) {
                int vcpuId = i;
                Vcpu v = isa.createVcpu(new VcpuConfig(memory, i, config.type(), d::virtualNanos, platform));
                if (vcpuId == 0) {
                    BootInfo info = new BootInfo(config.type(), entry, startInfo, ramBase, platform != null ? usableRam : ramBytes, 0,
                            elf != null ? elf.xenNotes() : null, kernel);
                    if (platform != null) platform.boot(v, info);
                    else isa.bootProtocol().boot(v, info);
                }
                d.addVcpu(v, vcpuId == 0);
            }
            return d;
        } catch (ElfException e) {
            memory.close();
            throw fail(config, e.getMessage());
        } catch (DomainCreateException e) {
            memory.close();
            throw e;
        } catch (IllegalArgumentException e) {
            // A board refusing a configuration it cannot model (IsaProvider.createPlatform): its message says why.
            memory.close();
            throw fail(config, e.getMessage());
        } catch (RuntimeException e) {
            memory.close();
            throw fail(config, "the " + isa.id() + " backend failed to set up the domain: " + e);
        }
    }

    /** The ISA running ELF files of this e_machine and EI_CLASS, or null when none is loaded. */
    public IsaProvider isaForElf(int machine, int elfClass) { return isas.forElf(machine, elfClass); }

    /**
     * XEN_DOMCTL_createdomain: an empty PV domain of {@code isa} with {@code vcpus} vCPUs, none initialised, and no
     * RAM yet ({@link DomainMemory#empty}); the toolstack fills it through hypercalls (see DomainTable.createEmpty).
     * Its lifecycle actions are all preserve: as in Xen, a domain the toolstack built stays until the toolstack
     * destroys it.
     */
    public Domain buildEmpty(int id, IsaProvider isa, int vcpus) {
        DomainMemory memory = DomainMemory.empty(machine, id, isa.byteOrder(), isa.ramBase(org.polyvisor.spi.GuestType.PV));
        DomainConfig config = new DomainConfig("domain-" + id, org.polyvisor.spi.GuestType.PV, isa.id(),
                java.nio.file.Path.of("(built through domctl)"), 0, vcpus, org.polyvisor.kernel.config.LifecycleAction.PRESERVE,
                org.polyvisor.kernel.config.LifecycleAction.PRESERVE, org.polyvisor.kernel.config.LifecycleAction.PRESERVE, "",
                java.util.List.of());
        Domain d = new Domain(id, config, isa, memory, log, 0);
        d.markBuiltByDomctl();
        try {
            for (int i = 0; i < vcpus; i++)
                d.addVcpu(isa.createVcpu(new VcpuConfig(memory, i, org.polyvisor.spi.GuestType.PV, d::virtualNanos)), false);
        } catch (RuntimeException e) {
            memory.close();
            throw new DomainOpException("the " + isa.id() + " backend failed to create the vCPUs of domain " + id + ": " + e);
        }
        return d;
    }

    /** The fewest frames a domain made by createdomain may have: its special pages, the grant frames and one more. */
    public static final int MIN_DOMCTL_PAGES = SPECIAL_PAGES + org.polyvisor.kernel.grant.GrantTable.RESERVED_FRAMES + 1;

    /**
     * The first XEN_DOMCTL_max_mem of a domain made by createdomain gives it its RAM range, {@code pages} frames from
     * the ISA's RAM base. The hypervisor's pages go where an HVM domain's do: the grant frames and the v2 status frame at the top,
     * start_info, shared_info and the XenStore and console rings below them; these are populated now, every other frame waits for
     * XENMEM_populate_physmap. getdomaininfo's shared_info_frame tells the toolstack where they are (start_info is the
     * frame before). False when {@code pages} is below {@link #MIN_DOMCTL_PAGES} or the host has not that many.
     */
    boolean sizeEmpty(Domain d, long pages) {
        if (pages < MIN_DOMCTL_PAGES || !d.memory().size(pages)) return false;
        DomainMemory m = d.memory();
        long top = m.ramBase() + m.ramBytes();
        long startInfo = top - (long) (org.polyvisor.kernel.grant.GrantTable.RESERVED_FRAMES + SPECIAL_PAGES) * GuestMemory.PAGE_SIZE;
        for (long a = startInfo; a < top; a += GuestMemory.PAGE_SIZE) m.repopulate(a >>> GuestMemory.PAGE_SHIFT);
        d.setSharedInfo(startInfo + GuestMemory.PAGE_SIZE);
        return true;
    }

    /**
     * Writes start_info of a domain made by createdomain when it is introduced (its first unpause). nr_pages ends below
     * the special pages, which sit at the top of its RAM, so that a guest using every page it is told of leaves them be.
     */
    static void writeStartInfo(Domain d) {
        StartInfoWriter.write(d.memory(), d.startInfo(), d.isa(),
                d.memory().nrPages() - org.polyvisor.kernel.grant.GrantTable.RESERVED_FRAMES - SPECIAL_PAGES,
                d.sharedInfo(), d.storeRing(), false, "domid=" + d.id());
    }

    private static DomainCreateException fail(DomainConfig config, String why) {
        return new DomainCreateException("cannot create domain '" + config.name() + "': " + why);
    }
}
