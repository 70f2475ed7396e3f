package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.grant.GrantStatus;
import org.polyvisor.kernel.grant.GrantTable;
import org.polyvisor.kernel.hypercall.XenErrno;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.VcpuExit;

/** Grant tables v1 between two domains: setup, map and unmap (read-only and read-write), copy, refusals, revocation. */
class GrantTableTest {
    @TempDir Path dir;
    private static final int GNTTAB = 20;
    private static final long OP = 0x30000, LIST = 0x31000, DATA = 0x40000, WINDOW = 0x50000;
    private final AtomicLong tableGfn = new AtomicLong(-1);
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicReference<Domain> granterRef = new java.util.concurrent.atomic.AtomicReference<>();

    /** The granter writes grant_entry_v1 { flags, domid, frame } for ref into its table. */
    private static void grant(ScriptedIsa.ScriptedVcpu v, long tableAddr, int ref, int flags, int domid, long frame) {
        long e = tableAddr + 8L * ref;
        v.memory.write(e + 2, 2, domid);
        v.memory.write(e + 4, 4, frame);
        v.memory.write(e, 2, flags);
    }

    private static VcpuExit map(ScriptedIsa.ScriptedVcpu v, long hostAddr, int flags, int ref, int dom) {
        v.memory.write(OP, 8, hostAddr);
        v.memory.write(OP + 8, 4, flags);
        v.memory.write(OP + 12, 4, ref);
        v.memory.write(OP + 16, 2, dom);
        return v.hypercall(GNTTAB, 0, OP, 1);
    }

    private VcpuExit note(ScriptedIsa.ScriptedVcpu v, String key, long value) {
        seen.put(key, value);
        return VcpuExit.BUDGET_SPENT;
    }

