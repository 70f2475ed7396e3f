package org.polyvisor.kernel;

import static org.polyvisor.kernel.HypercallTable.BUF;
import static org.polyvisor.kernel.HypercallTable.BUF2;
import static org.polyvisor.kernel.HypercallTable.OP;
import static org.polyvisor.kernel.HypercallTable.args;
import static org.polyvisor.kernel.HypercallTable.row;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.kernel.control.ControlPlane;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.hypercall.Domctl;
import org.polyvisor.kernel.hypercall.MemoryOp;

/**
 * A privileged guest builds a domain through hypercalls alone, as xl's libxc does: XEN_DOMCTL_createdomain, max_mem,
 * max_vcpus, XENMEM_populate_physmap for the new domid, the image loaded through foreign mappings
 * (XENMEM_add_to_physmap_batch with XENMAPSPACE_gmfn_foreign, then XENMEM_remove_from_physmap), getdomaininfo for
 * where its start_info is, XEN_DOMCTL_setvcpucontext with the ISA's vcpu_guest_context, and unpause. The new domain
 * then runs, finds its start_info, and prints what dom0 loaded into its memory. Every step's bad arguments are
 * answered as Xen answers them. Domain 0 is the scripted dom0; 1 ("target") and 2 ("tool", a domU) exist already; the
 * built domain is 3.
 */
class DomctlBuildTest {
    @TempDir Path dir;
    private static final int MEMORY_OP = 12, CONSOLE_IO = 18, GRANT_TABLE_OP = 20, DOMCTL = 36;
    private static final int GNTTABOP_SETUP_TABLE = 2, GNTTABOP_SET_VERSION = 8, EVENT_CHANNEL_OP = 32, EVTCHNOP_ALLOC_UNBOUND = 6;
    private static final int NEW = 3, DOMID_SELF = 0x7FF0;
    private static final long WILD = 0x7FFF_F000L, SCRATCH_GPFN = 0x80, IMAGE_GFN = 0x20, POPULATED = 64;
    private static final String LOADED = "loaded by dom0\n";
    private final AtomicReference<Hypervisor> hv = new AtomicReference<>();
    private final AtomicLong sharedInfoFrame = new AtomicLong();

    private interface Body { void write(ScriptedIsa.ScriptedVcpu v, long u); }

    private static Consumer<ScriptedIsa.ScriptedVcpu> domctl(int cmd, int dom, Body body) {
        return v -> {
            v.memory.writeBytes(OP, new byte[144], 0, 144);
            v.memory.write(OP, 4, cmd);
            v.memory.write(OP + 4, 4, Domctl.INTERFACE_VERSION);
            v.memory.write(OP + 8, 2, dom);
            body.write(v, OP + 16);
        };
    }

    /** xen_domctl_createdomain with these flags, vCPUs and grant_opts; max_grant_frames and max_maptrack_frames -1. */
    private static Body create(long flags, int vcpus, int grantOpts) { return create(flags, vcpus, grantOpts, -1); }

    private static Body create(long flags, int vcpus, int grantOpts, int grantFrames) {
        return (v, u) -> {
            v.memory.write(u, 4, 7);                                      // ssidref
            for (int i = 0; i < 16; i++) v.memory.write(u + Domctl.CD_HANDLE + i, 1, 0xA0 + i);
            v.memory.write(u + Domctl.CD_FLAGS, 4, flags);
            v.memory.write(u + Domctl.CD_MAX_VCPUS, 4, vcpus);
            v.memory.write(u + Domctl.CD_MAX_EVTCHN_PORT, 4, 1023);
            v.memory.write(u + Domctl.CD_MAX_GRANT_FRAMES, 4, grantFrames);
            v.memory.write(u + Domctl.CD_MAX_MAPTRACK_FRAMES, 4, -1);
            v.memory.write(u + Domctl.CD_GRANT_OPTS, 4, grantOpts);
        };
    }

    private static int word(ScriptedIsa.ScriptedVcpu v) { return v.wordBytes(); }

