package org.polyvisor.kernel;

import static org.polyvisor.kernel.HypercallTable.BUF;
import static org.polyvisor.kernel.HypercallTable.OP;
import static org.polyvisor.kernel.HypercallTable.args;
import static org.polyvisor.kernel.HypercallTable.row;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.kernel.domain.Domain;

/**
 * Grant tables v2 through grant_table_op and memory_op, for a 64-bit little-endian and a 32-bit big-endian guest:
 * set_version/get_version and the switch rules, grant_entry_v2 (full_page, sub_page, transitive) with the status
 * array, get_status_frames, map/unmap/copy on v2 entries, and XENMEM_add_to_physmap of grant and status frames.
 * Domain 1 grants, domain 2 maps. With 4 MiB of RAM from 0, the table's frames are 1020-1023 and v2's status frame
 * is 1019, below them; v2 may use all 4 frames (the domain's max_grant_frames).
 */
class GrantTableV2Test {
    @TempDir Path dir;
    private static final int GNTTAB = 20, MEMORY_OP = 12, SELF = 0x7FF0;
    private static final long LIST = 0x33000, DATA = 0x40000, WINDOW = 0x50000, COPY_TO = 0x60000, WILD = 0x7FFF_F000L;
    private static final long TABLE = 1020L << 12, STATUS = 1019L << 12;
    private final AtomicReference<Domain> granter = new AtomicReference<>();

    private record Abi(int word, boolean big) {
        long setupHandle() { return word == 8 ? 16 : 12; }
        int copySize() { return word == 8 ? 40 : 24; }
        int copySide() { return word == 8 ? 16 : 8; }
    }

    private static void zero(ScriptedIsa.ScriptedVcpu v, long at, int n) { v.memory.writeBytes(at, new byte[n], 0, n); }

    private static java.util.function.Consumer<ScriptedIsa.ScriptedVcpu> setVersion(int version) {
        return v -> v.memory.write(OP, 4, version);
    }

    private static java.util.function.Consumer<ScriptedIsa.ScriptedVcpu> statusFrames(Abi abi, long nr, int dom, long list) {
        return v -> {
            zero(v, OP, 16);
            v.memory.write(OP, 4, nr);
            v.memory.write(OP + 4, 2, dom);
            v.memory.write(OP + 8, abi.word(), list);
            v.memory.write(LIST, 8, 0);
        };
    }

    /** A v2 entry: header flags/domid, then bytes 4..7 (pad, or sub_page's page_off/length), then the 64-bit frame. */
    private static void entryV2(ScriptedIsa.ScriptedVcpu v, long table, int ref, int flags, int domid, int off, int len, long frame) {
        long e = table + 16L * ref;
        v.memory.write(e + 2, 2, domid);
        v.memory.write(e + 4, 2, off);
        v.memory.write(e + 6, 2, len);
        v.memory.write(e + 8, 8, frame);
        v.memory.write(e, 2, flags);
    }

    private static java.util.function.Consumer<ScriptedIsa.ScriptedVcpu> map(long host, int flags, int ref, int dom) {
        return v -> {
            zero(v, OP, 32);
            v.memory.write(OP, 8, host);
            v.memory.write(OP + 8, 4, flags);
            v.memory.write(OP + 12, 4, ref);
            v.memory.write(OP + 16, 2, dom);
        };
    }

    private static String mapStatus(ScriptedIsa.ScriptedVcpu v) { return "status=" + (short) v.memory.read(OP + 18, 2); }

    /** gnttab_copy from grant {@code ref} of domain 1 at {@code off} into the caller's frame COPY_TO. */
    private static java.util.function.Consumer<ScriptedIsa.ScriptedVcpu> copyFromGrant(Abi abi, int ref, int off, int len) {
        return v -> {
            int side = abi.copySide();
            zero(v, OP, abi.copySize());
            v.memory.write(OP, abi.word(), ref);
            v.memory.write(OP + abi.word(), 2, 1);
            v.memory.write(OP + abi.word() + 2, 2, off);
            v.memory.write(OP + side, abi.word(), COPY_TO >>> 12);
            v.memory.write(OP + side + abi.word(), 2, SELF);
            v.memory.write(OP + side + abi.word() + 2, 2, 0);
            v.memory.write(OP + 2L * side, 2, len);
            v.memory.write(OP + 2L * side + 2, 2, 1);       // GNTCOPY_source_gref
        };
    }

