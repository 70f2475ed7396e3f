package org.polyvisor.isa.ia64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.spi.VcpuExit;

/**
 * Protection keys (SDM rev 2.3 vol 2 part I 4.1.3) through the Vcpu interface, with no IVT installed so a fault
 * ends the run naming its vector: Data / Instruction Key Miss, Key Permission for read, write and execute, a
 * valid matching key allowing the access, PSR.pk = 0 ignoring keys, and the privileged pkr moves from cpl 3.
 * The programs were assembled with ia64-linux-gnu-as (source in the comments).
 */
class ProtectionKeyTest {
    /**
     * mov rr[r0]=r9; mov pkr[r4]=r5; srlz.d; mov cr.ifa=r12; mov cr.itir=r13; itc.d r14; cmp.eq p6,p7=r0,r17;
     * mov psr.l=r16; srlz.d; (p6) ld8 r10=[r11]; (p7) st8 [r11]=r15; break.m 0x1000 (each in its own group).
     */
    static final String DATA = "0b0024000004002810060800000004000b0000003000006050580800000004000900342a2c04000000020000000004000b0038002e046000440e7000000004000b0040002d0400000060000000000400c1500016181000000002000000000400e1003c1698110000000200000000040001008000000000000002000000000400";
    /** mov rr[r0]=r9; mov pkr[r4]=r5; srlz.d; mov cr.ifa=r12; mov cr.itir=r13; itc.i r14; mov cr.ipsr=r15; mov cr.iip=r12; rfi. */
    static final String FETCH = "0b0024000004002810060800000004000b0000003000006050580800000004000900342a2c04000000020000000004000b0038002f0400784058080000000400020030262c040000000200000000040011000000010000000002000000002000";
    /** At 0x1100: adds r10=0x99,r0; break.m 0x1000. */
    static final String TARGET = "0b506400012100000100000000000400";
    /** mov cr.ipsr=r15; mov cr.iip=r12; rfi — then at 0x1100 mov pkr[r4]=r5 or mov r10=pkr[r4], and break.m 0x1000. */
    static final String TO_CPL = "0b003c202c0400604c5808000000040011000000010000000002000000002000";
    static final String MOV_TO_PKR = "0b001408030400000100000000000400", MOV_FROM_PKR = "0b500008130400000100000000000400";

    static final long RR0 = 0x530;                       // rid 5, ps 12
    static final long PSR_IC = 1L << 13, PSR_PK = 1L << 15, PSR_DT = 1L << 17, PSR_IT = 1L << 36;
    static final long V = 1, WD = 2, RD = 4, XD = 8;
    static final int KEY = 0x42;
    static final long ITIR = (long) KEY << 8 | 12 << 2;
    static final long PTE = 1 | 1 << 5 | 1 << 6 | 2 << 9 | 0x5000;          // p, a, d, ar 2 (rw), frame 0x5000
    static final long CODE_PTE = 1 | 1 << 5 | 1 << 6 | 1 << 9 | 0x1000;     // ar 1 (rx), frame 0x1000

    static long pkr(int key, long bits) { return (long) key << 8 | bits; }

    /** A data access: the pkr written, PSR, load or store; expected the fault's vector name, or null for success. */
    record DataCase(String name, int index, long pkr, long psr, boolean store, String fault) {
        @Override public String toString() { return name; }
    }