    /** xen_memory_reservation for domain {@code dom}: {@code n} frames from {@code first}, listed at BUF2. */
    private static Consumer<ScriptedIsa.ScriptedVcpu> populate(int dom, long first, int n) {
        return v -> {
            int w = word(v);
            for (int i = 0; i < n; i++) v.memory.write(BUF2 + (long) i * w, w, first + i);
            v.memory.writeBytes(OP, new byte[64], 0, 64);
            v.memory.write(OP, w, BUF2);
            v.memory.write(OP + w, w, n);
            v.memory.write(OP + 2L * w + 8, 2, dom);
        };
    }

    /** xen_add_to_physmap_batch into the caller's own physmap: frames idx[i] of {@code from} at gpfn[i]. */
    private static Consumer<ScriptedIsa.ScriptedVcpu> mapForeign(int from, long errs, long[] idx, long[] gpfn) {
        return v -> {
            int w = word(v);
            v.memory.writeBytes(OP, new byte[64], 0, 64);
            v.memory.write(OP, 2, DOMID_SELF);
            v.memory.write(OP + 2, 2, MemoryOp.XENMAPSPACE_GMFN_FOREIGN);
            v.memory.write(OP + 4, 2, idx.length);
            v.memory.write(OP + 6, 2, from);
            v.memory.write(OP + 8, w, BUF);
            v.memory.write(OP + 8 + w, w, BUF + 0x100);
            v.memory.write(OP + 8 + 2L * w, w, errs);
            for (int i = 0; i < idx.length; i++) {
                v.memory.write(BUF + (long) i * w, w, idx[i]);
                v.memory.write(BUF + 0x100 + (long) i * w, w, gpfn[i]);
                v.memory.write(BUF + 0x200 + 4L * i, 4, 0x5555);
            }
        };
    }

    private static String errs(ScriptedIsa.ScriptedVcpu v, int n) {
        StringBuilder b = new StringBuilder("errs=");
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append((int) v.memory.read(BUF + 0x200 + 4L * i, 4));
        return b.toString();
    }

    /** The scripted vcpu_guest_context (r0..r7 then pc, guest words) at BUF: r7 the start_info pointer, pc the entry. */
    private Body context(int vcpu, long pc) {
        return (v, u) -> {
            int w = word(v);
            v.memory.writeBytes(BUF, new byte[9 * 8], 0, 9 * 8);
            v.memory.write(BUF + 7L * w, w, (sharedInfoFrame.get() - 1) << 12);
            v.memory.write(BUF + 8L * w, w, pc);
            v.memory.write(u, 4, vcpu);
            v.memory.write(u + 8, 8, BUF);
        };
    }

    private static Body at(long handle, int vcpu) {
        return (v, u) -> {
            v.memory.write(u, 4, vcpu);
            v.memory.write(u + 8, 8, handle);
        };
    }

    private static final Body NONE = (v, u) -> { };

    /** evtchn_alloc_unbound { dom = DOMID_SELF, remote_dom = 0, port }. */
    private static Consumer<ScriptedIsa.ScriptedVcpu> allocUnbound() {
        return v -> {
            v.memory.writeBytes(OP, new byte[8], 0, 8);
            v.memory.write(OP, 2, DOMID_SELF);
        };
    }

    /** gnttab_setup_table for the caller: {@code n} frames, the list at BUF2. */
    private static Consumer<ScriptedIsa.ScriptedVcpu> setupTable(int n) {
        return v -> {
            v.memory.writeBytes(OP, new byte[32], 0, 32);
            v.memory.write(OP, 2, DOMID_SELF);
            v.memory.write(OP + 4, 4, n);
            v.memory.write(OP + (v.wordBytes() == 8 ? 16 : 12), v.wordBytes(), BUF2);
        };
    }

    private Domain built() { return hv.get().find(String.valueOf(NEW)).orElse(null); }