    private static java.util.function.Consumer<ScriptedIsa.ScriptedVcpu> physmap(Abi abi, int dom, long space, long idx, long gpfn) {
        return v -> {
            zero(v, OP, 32);
            v.memory.write(OP, 2, dom);
            v.memory.write(OP + 4, 4, space);
            v.memory.write(OP + 8, abi.word(), idx);
            v.memory.write(OP + 8 + abi.word(), abi.word(), gpfn);
        };
    }

    private String granterHalf(long at) { return Long.toHexString(granter.get().memory().read(at, 2)); }

    @ParameterizedTest(name = "{0}-bit, big-endian {1}")
    @CsvSource({"64, false", "32, true"})
    void versionTwoGrantsAreMappedCopiedAndMappedIntoThePhysmap(int bits, boolean big) throws Exception {
        Abi abi = new Abi(bits / 8, big);
        long copyStatus = 2L * abi.copySide() + 4;
        List<HypercallTable.Case> cases = List.of(
            row("get_version at boot", 1, v -> { zero(v, OP, 8); v.memory.write(OP, 2, SELF); }, GNTTAB, args(10, OP, 1), "0 version=1",
                    v -> "version=" + v.memory.read(OP + 4, 4)),
            row("set_version 3 is -EINVAL and answers the version in use", 1, setVersion(3), GNTTAB, args(8, OP, 1), "-22 version=1",
                    v -> "version=" + v.memory.read(OP, 4)),
            row("setup_table 2 frames under v1", 1, v -> {
                    zero(v, OP, 24);
                    v.memory.write(OP, 2, SELF);
                    v.memory.write(OP + 4, 4, 2);
                    v.memory.write(OP + abi.setupHandle(), abi.word(), LIST);
                }, GNTTAB, args(2, OP, 1), "0 status=0 frames=1020,1021",
                    v -> "status=" + v.memory.read(OP + 8, 2) + " frames=" + v.memory.read(LIST, abi.word()) + ","
                            + v.memory.read(LIST + abi.word(), abi.word())),
            row("get_status_frames under v1: there are none", 1, statusFrames(abi, 1, SELF, LIST), GNTTAB, args(9, OP, 1),
                    "0 status=-1", v -> "status=" + (short) v.memory.read(OP + 6, 2)),
            row("set_version 2", 1, setVersion(2), GNTTAB, args(8, OP, 1), "0 version=2", v -> "version=" + v.memory.read(OP, 4)),
            row("set_version 2 again is a no-op", 1, setVersion(2), GNTTAB, args(8, OP, 1), "0 version=2", v -> "version=" + v.memory.read(OP, 4)),
            row("get_version of domain 1 by domain 2 is -EPERM", 2, v -> { zero(v, OP, 8); v.memory.write(OP, 2, 1); }, GNTTAB, args(10, OP, 1), "-1"),
            row("query_size under v2: its 4 grant frames at most", 1, v -> { zero(v, OP, 16); v.memory.write(OP, 2, SELF); },
                    GNTTAB, args(6, OP, 1), "0 frames=2 max=4 status=0",
                    v -> "frames=" + v.memory.read(OP + 4, 4) + " max=" + v.memory.read(OP + 8, 4) + " status=" + v.memory.read(OP + 12, 2)),
            row("get_status_frames 1", 1, statusFrames(abi, 1, SELF, LIST), GNTTAB, args(9, OP, 1), "0 status=0 frame=1019",
                    v -> "status=" + (short) v.memory.read(OP + 6, 2) + " frame=" + v.memory.read(LIST, 8)),
            row("get_status_frames 2: more than there are", 1, statusFrames(abi, 2, SELF, LIST), GNTTAB, args(9, OP, 1), "0 status=-1",
                    v -> "status=" + (short) v.memory.read(OP + 6, 2)),
            row("get_status_frames with count 2 is -EINVAL", 1, statusFrames(abi, 1, SELF, LIST), GNTTAB, args(9, OP, 2), "-22"),
            row("get_status_frames of another domain, unprivileged", 2, statusFrames(abi, 1, 1, LIST), GNTTAB, args(9, OP, 1), "0 status=-8",
                    v -> "status=" + (short) v.memory.read(OP + 6, 2)),
            row("get_status_frames of no such domain", 1, statusFrames(abi, 1, 77, LIST), GNTTAB, args(9, OP, 1), "0 status=-2",
                    v -> "status=" + (short) v.memory.read(OP + 6, 2)),
            row("get_status_frames into a wild frame_list", 1, statusFrames(abi, 1, SELF, WILD), GNTTAB, args(9, OP, 1), "0 status=-5",
                    v -> "status=" + (short) v.memory.read(OP + 6, 2)),
            row("get_status_frames from a wild pointer", 1, v -> { }, GNTTAB, args(9, WILD, 1), "-14"),
            row("map a v2 full_page grant read-write", 2, v -> {
                    var mem = granter.get().memory();
                    mem.write(DATA, 8, 0x1122334455667788L);
                    long e = TABLE + 16L * 10;             // the granter's entries, written as its guest would
                    mem.write(e + 2, 2, 2);
                    mem.write(e + 8, 8, DATA >>> 12);
                    mem.write(e, 2, 1);
                    e = TABLE + 16L * 11;                  // sub_page: bytes 16..23 of DATA
                    mem.write(e + 2, 2, 2);
                    mem.write(e + 4, 2, 16);
                    mem.write(e + 6, 2, 8);
                    mem.write(e + 8, 8, DATA >>> 12);
                    mem.write(e, 2, 1 | 1 << 8);
                    e = TABLE + 16L * 12;                  // transitive: through domain 3's ref 7
                    mem.write(e + 2, 2, 2);
                    mem.write(e + 4, 2, 3);
                    mem.write(e + 8, 4, 7);
                    mem.write(e, 2, 3);
                    e = TABLE + 16L * 13;                  // read-only full_page
                    mem.write(e + 2, 2, 2);
                    mem.write(e + 8, 8, DATA >>> 12);
                    mem.write(e, 2, 1 | 1 << 2);
                    mem.write(DATA + 16, 8, 0x0102030405060708L);
                    map(WINDOW, 2, 10, 1).accept(v);
                }, GNTTAB, args(0, OP, 1), "0 status=0 seen=1122334455667788 hdr=1 gtf=18",
                    v -> mapStatus(v) + " seen=" + Long.toHexString(v.memory.read(WINDOW, 8)) + " hdr=" + granterHalf(TABLE + 160)
                            + " gtf=" + granterHalf(STATUS + 20)),
            row("map a sub_page grant: copies only", 2, map(WINDOW + 0x1000, 2, 11, 1), GNTTAB, args(0, OP, 1), "0 status=-1", GrantTableV2Test::mapStatus),
            row("map a transitive grant: refused", 2, map(WINDOW + 0x1000, 2, 12, 1), GNTTAB, args(0, OP, 1), "0 status=-1", GrantTableV2Test::mapStatus),
            row("map a read-only v2 grant read-write", 2, map(WINDOW + 0x1000, 2, 13, 1), GNTTAB, args(0, OP, 1), "0 status=-8", GrantTableV2Test::mapStatus),
            row("map beyond the v2 entries of 2 frames", 2, map(WINDOW + 0x1000, 2, 512, 1), GNTTAB, args(0, OP, 1), "0 status=-3", GrantTableV2Test::mapStatus),
            row("copy inside a sub_page grant", 2, copyFromGrant(abi, 11, 16, 8), GNTTAB, args(5, OP, 1), "0 status=0 copied=102030405060708",
                    v -> "status=" + (short) v.memory.read(OP + copyStatus, 2) + " copied=" + Long.toHexString(v.memory.read(COPY_TO, 8))),
            row("copy reaching outside a sub_page grant", 2, copyFromGrant(abi, 11, 20, 8), GNTTAB, args(5, OP, 1), "0 status=-1",
                    v -> "status=" + (short) v.memory.read(OP + copyStatus, 2)),
            row("copy through a transitive grant: refused", 2, copyFromGrant(abi, 12, 0, 8), GNTTAB, args(5, OP, 1), "0 status=-1",
                    v -> "status=" + (short) v.memory.read(OP + copyStatus, 2)),
            row("set_version 1 while ref 10 is mapped", 1, setVersion(1), GNTTAB, args(8, OP, 1), "-16 version=2",
                    v -> "version=" + v.memory.read(OP, 4)),
            row("unmap ref 10 clears its status", 2, v -> {
                    zero(v, OP, 24);
                    v.memory.write(OP, 8, WINDOW);
                }, GNTTAB, args(1, OP, 1), "0 status=0 gtf=0 own=0",
                    v -> "status=" + (short) v.memory.read(OP + 20, 2) + " gtf=" + granterHalf(STATUS + 20) + " own=" + v.memory.read(WINDOW, 8)),
            row("add_to_physmap grant frame 0 at 0x70", 1, physmap(abi, SELF, 1, 0, 0x70), MEMORY_OP, args(7, OP), "0 hdr10=1",
                    v -> "hdr10=" + v.memory.read(0x70000 + 160, 2)),
            row("add_to_physmap the status frame at 0x71", 1, physmap(abi, SELF, 1, 0x8000_0000L, 0x71), MEMORY_OP, args(7, OP), "0 same=true",
                    v -> "same=" + (granter.get().memory().page(0x71) == granter.get().memory().page(1019))),
            row("add_to_physmap grant frame 3 under v2, its fourth", 1, physmap(abi, SELF, 1, 3, 0x72), MEMORY_OP, args(7, OP), "0 same=true",
                    v -> "same=" + (granter.get().memory().page(0x72) == granter.get().memory().page(1023))),
            row("add_to_physmap grant frame 4 under v2, beyond max_grant_frames", 1, physmap(abi, SELF, 1, 4, 0x72), MEMORY_OP,
                    args(7, OP), "-22"),
            row("add_to_physmap shared_info at 0x73", 1, physmap(abi, SELF, 0, 0, 0x73), MEMORY_OP, args(7, OP), "0 through=abcd",
                    v -> {
                        v.memory.write(0x73000 + 4000, 4, 0xABCD);    // written through the new frame, read at shared_info
                        return "through=" + Long.toHexString(v.memory.read(v.sharedInfo() + 4000, 4));
                    }),
            row("add_to_physmap XENMAPSPACE_gmfn", 1, physmap(abi, SELF, 2, 5, 0x74), MEMORY_OP, args(7, OP), "-95"),
            row("add_to_physmap into domain 2, unprivileged", 1, physmap(abi, 2, 1, 0, 0x74), MEMORY_OP, args(7, OP), "-1"),
            row("add_to_physmap beyond RAM", 1, physmap(abi, SELF, 1, 0, 0x123456), MEMORY_OP, args(7, OP), "-22"),
            row("add_to_physmap from a wild pointer", 1, v -> { }, MEMORY_OP, args(7, WILD), "-14"),
            row("set_version 1 keeps the reserved entries", 1, v -> {
                    entryV2(v, TABLE, 2, 1 | 1 << 2, 2, 0, 0, 0x55);
                    v.memory.write(OP, 4, 1);
                }, GNTTAB, args(8, OP, 1), "0 version=1 e2=5,2,55 e10=0",
                    v -> "version=" + v.memory.read(OP, 4) + " e2=" + v.memory.read(TABLE + 16, 2) + "," + v.memory.read(TABLE + 18, 2)
                            + "," + Long.toHexString(v.memory.read(TABLE + 20, 4)) + " e10=" + v.memory.read(TABLE + 80, 8)),
            row("add_to_physmap the status frame under v1", 1, physmap(abi, SELF, 1, 0x8000_0000L, 0x75), MEMORY_OP, args(7, OP), "-22"),
            row("back to v2", 1, setVersion(2), GNTTAB, args(8, OP, 1), "0 version=2 e2=5,2,55",
                    v -> "version=" + v.memory.read(OP, 4) + " e2=" + v.memory.read(TABLE + 32, 2) + "," + v.memory.read(TABLE + 34, 2)
                            + "," + Long.toHexString(v.memory.read(TABLE + 40, 8))),
            row("set_version 1 with a reserved frame beyond 32 bits is -ERANGE", 1, v -> {
                    entryV2(v, TABLE, 3, 1, 2, 0, 0, 1L << 32);
                    v.memory.write(OP, 4, 1);
                }, GNTTAB, args(8, OP, 1), "-34 version=2", v -> "version=" + v.memory.read(OP, 4)),
            row("set_version from a wild pointer", 1, v -> { }, GNTTAB, args(8, WILD, 1), "-14"));
        HypercallTable table = new HypercallTable(bits, big, cases);
        ScriptedIsa isa = table.isa();
        try (Hypervisor h = table.bootWithDom0(isa)) {
            granter.set(HypercallTable.domU(h, isa, dir, "granter", 1));
            HypercallTable.domU(h, isa, dir, "mapper", 1);
            table.await(h);
        }
        table.check();
    }
}