    static Stream<DataCase> data() {
        long on = PSR_IC | PSR_PK | PSR_DT, off = PSR_IC | PSR_DT;
        return Stream.of(
                new DataCase("load, no valid pkr: Data Key Miss", 0, 0, on, false, "(Data Key Miss) at 0x3008"),
                new DataCase("store, no valid pkr: Data Key Miss", 0, 0, on, true, "(Data Key Miss) at 0x3008"),
                new DataCase("load, pkr with the key but v = 0: Data Key Miss", 3, pkr(KEY, 0), on, false, "(Data Key Miss)"),
                new DataCase("load, valid pkr with another key: Data Key Miss", 3, pkr(KEY + 1, V), on, false, "(Data Key Miss)"),
                new DataCase("load, matching pkr.rd: Key Permission", 4, pkr(KEY, V | RD), on, false, "(Key Permission) at 0x3008"),
                new DataCase("store, matching pkr.wd: Key Permission", 5, pkr(KEY, V | WD), on, true, "(Key Permission) at 0x3008"),
                new DataCase("store, matching pkr.rd only: allowed", 4, pkr(KEY, V | RD), on, true, null),
                new DataCase("load, matching pkr.wd | xd: allowed", 5, pkr(KEY, V | WD | XD), on, false, null),
                new DataCase("load, valid matching pkr[0]: allowed", 0, pkr(KEY, V), on, false, null),
                new DataCase("store, valid matching pkr[15]: allowed", 15, pkr(KEY, V), on, true, null),
                new DataCase("load, PSR.pk = 0 and no valid pkr: allowed", 0, 0, off, false, null),
                new DataCase("store, PSR.pk = 0 and pkr.wd: allowed", 1, pkr(KEY, V | WD), off, true, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("data")
    void dataAccess(DataCase c) {
        try (Machine m = new Machine(DATA)) {
            m.memory.write(0x5008, 8, 0xabc);
            set(m, "r9", RR0, "r4", c.index, "r5", c.pkr, "r11", 0x3008, "r12", 0x3000, "r13", ITIR, "r14", PTE,
                    "r15", 0x77, "r16", c.psr, "r17", c.store ? 1 : 0);
            VcpuExit exit = m.vcpu.run(100);
            if (c.fault != null) {
                VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, exit, c.name);
                assertTrue(f.reason().contains(c.fault), c.name + ": expected a fault containing '" + c.fault + "', actual '" + f.reason() + "'");
            } else {
                assertSame(VcpuExit.HYPERCALL, exit, c.name);
                if (c.store) assertEquals(0x77, m.memory.read(0x5008, 8), c.name + ": the stored value");
                else assertEquals(0xabc, m.get("r10"), c.name + ": the loaded value");
            }
        }
    }

    /** An instruction fetch at 0x1100 through itc.i with the key, after rfi with PSR.it (and pk). */
    record FetchCase(String name, long pkr, long psr, String fault) {
        @Override public String toString() { return name; }
    }

    static Stream<FetchCase> fetch() {
        long on = PSR_IC | PSR_PK | PSR_IT, off = PSR_IC | PSR_IT;
        return Stream.of(
                new FetchCase("no valid pkr: Instruction Key Miss", 0, on, "(Instruction Key Miss) at 0x1100"),
                new FetchCase("matching pkr.xd: Key Permission", pkr(KEY, V | XD), on, "(Key Permission) at 0x1100"),
                new FetchCase("matching pkr.rd | wd: runs", pkr(KEY, V | RD | WD), on, null),
                new FetchCase("valid matching pkr: runs", pkr(KEY, V), on, null),
                new FetchCase("PSR.pk = 0, pkr.xd: runs", pkr(KEY, V | XD), off, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fetch")
    void instructionFetch(FetchCase c) {
        try (Machine m = new Machine(FETCH)) {
            m.load(0x1100, TARGET);
            set(m, "r9", RR0, "r4", 6, "r5", c.pkr, "r12", 0x1100, "r13", ITIR, "r14", CODE_PTE, "r15", c.psr);
            VcpuExit exit = m.vcpu.run(100);
            if (c.fault != null) {
                VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, exit, c.name);
                assertTrue(f.reason().contains(c.fault), c.name + ": expected a fault containing '" + c.fault + "', actual '" + f.reason() + "'");
            } else {
                assertSame(VcpuExit.HYPERCALL, exit, c.name);
                assertEquals(0x99, m.get("r10"), c.name + ": the fetched code ran");
            }
        }
    }

    /** The pkr moves at cpl 0 read back, and at cpl 1-3 are Privileged Operation faults. */
    record MoveCase(String name, String code, int cpl, String fault) {
        @Override public String toString() { return name; }
    }

    static Stream<MoveCase> moves() {
        return Stream.of(
                new MoveCase("mov pkr[r4]=r5 at cpl 3", MOV_TO_PKR, 3, "privileged operation: mov pkr[r4]=r5 at cpl 3"),
                new MoveCase("mov r10=pkr[r4] at cpl 3", MOV_FROM_PKR, 3, "privileged operation: mov r10=pkr[r4] at cpl 3"),
                new MoveCase("mov pkr[r4]=r5 at cpl 1", MOV_TO_PKR, 1, "privileged operation: mov pkr[r4]=r5 at cpl 1"),
                new MoveCase("mov pkr[r4]=r5 at cpl 0", MOV_TO_PKR, 0, null),
                new MoveCase("mov r10=pkr[r4] at cpl 0", MOV_FROM_PKR, 0, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moves")
    void privilegedMoves(MoveCase c) {
        try (Machine m = new Machine(TO_CPL)) {
            m.load(0x1100, c.code);
            set(m, "r4", 2, "r5", pkr(9, V), "r10", 0x5555, "r12", 0x1100, "r15", (long) c.cpl << 32 | PSR_IC);
            VcpuExit exit = m.vcpu.run(100);
            if (c.fault != null) {
                VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, exit, c.name);
                assertTrue(f.reason().contains(c.fault), c.name + ": expected a fault containing '" + c.fault + "', actual '" + f.reason() + "'");
                assertEquals(0x5555, m.get("r10"), c.name + ": r10 unchanged");
            } else {
                assertSame(VcpuExit.HYPERCALL, exit, c.name);
                assertEquals(c.code.equals(MOV_FROM_PKR) ? 0 : 0x5555, m.get("r10"), c.name + ": r10 (pkr[2] starts invalid, 0)");
            }
        }
    }

    private static void set(Machine m, Object... nameValue) {
        for (int i = 0; i < nameValue.length; i += 2) m.set((String) nameValue[i], ((Number) nameValue[i + 1]).longValue());
    }
}
