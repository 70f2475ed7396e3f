package org.polyvisor.kernel;

import static org.polyvisor.kernel.HypercallTable.BUF2;
import static org.polyvisor.kernel.HypercallTable.OP;
import static org.polyvisor.kernel.HypercallTable.args;
import static org.polyvisor.kernel.HypercallTable.row;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.grant.GrantTable;

/**
 * A frame another domain maps through a grant stays its owner's until it is unmapped: XENMEM_decrease_reservation of
 * it does not give it back to the host (which could hand it to a third domain while the mapper still reaches it); once
 * unmapped it can be given back. Domain 1 grants and balloons, domain 2 maps.
 */
class BalloonWhileMappedTest {
    @TempDir Path dir;
    private static final int GNTTAB = 20, MEMORY_OP = 12, SELF = 0x7FF0;
    private static final long LIST = 0x33000, DATA = 0x40000, WINDOW = 0x50000;
    private static final long[] table = new long[1];

    private static Consumer<ScriptedIsa.ScriptedVcpu> decrease(long gfn) {
        return v -> {
            v.memory.write(BUF2, 8, gfn);
            v.memory.writeBytes(OP, new byte[32], 0, 32);
            v.memory.write(OP, 8, BUF2);
            v.memory.write(OP + 8, 8, 1);
            v.memory.write(OP + 24, 2, SELF);
        };
    }

    @Test
    void aMappedFrameIsNotGivenBackUntilUnmapped() throws Exception {
        List<HypercallTable.Case> cases = List.of(
            row("setup_table", 1, v -> {
                    v.memory.writeBytes(OP, new byte[24], 0, 24);
                    v.memory.write(OP, 2, SELF);
                    v.memory.write(OP + 4, 4, 1);
                    v.memory.write(OP + 16, 8, LIST);
                }, GNTTAB, args(2, OP, 1), "0", v -> {
                    table[0] = v.memory.read(LIST, 8) << 12;
                    long e = table[0] + 8L * 9;                    // grant ref 9: DATA's frame to domain 2, read-write
                    v.memory.write(e + 2, 2, 2);
                    v.memory.write(e + 4, 4, DATA >>> 12);
                    v.memory.write(e, 2, GrantTable.GTF_PERMIT_ACCESS);
                    return "";
                }),
            row("domain 2 maps it", 2, v -> {
                    v.memory.writeBytes(OP, new byte[32], 0, 32);
                    v.memory.write(OP, 8, WINDOW);
                    v.memory.write(OP + 8, 4, 2);                 // GNTMAP_host_map
                    v.memory.write(OP + 12, 4, 9);
                    v.memory.write(OP + 16, 2, 1);
                }, GNTTAB, args(0, OP, 1), "0 status=0", v -> "status=" + (short) v.memory.read(OP + 18, 2)),
            row("the granter balloons the mapped frame out: kept", 1, decrease(DATA >>> 12), MEMORY_OP, args(1, OP), "0"),
            row("domain 2 unmaps it", 2, v -> {
                    v.memory.write(OP + 16, 4, v.memory.read(OP + 20, 4));   // the handle map_grant_ref gave
                    v.memory.write(OP, 8, WINDOW);
                    v.memory.write(OP + 8, 8, 0);
                }, GNTTAB, args(1, OP, 1), "0 status=0", v -> "status=" + (short) v.memory.read(OP + 20, 2)),
            row("now it is given back", 1, decrease(DATA >>> 12), MEMORY_OP, args(1, OP), "1"));
        HypercallTable table = new HypercallTable(64, false, cases);
        ScriptedIsa isa = table.isa();
        try (Hypervisor h = ScriptedDomains.boot(isa)) {
            HypercallTable.domU(h, isa, dir, "granter", 1);
            HypercallTable.domU(h, isa, dir, "mapper", 1);
            table.await(h);
        }
        table.check();
    }
}
