package org.polyvisor.isa.ia64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.spi.VcpuExit;

/**
 * One row per instruction class: bundles (assembled by GNU as from the source in the comment, semantics per the
 * Itanium SDM vol 3) → registers, predicates and memory after the final {@code break.m 0x1000}. Setup and
 * expectation keys are register names, "pN" for a predicate, "mem8:0xADDR" for a 64-bit word of memory.
 */
class InstructionTest {

    record Row(String name, String hex, Map<String, Long> setup, Map<String, Long> expect) {
        @Override public String toString() { return name; }
    }

    /** Alternating names and values, in order. */
    static Map<String, Long> kv(Object... kv) {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
        return m;
    }

    static Row row(String name, String hex, Map<String, Long> setup, Map<String, Long> expect) {
        return new Row(name, hex, setup, expect);
    }

    static Stream<Row> rows() {
        return Stream.of(
            // add r4=r2,r3; sub r5; and r6; andcm r7; or r9; xor r10; add r11=r2,r3,1; sub r20=r2,r3,1
            row("alu", "00200806002050100c0a40c020183080003808060d2090100c1c404021183c8000580806012040110c0840000000040001008000000000000002000000000400",
                    kv("r2", 0x1234567890abcdefL, "r3", 0xfedcba987654321L),
                    kv("r4", 0x2222222218111110L, "r5", 0x2468acf09468aceL, "r6", 0x224422880214121L, "r7", 0x10101450108a8cceL, "r9", 0x1ffddff997efcfefL, "r10", 0x1dd99dd117ce8eceL, "r11", 0x2222222218111111L, "r20", 0x2468acf09468acdL)),
            // and r4=-16,r2; or r5=5,r2; xor r6=-1,r2; sub r7=100,r2; adds r9=-8192,r2; addl r10=-2097152,r0; mov r11=123456; mov r20=r2; andcm r21=7,r2
            row("immediates", "0020c0052c225028085c40c0f017bc880038900525209000080046400100009800580009c4254001080042a07210b48001008000000000000002000000000400",
                    kv("r2", 0x1234567890abcdefL),
                    kv("r4", 0x1234567890abcde0L, "r5", 0x1234567890abcdefL, "r6", 0xedcba9876f543210L, "r7", 0xedcba9876f543275L, "r9", 0x1234567890abadefL, "r10", 0xffffffffffe00000L, "r11", 0x1e240L, "r20", 0x1234567890abcdefL, "r21", 0x0L)),
            // shladd r4=r2,3,r3; shl r5=r2,4; shr r6=r3,4; shr.u r7=r3,60; extr r9=r3,8,8; extr.u r10=r3,8,8; dep.z r11=r2,8,4; dep.z r20=-3,60,4
            row("shifts and fields", "0020080612205010ecf629c09018ec5200000000010070c00f06292011191c52000000000100a0800c0e296021b80d5300000000010040e90f872d000000040001008000000000000002000000000400",
                    kv("r2", 0x1234567890abcdefL, "r3", 0xf0fedcba98765432L),
                    kv("r4", 0x82a1907f1dd4c3aaL, "r5", 0x234567890abcdef0L, "r6", 0xff0fedcba9876543L, "r7", 0xfL, "r9", 0x54L, "r10", 0x54L, "r11", 0xf00L, "r20", 0xd000000000000000L)),
            // sxt1 r4=r2; sxt2 r5; sxt4 r6; zxt1 r7; zxt2 r9; zxt4 r10
            row("sign and zero extend", "0000000001004000082800a0001054000000000001006000082c00e0001040000000000001009000082200400110480001008000000000000002000000000400",
                    kv("r2", 0xfedcba9887654321L),
                    kv("r4", 0x21L, "r5", 0x4321L, "r6", 0xffffffff87654321L, "r7", 0x21L, "r9", 0x4321L, "r10", 0x87654321L)),
            // cmp.eq p6,p7=r2,r3; cmp.lt p8,p9=r2,r3; cmp.ltu p10,p11=r2,r3; cmp4.lt p12,p13=r2,r3; cmp.eq p14,p15=5,r2; cmp.lt p16,p17=-1,r3; cmp4.ltu p18,p19=r3,r2
            row("compares", "00300806073880100c12604021182cd0006008068d30e028081e7200f21f44cc09900c04933400000100000000000400",
                    kv("r2", 0xffffffff00000005L, "r3", 0x100000003L),
                    kv("p6", 0L, "p7", 1L, "p8", 1L, "p9", 0L, "p10", 0L, "p11", 1L, "p12", 0L, "p13", 1L, "p14", 0L, "p15", 1L, "p16", 1L, "p17", 0L, "p18", 1L, "p19", 0L)),
            // cmp.eq p6,p7=r0,r0; (p7) cmp.eq.unc p8,p9; (p7) cmp.eq p10,p11; (p6) tbit.z.unc p12,p13=r2,0; tbit.z p14,p15=r2,1; (p7) tbit.z.unc p16,p17=r2,0
            row("unc types and tbit", "0a30000007f881040012f04301002ce0000000000180c104081a28c021103c500000000001c00105082228000000040001008000000000000002000000000400",
                    kv("r2", 2L, "p8", 1L, "p9", 1L, "p10", 1L, "p11", 1L, "p16", 1L, "p17", 1L),
                    kv("p6", 1L, "p7", 0L, "p8", 0L, "p9", 0L, "p10", 1L, "p11", 1L, "p12", 1L, "p13", 0L, "p14", 0L, "p15", 1L, "p16", 0L, "p17", 0L)),
            // movl r4=0x123456789abcdef0; movl r5=-1; mov b3=r4; mov r6=b3; mov ar.lc=r4; mov r7=ar.lc; mov ar.lc=-5; mov r9=ar.lc
            row("movl, branch and application registers", "0400000001809a78563412800097f7660500000001c0ffffffff7fa0f0f7ff6f0200000001003020048003c03000c4000200000001000020045500e00008ca0002000000010000d8071504200108ca0001008000000000000002000000000400",
                    kv(),
                    kv("r4", 0x123456789abcdef0L, "r5", -1L, "b3", 0x123456789abcdef0L, "r6", 0x123456789abcdef0L, "r7", 0x123456789abcdef0L, "r9", -5L)),
            // st1 [r2]=r3,1; st2 [r2]=r3,2; st4 [r2]=r3,4; st8 [r2]=r3,-7; ld1 r4=[r2],1; ld2 r5=[r2],r9; ld4 r6=[r2]; ld8 r7=[r2]
            row("loads and stores", "0b080c048015201808102b00000004000b200c049015901f08322f00000004000b2004040014504808102400000004000830000410107000083020000000040001008000000000000002000000000400",
                    kv("r2", 0x8000L, "r3", 0x1122334455667788L, "r9", 2L),
                    kv("r4", 0x88L, "r5", 0x7788L, "r6", 0x55667788L, "r7", 0x5566778855667788L, "r2", 0x8003L, "mem8:0x8000", 0x8855667788778888L, "mem8:0x8008", 0x11223344556677L)),
            // cmp.eq p6,p7=r2,r3; (p6) br.cond 1f; mov r4=1; 1: (p7) br.cond 2f; mov r5=1; 2: mov r6=1
            row("conditional branches", "1030080607380000000200032000004000200400002400000002000000000400100000000100000000028003200000400028040000240000000200000000040009300400002400000100000000000400",
                    kv("r2", 1L, "r3", 1L),
                    kv("r4", 0L, "r5", 1L, "r6", 1L)),
            // alloc r33=ar.pfs,0,8,2,0; r34=45; r40=40; r41=41; br.call b0=f; r7=r8; r9=r34; r10=r40 ...
            // f: alloc r34=ar.pfs,2,2,0,0; add r8=r32,r33; mov r35=r32; mov r32=7; mov ar.pfs=r34; br.ret b0
            row("call, return and register stack", "000829108005206a01004800850200900a48a500002400000002000000000400100000000100000000020000380000500038001000219000880042400140018401008000000000000002000000000400001011088005800085004060040001840a001d0000240000000200002002aa0011000000010000000002008008008400",
                    kv(),
                    kv("r7", 81L, "r9", 45L, "r10", 7L, "cfm", 10L | 8L << 7)),
            // brl.sptk.few 1f; mov r4=1; 1: brl.call.sptk.many b0=2f; mov r6=6 ... 2: mov r5=5; br.ret b0
            row("long branches", "040000000100000000000000200000c000200400002400000002000000000400040000000100000000000000280000d00830180000240000010000000000040011281400002400000002008008008400",
                    kv(),
                    kv("r4", 0L, "r5", 5L, "r6", 6L, "b0", 0x1030L)),
            // mov r4=0; mov ar.lc=4; 1: adds r4=1,r4; br.cloop 1b
            row("br.cloop", "012000000024002004150000000004001020040800210000000200a00000004001008000000000000002000000000400",
                    kv(),
                    kv("r4", 5L, "ar.lc", 0L)),
            // linked at 0x1000: movl r4=1f; mov b6=r4; br.cond b6; mov r5=1; 1: mov r6=1; movl r7=2f; mov b2=r7; br.call b1=b2 ... 2: mov r9=9; br.ret b1
            row("indirect branches", "0500000001000000000000800003806010000000010060200480030060008000002804000024000000020000000004000530040000240000000000e000068060100000000100203804800320280080100000800000000000000200000000040011482400002400000002008018008400",
                    kv(),
                    kv("r5", 0L, "r6", 1L, "r9", 9L)),
            // cmp.eq p6,p7=r0,r0; (p7) mov r4=1; (p7) st8 [r0]=r2; (p7) ld8 r5=[r0]; (p7) break.m 0x1000; (p6) mov r6=6
            row("predicated off", "0a30000007f841080000480000000400e800080098d151000030200000000400e000800000806130000048000000040001008000000000000002000000000400",
                    kv("r2", 77L),
                    kv("r4", 0L, "r5", 0L, "r6", 6L, "mem8:0x0", 0L)),
            // cmp.eq.and p6,p7=r2,r3; cmp.ne.or p8,p9=r2,r3; cmp.eq.or.andcm p10,p11=5,r4; cmp.lt.and p12,p13=r0,r3;
            // cmp4.gt.and p14,p15=r0,r2; cmp.eq.and p18,p19=r2,r2 (true: leaves both alone)
            row("parallel compares", "00300806473080140c92684051202ce5006002064d32e000081e654022104cc101008000000000000002000000000400",
                    kv("r2", 0x100000000L, "r3", -1L, "r4", 5L, "p6", 1L, "p7", 1L, "p11", 1L, "p12", 1L, "p13", 1L,
                            "p14", 1L, "p15", 1L, "p18", 1L, "p19", 1L),
                    kv("p6", 0L, "p7", 0L, "p8", 1L, "p9", 1L, "p10", 1L, "p11", 0L, "p12", 0L, "p13", 0L, "p14", 0L, "p15", 0L,
                            "p18", 1L, "p19", 1L)),
            // shl r4=r2,r3; shr r5=r2,r3; shr.u r6=r2,r3; shl r7=r2,r9; shr r10=r2,r9; shr.u r11=r2,r9 (r9 = 100 > 63)
            row("variable shifts", "00000000010040100c903ca030101079000000000100601808803ce020482079000000000100a04808883c609110007901008000000000000002000000000400",
                    kv("r2", 0x8000000000000f0fL, "r3", 4L, "r9", 100L),
                    kv("r4", 0xf0f0L, "r5", 0xf8000000000000f0L, "r6", 0x08000000000000f0L, "r7", 0L, "r10", -1L, "r11", 0L)),
            // linked at 0x1000: mov r4=ip; mov pr=r2,0x1234; mov r5=pr; mov pr=r3,-1; mov r6=pr
            row("ip and predicate moves", "010000000100400000600040230009030100000001005000006600e03f807f0b0000000001006000006600000000040001008000000000000002000000000400",
                    kv("r2", 0xffffL, "r3", 0xf0f0000000000000L),
                    kv("r4", 0x1000L, "r5", 0x1235L, "r6", 0xf0f0000000000001L)),
            // nop.m 0; nop.i 5; nop.b 0; nop.x 0; nop.f 0
            row("nops", "10000000010050000002000000000020040000000100000000000000000004000c00000001000000000200000000040001008000000000000002000000000400",
                    kv(),
                    kv()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void executes(Row row) {
        try (Machine m = new Machine(row.hex())) {
            row.setup().forEach((k, v) -> set(m, k, v));
            VcpuExit e = m.vcpu.run(10_000);
            assertInstanceOf(VcpuExit.Hypercall.class, e, "ia64 " + row.name() + ": exit " + e + " at 0x" + Long.toHexString(m.vcpu.pc()));
            row.expect().forEach((k, v) -> assertEquals(v.longValue(), get(m, k),
                    () -> "ia64 " + row.name() + " [" + row.hex() + "]: " + k));
        }
    }

    private static void set(Machine m, String key, long v) {
        if (key.startsWith("p")) {
            long pr = m.get("pr"), bit = 1L << Integer.parseInt(key.substring(1));
            m.set("pr", v != 0 ? pr | bit : pr & ~bit);
        } else m.set(key, v);
    }

    private static long get(Machine m, String key) {
        if (key.startsWith("mem8:")) return m.memory.read(Long.decode(key.substring(5)), 8);
        if (key.matches("p\\d+")) return m.get("pr") >>> Integer.parseInt(key.substring(1)) & 1;
        return m.get(key);
    }
}