    private String text(Domain d, long at, int n) {
        byte[] b = new byte[n];
        d.memory().readBytes(at, b, 0, n);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{0}-bit, big-endian {1}")
    @CsvSource({"64, false", "32, true"})
    void aPrivilegedGuestBuildsAndStartsADomainThroughHypercalls(int bits, boolean big) throws Exception {
        long unknownIsa = ControlPlane.CDF_POLYVISOR_ISA;
        List<HypercallTable.Case> cases = List.of(
            row("createdomain by a domU", 2, domctl(Domctl.CREATEDOMAIN, 0, create(0, 1, 1)), DOMCTL, args(OP), "-1"),
            row("createdomain with no vCPUs", 0, domctl(Domctl.CREATEDOMAIN, 0, create(0, 0, 1)), DOMCTL, args(OP), "-22"),
            row("createdomain with 65 vCPUs", 0, domctl(Domctl.CREATEDOMAIN, 0, create(0, 65, 1)), DOMCTL, args(OP), "-22"),
            row("createdomain of an HVM domain with HAP, domid 9", 0, domctl(Domctl.CREATEDOMAIN, 9,
                    create(ControlPlane.CDF_HVM | ControlPlane.CDF_HAP, 2, 1)), DOMCTL, args(OP), "0 domid=9 hvm vcpus=0",
                    v -> "domid=" + v.memory.read(OP + 8, 2) + " " + hv.get().find("9").orElseThrow().config().type().xlName()
                            + " vcpus=" + hv.get().find("9").orElseThrow().vcpus().size()),
            row("max_mem of the HVM domain makes its 2 vCPUs", 0, domctl(Domctl.MAX_MEM, 9, (v, u) -> v.memory.write(u, 8, 1024)), DOMCTL,
                    args(OP), "0 frames=256 vcpus=2", v -> "frames=" + hv.get().find("9").orElseThrow().memory().nrPages()
                            + " vcpus=" + hv.get().find("9").orElseThrow().vcpus().size()),
            row("getdomaininfo of the HVM domain", 0, domctl(Domctl.GETDOMAININFO, 9, NONE), DOMCTL, args(OP), "0 flags=hvm,paused",
                    v -> "flags=" + ((v.memory.read(OP + 16 + 4, 4) & ControlPlane.DOMINF_HVM) != 0 ? "hvm" : "pv")
                            + ((v.memory.read(OP + 16 + 4, 4) & ControlPlane.DOMINF_PAUSED) != 0 ? ",paused" : "")),
            row("destroydomain of the HVM domain", 0, domctl(Domctl.DESTROY, 9, NONE), DOMCTL, args(OP), "0 gone=true",
                    v -> "gone=" + hv.get().find("9").isEmpty()),
            row("createdomain with HAP for PV", 0, domctl(Domctl.CREATEDOMAIN, 0, create(ControlPlane.CDF_HAP, 1, 1)), DOMCTL, args(OP), "-22"),
            row("createdomain with an unknown flag", 0, domctl(Domctl.CREATEDOMAIN, 0, create(1 << 9, 1, 1)), DOMCTL, args(OP), "-22"),
            row("createdomain with grant version 0", 0, domctl(Domctl.CREATEDOMAIN, 0, create(0, 1, 0)), DOMCTL, args(OP), "-22"),
            row("createdomain with grant version 3", 0, domctl(Domctl.CREATEDOMAIN, 0, create(0, 1, 3)), DOMCTL, args(OP), "-22"),
            row("createdomain with 5 grant frames", 0, domctl(Domctl.CREATEDOMAIN, 0, create(0, 1, 1, 5)), DOMCTL, args(OP), "-22"),
            row("createdomain with 0 grant frames", 0, domctl(Domctl.CREATEDOMAIN, 0, create(0, 1, 1, 0)), DOMCTL, args(OP), "-22"),
            row("createdomain of domid 1, in use", 0, domctl(Domctl.CREATEDOMAIN, 1, create(0, 1, 1)), DOMCTL, args(OP), "-17"),
            row("createdomain of an ISA not loaded (EM_X86_64)", 0, domctl(Domctl.CREATEDOMAIN, 0, (v, u) -> {
                    create(unknownIsa, 1, 1).write(v, u);
                    v.memory.write(u + Domctl.CD_ELF_MACHINE, 2, 62);
                    v.memory.write(u + Domctl.CD_ELF_CLASS, 1, 2);
                }), DOMCTL, args(OP), "-22"),
            row("createdomain, the ISA named by ELF machine", 0, domctl(Domctl.CREATEDOMAIN, 0, (v, u) -> {
                    create(unknownIsa, 2, 1, 2).write(v, u);
                    v.memory.write(u + Domctl.CD_MAX_EVTCHN_PORT, 4, 3);        // the store's 1, the console's 2 and one more
                    v.memory.write(u + Domctl.CD_ELF_MACHINE, 2, ScriptedIsa.MACHINE);
                    v.memory.write(u + Domctl.CD_ELF_CLASS, 1, bits == 64 ? 2 : 1);
                }), DOMCTL, args(OP), "0 domid=3 paused frames=0 vcpus=2 isa=scripted",
                    v -> "domid=" + v.memory.read(OP + 8, 2) + " " + built().info().stateFlags().replace("-", "").replace("p", "paused")
                            + " frames=" + built().memory().currentReservation() + " vcpus=" + built().vcpus().size() + " isa=" + built().isa().id()),
            row("getdomaininfo of the empty domain", 0, domctl(Domctl.GETDOMAININFO, NEW, NONE), DOMCTL, args(OP), "0 tot=0 max=0 paused=8 ssidref=7 handle=a0..af",
                    v -> "tot=" + v.memory.read(OP + 16 + 8, 8) + " max=" + v.memory.read(OP + 16 + 16, 8) + " paused=" + (v.memory.read(OP + 16 + 4, 4) & 8)
                            + " ssidref=" + v.memory.read(OP + 16 + 72, 4) + " handle=" + Long.toHexString(v.memory.read(OP + 16 + 76, 1)) + ".."
                            + Long.toHexString(v.memory.read(OP + 16 + 91, 1))),
            row("populate_physmap before max_mem", 0, populate(NEW, 0, 4), MEMORY_OP, args(MemoryOp.POPULATE, OP), "0"),
            row("unpause before max_mem", 0, domctl(Domctl.UNPAUSE, NEW, NONE), DOMCTL, args(OP), "-22"),
            row("max_mem below the hypervisor's pages", 0, domctl(Domctl.MAX_MEM, NEW, (v, u) -> v.memory.write(u, 8, 16)), DOMCTL, args(OP), "-22"),
            row("max_mem 4 MiB gives it its RAM", 0, domctl(Domctl.MAX_MEM, NEW, (v, u) -> v.memory.write(u, 8, 4096)), DOMCTL, args(OP),
                    "0 frames=1024 hypervisor's=9", v -> "frames=" + built().memory().nrPages() + " hypervisor's=" + built().memory().currentReservation()),
            row("max_vcpus 2", 0, domctl(Domctl.MAX_VCPUS, NEW, (v, u) -> v.memory.write(u, 4, 2)), DOMCTL, args(OP), "0"),
            row("populate_physmap by a domU", 2, populate(NEW, 0, 4), MEMORY_OP, args(MemoryOp.POPULATE, OP), "-1"),
            row("populate_physmap 64 frames", 0, populate(NEW, 0, (int) POPULATED), MEMORY_OP, args(MemoryOp.POPULATE, OP), "64 reservation=73",
                    v -> "reservation=" + built().memory().currentReservation()),
            row("add_to_physmap_batch by a domU", 2, mapForeign(NEW, BUF + 0x200, new long[] {IMAGE_GFN}, new long[] {SCRATCH_GPFN}), MEMORY_OP,
                    args(MemoryOp.ADD_TO_PHYSMAP_BATCH, OP), "-1"),
            row("add_to_physmap_batch of foreign frames", 0, mapForeign(NEW, BUF + 0x200, new long[] {IMAGE_GFN, IMAGE_GFN + 1, 0x300},
                    new long[] {SCRATCH_GPFN, SCRATCH_GPFN + 1, SCRATCH_GPFN + 2}), MEMORY_OP, args(MemoryOp.ADD_TO_PHYSMAP_BATCH, OP), "0 errs=0,0,-22",
                    v -> errs(v, 3)),
            row("add_to_physmap_batch onto a gpfn showing a foreign frame", 0, mapForeign(NEW, BUF + 0x200, new long[] {IMAGE_GFN + 2},
                    new long[] {SCRATCH_GPFN}), MEMORY_OP, args(MemoryOp.ADD_TO_PHYSMAP_BATCH, OP), "0 errs=-16", v -> errs(v, 1)),
            row("add_to_physmap_batch into a wild errs array", 0, mapForeign(NEW, WILD, new long[] {IMAGE_GFN + 3}, new long[] {SCRATCH_GPFN + 3}),
                    MEMORY_OP, args(MemoryOp.ADD_TO_PHYSMAP_BATCH, OP), "-14"),
            row("remove_from_physmap after loading the image through the mapping", 0, v -> {
                    v.memory.writeBytes(SCRATCH_GPFN << 12, LOADED.getBytes(StandardCharsets.US_ASCII), 0, LOADED.length());
                    int w = word(v);
                    v.memory.write(OP, 2, DOMID_SELF);
                    v.memory.write(OP + w, w, SCRATCH_GPFN);
                }, MEMORY_OP, args(MemoryOp.REMOVE_FROM_PHYSMAP, OP), "0 theirs=loaded by dom0 mine=0",
                    v -> "theirs=" + text(built(), IMAGE_GFN << 12, LOADED.length() - 1) + " mine=" + v.memory.read(SCRATCH_GPFN << 12, 4)),
            row("remove_from_physmap of a frame mapping nothing", 0, v -> {
                    int w = word(v);
                    v.memory.write(OP, 2, DOMID_SELF);
                    v.memory.write(OP + w, w, SCRATCH_GPFN);
                }, MEMORY_OP, args(MemoryOp.REMOVE_FROM_PHYSMAP, OP), "-22"),
            row("remove_from_physmap of the second mapping", 0, v -> {
                    int w = word(v);
                    v.memory.write(OP, 2, DOMID_SELF);
                    v.memory.write(OP + w, w, SCRATCH_GPFN + 1);
                }, MEMORY_OP, args(MemoryOp.REMOVE_FROM_PHYSMAP, OP), "0 mine=0",
                    v -> "mine=" + v.memory.read((SCRATCH_GPFN + 1) << 12, 4)),
            row("getdomaininfo: where its shared_info is", 0, domctl(Domctl.GETDOMAININFO, NEW, NONE), DOMCTL, args(OP), "0 tot=73 below-grant-frames=true",
                    v -> {
                        sharedInfoFrame.set(v.memory.read(OP + 16 + 48, 8));
                        return "tot=" + v.memory.read(OP + 16 + 8, 8) + " below-grant-frames=" + (sharedInfoFrame.get() == 1024 - 5 - 3);
                    }),
            row("setvcpucontext of the caller's own domain", 0, domctl(Domctl.SETVCPUCONTEXT, 0, context(0, 0x10000)), DOMCTL, args(OP), "-22"),
            row("setvcpucontext of vCPU 2 of 2", 0, domctl(Domctl.SETVCPUCONTEXT, NEW, context(2, 0x10000)), DOMCTL, args(OP), "-22"),
            row("setvcpucontext the ISA refuses (pc 0)", 0, domctl(Domctl.SETVCPUCONTEXT, NEW, context(0, 0)), DOMCTL, args(OP), "-22"),
            row("setvcpucontext from a wild pointer", 0, domctl(Domctl.SETVCPUCONTEXT, NEW, at(WILD, 0)), DOMCTL, args(OP), "-14"),
            row("setvcpucontext by a domU", 2, domctl(Domctl.SETVCPUCONTEXT, NEW, at(BUF, 0)), DOMCTL, args(OP), "-1"),
            row("setvcpucontext of vCPU 0", 0, domctl(Domctl.SETVCPUCONTEXT, NEW, context(0, 0x10000)), DOMCTL, args(OP), "0 up=true",
                    v -> "up=" + built().vcpus().get(0).up()),
            row("getvcpucontext of the paused vCPU 0", 0, domctl(Domctl.GETVCPUCONTEXT, NEW, at(BUF2, 0)), DOMCTL, args(OP), "0 pc=10000",
                    v -> "pc=" + Long.toHexString(v.memory.read(BUF2 + 8L * word(v), word(v)))),
            row("unpause starts it", 0, domctl(Domctl.UNPAUSE, NEW, NONE), DOMCTL, args(OP), "0"),
            row("the new domain prints what dom0 loaded", NEW, v -> { }, CONSOLE_IO, args(0, LOADED.length(), IMAGE_GFN << 12),
                    "0 console=loaded by dom0", v -> "console=" + built().console().toString().strip()),
            row("the new domain's reservation, and nr_pages below its special pages", NEW, v -> v.memory.write(OP, 2, DOMID_SELF), MEMORY_OP,
                    args(MemoryOp.CURRENT, OP), "73 nr_pages=1015", v -> "nr_pages=" + v.memory.read(v.regs[7] + 32, v.wordBytes())),
            row("alloc_unbound takes port 3, its max_evtchn_port", NEW, allocUnbound(), EVENT_CHANNEL_OP, args(EVTCHNOP_ALLOC_UNBOUND, OP),
                    "0 port=3", v -> "port=" + v.memory.read(OP + 4, 4)),
            row("alloc_unbound beyond max_evtchn_port", NEW, allocUnbound(), EVENT_CHANNEL_OP, args(EVTCHNOP_ALLOC_UNBOUND, OP), "-28"),
            row("grant version 2 beyond its grant_opts", NEW, v -> v.memory.write(OP, 4, 2), GRANT_TABLE_OP, args(GNTTABOP_SET_VERSION, OP, 1), "-22"),
            row("setup_table of 3 frames beyond its max_grant_frames", NEW, setupTable(3), GRANT_TABLE_OP, args(GNTTABOP_SETUP_TABLE, OP, 1),
                    "0 status=-1", v -> "status=" + (short) v.memory.read(OP + 8, 2)),
            row("setup_table of its 2 frames", NEW, setupTable(2), GRANT_TABLE_OP, args(GNTTABOP_SETUP_TABLE, OP, 1), "0 status=0",
                    v -> "status=" + (short) v.memory.read(OP + 8, 2)),
            row("a frame left mapped", 0, mapForeign(NEW, BUF + 0x200, new long[] {IMAGE_GFN + 4}, new long[] {SCRATCH_GPFN + 4}), MEMORY_OP,
                    args(MemoryOp.ADD_TO_PHYSMAP_BATCH, OP), "0 errs=0 theirs=171", v -> {
                        v.memory.write((SCRATCH_GPFN + 4) << 12, 1, 0xAB);
                        return errs(v, 1) + " theirs=" + built().memory().read((IMAGE_GFN + 4) << 12, 1);
                    }),
            row("decrease_reservation of the frame dom0 maps: kept", 0, populate(NEW, IMAGE_GFN + 4, 1), MEMORY_OP,
                    args(MemoryOp.DECREASE, OP), "0"),
            row("decrease_reservation of a frame nobody maps", 0, populate(NEW, IMAGE_GFN + 5, 1), MEMORY_OP, args(MemoryOp.DECREASE, OP), "1"),
            row("destroydomain", 0, domctl(Domctl.DESTROY, NEW, NONE), DOMCTL, args(OP), "0 gone=true", v -> "gone=" + (built() == null)),
            row("createdomain of domid 9, asked for", 0, domctl(Domctl.CREATEDOMAIN, 9, create(0, 1, 1)), DOMCTL, args(OP), "0 domid=9",
                    v -> "domid=" + v.memory.read(OP + 8, 2)),
            row("destroydomain of a domain never given memory", 0, domctl(Domctl.DESTROY, 9, NONE), DOMCTL, args(OP), "0 gone=true",
                    v -> "gone=" + hv.get().find("9").isEmpty()),
            row("the mapping is undone with the domain: dom0's own frame is back", 0, v -> { }, 17, args(0, 0), "262163 mine=0",
                    v -> "mine=" + v.memory.read((SCRATCH_GPFN + 4) << 12, 1)));
        HypercallTable table = new HypercallTable(bits, big, cases);
        ScriptedIsa isa = table.isa().withGuestContext();
        try (Hypervisor h = table.bootWithDom0(isa)) {
            hv.set(h);
            HypercallTable.domU(h, isa, dir, "target", 1);
            HypercallTable.domU(h, isa, dir, "tool", 1);
            table.await(h);
        }
        table.check();
    }
}
