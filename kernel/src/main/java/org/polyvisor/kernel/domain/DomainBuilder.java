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
import org.polyvisor.kernel.elf.XenPvAddresses;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.polyvisor.kernel.config.LifecycleAction;
import org.polyvisor.kernel.grant.GrantTable;
import org.polyvisor.kernel.platform.DeviceBus;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.platform.AddressSpace;
import org.polyvisor.spi.platform.Platform;

/**
 * The one domain builder, in libxl's and libxc's steps: {@link #parse} reads the kernel image and picks and checks the
 * ISA (ELF, or the ISA's raw image format, {@link IsaProvider#rawImage}); {@link #build} then takes the privileged steps
 * through a {@link BuildSteps} (createdomain, max_mem, populate_physmap, the image and start_info through the foreign
 * view, vCPU 0's entry state; the other vCPUs stay down, as PV secondaries do until VCPUOP_up). The steps' own work
 * is here too ({@link #buildEmpty}, {@link #sizeEmpty}, {@link #placeSpecialPages}, {@link #boot}), and the guests'
 * domctls run the same code. On any failure the half-built domain is destroyed, everything it reserved given back.
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

    /** Reads a config's kernel file and parses it (see {@link #parse(DomainConfig, byte[])}). */
    public KernelImage read(DomainConfig config) throws DomainCreateException {
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
        return parse(config, kernel);
    }

    /**
     * libxc's xc_dom_parse_image: the kernel as ELF, or (a file that is not ELF) as the config's ISA's raw image
     * format, and the ISA that runs it (the config's, or the one for the ELF's machine).
     */
    public KernelImage parse(DomainConfig config, byte[] kernel) throws DomainCreateException {
        String source = config.kernel().toString();
        try {
            if (!RawImageLoader.isElf(kernel)) {
                // Not ELF: the domain's ISA may know the file as its raw kernel format (arm64's Image).
                if (config.isa() == null)
                    throw fail(config, source + ": not an ELF file (no 7f 45 4c 46 magic); a raw kernel image such as an "
                            + "arm64 Image needs isa = \"<id>\" in the config to say whose format it is");
                IsaProvider isa = isas.get(config.isa());
                Optional<RawImage> read;
                try {
                    read = isa.rawImage(kernel, isa.ramBase(config.type()));
                } catch (RuntimeException e) {
                    throw fail(config, "the " + isa.id() + " backend failed to read " + source + " as a raw image: " + e);
                }
                if (read.isEmpty()) {
                    ElfImage.parse(source, kernel);        // throws the precise "not an ELF file" error
                    throw fail(config, source + ": not an ELF file");
                }
                return switch (read.get()) {
                    case RawImage.Placed p -> new KernelImage(source, kernel, isa, null, p);
                    case RawImage.Invalid bad -> throw fail(config, source + ": not an ELF file, nor a loadable "
                            + isa.id() + " raw image: " + bad.reason());
                };
            }
            ElfImage elf = ElfImage.parse(source, kernel);
            IsaProvider isa;
            if (config.isa() != null) {
                isa = isas.get(config.isa());
            } else {
                isa = isas.forElf(elf.machine(), elf.elfClass());
                if (isa == null)
                    throw fail(config, config.kernel() + ": no loaded ISA runs this ELF's machine (" + elf.machine()
                            + "); loaded: " + isas.ids());
            }
            ElfLoader.checkFor(elf, isa);
            return new KernelImage(source, kernel, isa, elf, null);
        } catch (ElfException | UnknownIsaException e) {
            throw fail(config, e.getMessage());
        }
    }

    /**
     * The one-step build, for tests and benchmarks that run a domain outside a hypervisor: {@link #build} through
     * {@link #standalone} steps with domid {@code id}. The domain is in no domain table, paused and not introduced;
     * its vCPU 0 is ready to run. Close its memory when done.
     */
    public Domain build(int id, DomainConfig config, byte[] kernel) throws DomainCreateException {
        return build(config, parse(config, kernel), standalone(id));
    }

    /** The build steps on a domain of no table (no policy, no XenStore): each the code the table's step runs. */
    public BuildSteps standalone(int id) {
        DomainBuilder b = this;
        return new BuildSteps() {
            @Override public Domain createDomain(GuestType type, IsaProvider isa, int vcpus) { return b.buildEmpty(id, isa, vcpus, type); }
            @Override public void configure(Domain d, DomainConfig config) { d.adopt(config); }
            @Override public void maxMem(Domain d, long pages) {
                if (!b.sizeEmpty(d, pages)) throw new DomainOpException(d.describe() + " cannot have " + pages + " frames of RAM");
            }
            @Override public void populate(Domain d, long first, long count) { DomainBuilder.populate(d, first, count); }
            @Override public GuestMemory map(Domain d) { return d.memory(); }
            @Override public void placeSpecialPages(Domain d, long startInfo) { DomainBuilder.placeSpecialPages(d, startInfo); }
            @Override public void bootVcpu(Domain d, BootInfo info) { DomainBuilder.boot(d, info); }
            @Override public void destroy(Domain d) { d.memory().close(); }
        };
    }

    /**
     * Builds a domain as libxl's domain create and libxc's xc_dom_* do, one privileged step after another through
     * {@code steps}: createdomain (HVM or PV, of the image's ISA), the config recorded, max_mem, populate_physmap of
     * all its RAM, the image written through foreign mappings, start_info (PV: after the image and, for a kernel with
     * Xen's notes, the P2M list the ISA's boot lays out, where Xen's builder puts it; HVM: at the top of RAM below the grant frames, outside the memory the board reports, so that an
     * unmodified guest never uses it), then vCPU 0's first context (the boot protocol's, or the board's boot:
     * firmware tables, device tree, multiboot or PVH). The domain is left paused and not yet introduced; its first
     * unpause introduces it. On any failure the half-built domain is destroyed.
     */
    public Domain build(DomainConfig config, KernelImage image, BuildSteps steps) throws DomainCreateException {
        IsaProvider isa = image.isa();
        Domain d;
        try {
            d = steps.createDomain(config.type(), isa, config.vcpus());
        } catch (DomainOpException e) {
            throw fail(config, e.getMessage());
        }
        try {
            fill(d, config, image, steps);
            return d;
        } catch (DomainCreateException e) {
            steps.destroy(d);
            throw e;
        } catch (ElfException e) {
            steps.destroy(d);
            throw fail(config, e.getMessage());
        } catch (DomainOpException | OutOfMachineMemoryException e) {
            steps.destroy(d);
            throw fail(config, e.getMessage());
        } catch (RuntimeException e) {
            steps.destroy(d);
            throw fail(config, "the " + isa.id() + " backend failed to set up the domain: " + e);
        }
    }

    private void fill(Domain d, DomainConfig config, KernelImage image, BuildSteps steps) throws DomainCreateException, ElfException {
        IsaProvider isa = image.isa();
        long ramBase = isa.ramBase(config.type());
        long ramBytes = config.memoryMiB() << 20;
        steps.configure(d, config);
        steps.maxMem(d, ramBytes >>> GuestMemory.PAGE_SHIFT);
        steps.populate(d, ramBase >>> GuestMemory.PAGE_SHIFT, ramBytes >>> GuestMemory.PAGE_SHIFT);
        GuestMemory target = steps.map(d);
        // A PV kernel with Xen's notes is placed as Xen's builder places it: p_paddr less PADDR_OFFSET, entered at
        // its virtual entry (the ISA maps VIRT_BASE onto pseudo-physical 0).
        XenPvAddresses xen = config.type() == GuestType.PV && image.elf() != null && !image.elf().xenNotes().isEmpty()
                ? XenPvAddresses.of(image.elf()) : null;
        long[] extent = image.extent();
        long entry = image.entry();
        if (xen != null) {
            ElfLoader.loadAt(image.elf(), target, ramBase, ramBytes, xen.paddrOffset());
            extent = new long[] {xen.physical(extent[0]), xen.physical(extent[1])};
            entry = xen.virtEntry();
        } else if (image.elf() != null) ElfLoader.load(image.elf(), target, ramBase, ramBytes);
        else {
            String misfit = RawImageLoader.misfit(image.source(), image.raw(), ramBase, ramBytes);
            if (misfit != null) throw fail(config, misfit);
            RawImageLoader.load(image.raw(), target);
        }
        long grantFrames = ramBase + ramBytes - (long) GrantTable.RESERVED_FRAMES * GuestMemory.PAGE_SIZE;
        boolean hvm = config.type() == GuestType.HVM;
        // nr_pages leaves out the grant frames at the top of RAM: they are the hypervisor's, as in Xen.
        long nrPages = (ramBytes >>> GuestMemory.PAGE_SHIFT) - GrantTable.RESERVED_FRAMES;
        // Xen's order after a PV kernel: its P2M list (when the ISA's boot lays one out), then start_info.
        long p2m = xen != null ? isa.bootProtocol().p2mBytes(image.elf().xenNotes(), nrPages) : 0;
        long startInfo = hvm ? hvmStartInfo(ramBase, ramBytes) : ((extent[1] + GuestMemory.PAGE_MASK) & ~GuestMemory.PAGE_MASK) + p2m;
        long sharedInfo = startInfo + GuestMemory.PAGE_SIZE;
        long storeRing = sharedInfo + GuestMemory.PAGE_SIZE;
        long consoleRing = storeRing + GuestMemory.PAGE_SIZE;
        if (consoleRing + GuestMemory.PAGE_SIZE > grantFrames || (hvm && extent[1] > startInfo))
            throw fail(config, "no room for start_info, shared_info and the XenStore and console rings "
                    + (hvm ? "below the grant frames" : p2m != 0 ? "after the kernel image and its P2M list" : "after the kernel image") + " in " + config.memoryMiB() + " MiB");
        steps.placeSpecialPages(d, startInfo);
        String cmdline = ("domid=" + d.id() + " " + config.cmdline()).strip();
        StartInfoWriter.write(target, startInfo, isa, nrPages, sharedInfo, storeRing, d.id() == 0, cmdline);
        long usable = hvm && d.platform() != null ? startInfo - ramBase : ramBytes;
        steps.bootVcpu(d, new BootInfo(config.type(), entry, startInfo, ramBase, usable, 0,
                image.elf() != null ? image.elf().xenNotes() : null, image.bytes()));
    }

    /** XENMEM_populate_physmap of frames {@code first} on for domain {@code d} (the code memory_op runs per extent). */
    static void populate(Domain d, long first, long count) {
        for (long gfn = first; gfn < first + count; gfn++)
            if (!d.memory().repopulate(gfn))
                throw new DomainOpException("populate_physmap of frame 0x" + Long.toHexString(gfn) + " of " + d.describe() + " failed");
    }

    /** An HVM domain's start_info: the first of the special pages below the grant frames at the top of its RAM. */
    private static long hvmStartInfo(long ramBase, long ramBytes) {
        return ramBase + ramBytes - (long) (GrantTable.RESERVED_FRAMES + SPECIAL_PAGES) * GuestMemory.PAGE_SIZE;
    }

    /** The ISA running ELF files of this e_machine and EI_CLASS, or null when none is loaded. */
    public IsaProvider isaForElf(int machine, int elfClass) { return isas.forElf(machine, elfClass); }

    /**
     * XEN_DOMCTL_createdomain: an empty domain of {@code isa} and {@code type} with no RAM yet ({@link DomainMemory#empty});
     * the toolstack fills it step by step ({@link #build}, or a guest's own hypercalls; see DomainTable.createEmpty).
     * A PV domain's {@code vcpus} vCPUs are made now, none initialised; an HVM domain's wait for its board, which is
     * made with its RAM ({@link #sizeEmpty}). Until a toolstack records a config, its lifecycle actions are all
     * preserve: as in Xen, a domain the toolstack built stays until the toolstack destroys it.
     */
    public Domain buildEmpty(int id, IsaProvider isa, int vcpus, GuestType type) {
        DomainMemory memory = DomainMemory.empty(machine, id, isa.byteOrder(), isa.ramBase(type));
        DomainConfig config = new DomainConfig("domain-" + id, type, isa.id(),
                Path.of("(built through domctl)"), 0, vcpus, LifecycleAction.PRESERVE,
                LifecycleAction.PRESERVE, LifecycleAction.PRESERVE, "",
                List.of());
        Domain d = new Domain(id, config, isa, memory, log, 0);
        d.markBuiltByDomctl();
        d.planVcpus(vcpus);
        if (type == GuestType.HVM) return d;
        try {
            for (int i = 0; i < vcpus; i++)
                d.addVcpu(isa.createVcpu(new VcpuConfig(memory, i, type, d::virtualNanos)), false);
        } catch (RuntimeException e) {
            memory.close();
            throw new DomainOpException("the " + isa.id() + " backend failed to create the vCPUs of domain " + id + ": " + e);
        }
        return d;
    }

    /** The fewest frames a domain made by createdomain may have: its special pages, the grant frames and one more. */
    public static final int MIN_DOMCTL_PAGES = SPECIAL_PAGES + GrantTable.RESERVED_FRAMES + 1;

    /**
     * The first XEN_DOMCTL_max_mem of a domain made by createdomain gives it its RAM range, {@code pages} frames from
     * the ISA's RAM base. The hypervisor's pages go where an HVM domain's do: the grant frames and the v2 status frame at the top,
     * start_info, shared_info and the XenStore and console rings below them; these are populated now, every other frame waits for
     * XENMEM_populate_physmap. getdomaininfo's shared_info_frame tells the toolstack where they are (start_info is the
     * frame before); a toolstack may move them ({@link #placeSpecialPages}). An HVM domain's board is made now, with
     * the RAM below the special pages as the memory it reports, and then its vCPUs. False when {@code pages} is below
     * {@link #MIN_DOMCTL_PAGES}; {@link OutOfMachineMemoryException} when the host has not that many frames;
     * {@link DomainOpException} when the board refuses the configuration or the vCPUs cannot be made.
     */
    boolean sizeEmpty(Domain d, long pages) {
        if (pages < MIN_DOMCTL_PAGES || pages > Integer.MAX_VALUE) return false;
        if (!d.memory().size(pages)) throw new OutOfMachineMemoryException(pages << GuestMemory.PAGE_SHIFT, machine);
        DomainMemory m = d.memory();
        long startInfo = hvmStartInfo(m.ramBase(), m.ramBytes());
        long top = m.ramBase() + m.ramBytes();
        for (long a = startInfo; a < top; a += GuestMemory.PAGE_SIZE) m.repopulate(a >>> GuestMemory.PAGE_SHIFT);
        d.setSharedInfo(startInfo + GuestMemory.PAGE_SIZE);
        if (d.config().type() == GuestType.HVM && d.vcpus().isEmpty()) makeBoard(d, startInfo - m.ramBase());
        return true;
    }

    /** An HVM domain's board (when its ISA has one) and its vCPUs, which are wired to it. */
    private static void makeBoard(Domain d, long usableRam) {
        IsaProvider isa = d.isa();
        Platform platform;
        try {
            platform = isa.createPlatform(new DomainPlatformHost(d, usableRam)).orElse(null);
        } catch (IllegalArgumentException e) {
            // A board refusing a configuration it cannot model (IsaProvider.createPlatform): its message says why.
            throw new DomainOpException(e.getMessage());
        }
        if (platform != null) {
            var board = platform;
            d.setPlatform(board, new DeviceBus(board, (space, address, write) ->
                    d.logOnce(space + "-" + (address >>> 12), d.describe() + ": no device at " + (space == AddressSpace.PORT ? "I/O port 0x" : "MMIO 0x")
                            + Long.toHexString(address) + (write ? " (writes dropped)" : " (reads return all ones)"))));
            d.memory().routeUnassignedToDevices();
        }
        for (int i = 0; i < d.plannedVcpus(); i++)
            d.addVcpu(isa.createVcpu(new VcpuConfig(d.memory(), i, GuestType.HVM, d::virtualNanos, platform)), false);
    }

    /**
     * Moves start_info, shared_info and the XenStore and console rings of a domain not yet introduced to the four
     * frames from {@code startInfo} (a toolstack's choice: a PV kernel's builder puts them after the image). They
     * must be populated RAM below the grant frames. The toolstack then writes start_info itself, so the introduction
     * leaves it as written (and adds the rings' event channels).
     */
    static void placeSpecialPages(Domain d, long startInfo) {
        DomainMemory m = d.memory();
        long grantFrames = m.ramBase() + m.ramBytes() - (long) GrantTable.RESERVED_FRAMES * GuestMemory.PAGE_SIZE;
        if (d.introduced() || !m.sized() || (startInfo & GuestMemory.PAGE_MASK) != 0 || startInfo < m.ramBase()
                || startInfo + SPECIAL_PAGES * GuestMemory.PAGE_SIZE > grantFrames)
            throw new DomainOpException("start_info at 0x" + Long.toHexString(startInfo) + " is not 4 free frames of " + d.describe() + "'s RAM");
        for (int i = 0; i < SPECIAL_PAGES; i++)
            if (m.page((startInfo >>> GuestMemory.PAGE_SHIFT) + i) == null)
                throw new DomainOpException("frame 0x" + Long.toHexString((startInfo >>> GuestMemory.PAGE_SHIFT) + i) + " of " + d.describe() + " is not populated");
        d.setSharedInfo(startInfo + GuestMemory.PAGE_SIZE);
        d.markStartInfoByToolstack();
    }

    /**
     * vCPU 0's first context: the board's boot for an HVM domain (firmware tables, device tree, multiboot or PVH
     * hand-over), the ISA's boot protocol otherwise; the vCPU is then initialised and online, as libxc's
     * setvcpucontext with VGCF_online leaves it. The vCPU must not be running.
     */
    static void boot(Domain d, BootInfo info) {
        if (d.vcpus().isEmpty()) throw new DomainOpException(d.describe() + " has no vCPUs yet (XEN_DOMCTL_max_mem first)");
        VcpuHandle v = d.vcpus().get(0);
        try {
            if (d.platform() != null) d.platform().boot(v.vcpu(), info);
            else d.isa().bootProtocol().boot(v.vcpu(), info);
        } catch (IllegalArgumentException e) {
            // A board or boot protocol refusing what it was handed (an arm64 kernel reaching the device tree's
            // slot): its message says why, as a board's refusal at creation does.
            throw new DomainOpException(e.getMessage());
        }
        v.markInitialised();
        v.setUp(true);
    }

    /**
     * Writes start_info of a domain made by createdomain when it is introduced (its first unpause). nr_pages ends below
     * the special pages, which sit at the top of its RAM, so that a guest using every page it is told of leaves them be.
     */
    static void writeStartInfo(Domain d) {
        StartInfoWriter.write(d.memory(), d.startInfo(), d.isa(),
                d.memory().nrPages() - GrantTable.RESERVED_FRAMES - SPECIAL_PAGES,
                d.sharedInfo(), d.storeRing(), false, "domid=" + d.id());
    }

    private static DomainCreateException fail(DomainConfig config, String why) {
        return new DomainCreateException("cannot create domain '" + config.name() + "': " + why);
    }
}