    @Test
    void aPageIsSharedMappedCopiedAndRevoked() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64,
                v -> {
                    if (v.domid() == 2) return tableGfn.get() < 0 ? v.repeat() : VcpuExit.BUDGET_SPENT;
                    v.memory.write(OP, 2, 0x7FF0);                 // setup_table: DOMID_SELF, 1 frame
                    v.memory.write(OP + 4, 4, 1);
                    v.memory.write(OP + 16, 8, LIST);
                    return v.hypercall(GNTTAB, 2, OP, 1);
                },
                v -> {
                    if (v.domid() == 2) return map(v, WINDOW, 2, 5, 1);   // read-write map of ref 5 from dom 1
                    long gfn = v.memory.read(LIST, 8);
                    v.memory.write(DATA, 8, 0x1122334455667788L);
                    grant(v, gfn << 12, 5, GrantTable.GTF_PERMIT_ACCESS, 2, DATA >>> 12);
                    grant(v, gfn << 12, 6, GrantTable.GTF_PERMIT_ACCESS | GrantTable.GTF_READONLY, 2, DATA >>> 12);
                    grant(v, gfn << 12, 7, GrantTable.GTF_PERMIT_ACCESS, 3, DATA >>> 12);
                    note(v, "setup.status", v.memory.read(OP + 8, 2));
                    tableGfn.set(gfn);
                    return VcpuExit.BUDGET_SPENT;
                },
                v -> {
                    if (v.domid() == 1) return seen.containsKey("unmapped") ? VcpuExit.BUDGET_SPENT : v.repeat();
                    note(v, "map.status", (short) v.memory.read(OP + 18, 2));
                    note(v, "map.handle", v.memory.read(OP + 20, 4));
                    note(v, "read.through.window", v.memory.read(WINDOW, 8));
                    v.memory.write(WINDOW + 8, 4, 0xCAFEF00DL);            // written into dom 1's page
                    note(v, "flags.while.mapped", granterRef.get().memory().read((tableGfn.get() << 12) + 8 * 5, 2));
                    return map(v, WINDOW + 0x1000, 2, 6, 1);                // read-write map of a read-only grant
                },
                v -> {
                    if (v.domid() == 1) return VcpuExit.HALT;
                    note(v, "rw.of.readonly", (short) v.memory.read(OP + 18, 2));
                    return map(v, WINDOW + 0x1000, 2, 7, 1);                // ref 7 is granted to domain 3
                },
                v -> {
                    note(v, "wrong.grantee", (short) v.memory.read(OP + 18, 2));
                    return map(v, WINDOW + 0x1000, 2, 4000, 1);             // beyond the set-up frames
                },
                v -> {
                    note(v, "bad.ref", (short) v.memory.read(OP + 18, 2));
                    v.memory.write(OP, 8, WINDOW);                          // unmap_grant_ref: host_addr, dev, handle
                    v.memory.write(OP + 8, 8, 0);
                    v.memory.write(OP + 16, 4, seen.get("map.handle"));
                    return v.hypercall(GNTTAB, 1, OP, 1);
                },
                v -> {
                    note(v, "unmap.status", (short) v.memory.read(OP + 20, 2));
                    note(v, "own.page.back", v.memory.read(WINDOW, 8));
                    // copy 4 bytes from our own frame into dom 1's grant 5 (GNTCOPY_dest_gref)
                    v.memory.write(0x60000, 4, 0x0BADBEEFL);
                    v.memory.write(OP, 8, 0x60);            // source: gmfn 0x60 of DOMID_SELF at offset 0
                    v.memory.write(OP + 8, 2, 0x7FF0);
                    v.memory.write(OP + 10, 2, 0);
                    v.memory.write(OP + 16, 8, 5);          // dest: ref 5 of domain 1 at offset 16
                    v.memory.write(OP + 24, 2, 1);
                    v.memory.write(OP + 26, 2, 16);
                    v.memory.write(OP + 32, 2, 4);          // len
                    v.memory.write(OP + 34, 2, 2);          // flags: GNTCOPY_dest_gref
                    return v.hypercall(GNTTAB, 5, OP, 1);
                },
                v -> {
                    note(v, "copy.status", (short) v.memory.read(OP + 36, 2));
                    return v.hypercall(GNTTAB, 4, OP, 1);   // transfer: refused
                },
                v -> {
                    note(v, "transfer", v.result());
                    seen.put("unmapped", 1L);
                    return VcpuExit.HALT;
                });
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(2).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            Domain granter = ScriptedDomains.create(h, isa, dir, "granter");
            granterRef.set(granter);
            ScriptedDomains.create(h, isa, dir, "mapper");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!seen.containsKey("transfer") && System.nanoTime() < deadline) Thread.sleep(2);
            assertEquals(0L, seen.get("setup.status"), seen.toString());
            assertEquals(granter.memory().ramBytes() / 4096 - GrantTable.MAX_FRAMES, tableGfn.get(), "the table sits at the top of RAM");
            assertEquals((long) GrantStatus.OKAY, seen.get("map.status"), seen.toString());
            assertEquals(0x1122334455667788L, seen.get("read.through.window"), "the mapper sees the granter's page");
            assertEquals((long) (GrantTable.GTF_PERMIT_ACCESS | GrantTable.GTF_READING | GrantTable.GTF_WRITING), seen.get("flags.while.mapped"));
            assertEquals((long) GrantStatus.PERMISSION_DENIED, seen.get("rw.of.readonly"));
            assertEquals((long) GrantStatus.PERMISSION_DENIED, seen.get("wrong.grantee"));
            assertEquals((long) GrantStatus.BAD_GNTREF, seen.get("bad.ref"));
            assertEquals((long) GrantStatus.OKAY, seen.get("unmap.status"));
            assertEquals(0L, seen.get("own.page.back"), "after unmap the mapper's own page is back");
            assertEquals((long) GrantStatus.OKAY, seen.get("copy.status"));
            assertEquals((long) -XenErrno.EOPNOTSUPP, seen.get("transfer"));
            assertEquals(0xCAFEF00DL, granter.memory().read(0x40008, 4), "the mapper's write landed in the granter's page");
            assertEquals(0x0BADBEEFL, granter.memory().read(0x40010, 4), "the copy landed in the granter's page");
            assertEquals((long) GrantTable.GTF_PERMIT_ACCESS, granter.memory().read((tableGfn.get() << 12) + 40, 2) & 0x1f,
                    "GTF_reading/writing are cleared after unmap");
        }
    }

    @Test
    void destroyingTheGranterGivesTheMapperItsOwnPageBack() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64,
                v -> {
                    if (v.domid() == 2) return tableGfn.get() < 0 ? v.repeat() : map(v, WINDOW, 2, 1, 1);
                    v.memory.write(OP, 2, 0x7FF0);
                    v.memory.write(OP + 4, 4, 1);
                    v.memory.write(OP + 16, 8, LIST);
                    return v.hypercall(GNTTAB, 2, OP, 1);
                },
                v -> {
                    if (v.domid() == 2) return note(v, "map.status", (short) v.memory.read(OP + 18, 2));
                    long gfn = v.memory.read(LIST, 8);
                    v.memory.write(DATA, 8, 42);
                    grant(v, gfn << 12, 1, GrantTable.GTF_PERMIT_ACCESS, 2, DATA >>> 12);
                    tableGfn.set(gfn);
                    return VcpuExit.HALT;
                },
                v -> VcpuExit.HALT);
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(2).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            Domain granter = ScriptedDomains.create(h, isa, dir, "granter");
            Domain mapper = ScriptedDomains.create(h, isa, dir, "mapper");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!seen.containsKey("map.status") && System.nanoTime() < deadline) Thread.sleep(2);
            assertEquals(0L, seen.get("map.status"));
            assertEquals(42, mapper.memory().read(WINDOW, 8));
            h.destroy(granter);
            assertEquals(0, mapper.memory().read(WINDOW, 8), "the mapping is gone with the granter");
            assertTrue(mapper.memory().isWritable(WINDOW >>> 12));
        }
    }
}
