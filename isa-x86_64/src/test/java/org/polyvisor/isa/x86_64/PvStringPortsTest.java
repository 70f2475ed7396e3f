package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.X86IsaProvider;
import org.polyvisor.isa.x86.pv.XenRig;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * INS and OUTS of a Xen PV kernel (x86_64 at CPL 3, x86 at ring 1) trap and are emulated under the virtual IOPL of
 * physdev_op set_iopl, as Xen's emulator runs them for a domain without ports: INS stores all ones, OUTS reads and
 * drops, the index moves by the size (backwards with DF), REP counts rCX down (in chunks, the instruction trapping
 * again), 67 narrows the address; without the IOPL, or with an operand outside RAM, the #GP is bounced (E: emulated,
 * B: bounced). Each row ends in the hypercall instruction.
 */
class PvStringPortsTest {
    private static final IsaProvider X86 = new X86IsaProvider(), X86_64 = new X86_64IsaProvider();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "x86_64 | rep insb: three bytes of all ones   | f36c 0f05      | 1 | rdi=0x20000 rcx=3 rdx=0x80   | E | rdi=0x20003 rcx=0 m:0x20000=0xffff m:0x20002=0xff m:0x20003=0",
        "x86_64 | insw backwards (DF set)             | fd 666d 0f05   | 1 | rdi=0x20010                  | E | rdi=0x2000e m:0x20010=0xffff m:0x20012=0",
        "x86_64 | outsl reads and drops               | 6f 0f05        | 1 | rsi=0x20000                  | E | rsi=0x20004 m:0x20000=0",
        "x86_64 | rep outsb with an FS override       | f3646e 0f05    | 1 | rsi=0x10 rcx=2               | E | rsi=0x12 rcx=0",
        "x86_64 | 67: a 32-bit index, zero-extended   | 676c 0f05      | 1 | rdi=0x500020000              | E | rdi=0x20001 m:0x20000=0xff",
        "x86_64 | rep insb of 3000 bytes, in chunks   | f36c 0f05      | 1 | rdi=0x20000 rcx=3000         | E | rdi=0x20bb8 rcx=0 m:0x20bb7=0xff m:0x20bb8=0",
        "x86_64 | insb without the I/O privilege      | 6c 0f05        | 0 | rdi=0x20000                  | B | rdi=0x20000 m:0x20000=0",
        "x86_64 | insb to an address outside RAM      | 6c 0f05        | 1 | rdi=0x10000000               | B | rdi=0x10000000",
        "x86    | rep insd                            | f36d cd82      | 1 | edi=0x20000 ecx=2            | E | edi=0x20008 ecx=0 m:0x20004=0xffffffff",
        "x86    | 67: a 16-bit si wraps, the rest kept | 67666f cd82   | 1 | esi=0x1fffe                  | E | esi=0x10000",
        "x86    | outsb without the I/O privilege     | 6e cd82        | 0 | esi=0x20000                  | B | esi=0x20000"})
    void insAndOuts(String isa, String what, String code, int iopl, String setup, String verdict, String expect) {
        boolean wide = isa.equals("x86_64");
        String hex = code.replace(" ", "");
        try (XenRig r = new XenRig(wide ? X86_64 : X86, hex)) {
            r.load(XenRig.HANDLER, wide ? "0f05" : "cd82");
            assertEquals(0, r.trap(13, 0, XenRig.HANDLER), what + ": set_trap_table");
            if (iopl > 0) assertEquals(0, r.setIopl(iopl), what + ": set_iopl");
            for (String t : setup.trim().split("\\s+")) r.set(t.substring(0, t.indexOf('=')), Long.decode(t.substring(t.indexOf('=') + 1)));
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(40), isa + " " + what + ": exit");
            String ip = wide ? "rip" : "eip";
            assertEquals(verdict.equals("E") ? XenRig.CODE + hex.length() / 2 : XenRig.HANDLER + 2, r.reg(ip),
                    isa + " " + what + (verdict.equals("E") ? ": emulated, past it" : ": bounced to the #GP handler"));
            for (String t : expect.trim().split("\\s+")) {
                long want = Long.decode(t.substring(t.indexOf('=') + 1));
                if (t.startsWith("m:")) {
                    long at = Long.decode(t.substring(2, t.indexOf('=')));
                    int digits = Long.toHexString(want).length(), size = digits <= 2 ? 1 : digits <= 4 ? 2 : digits <= 8 ? 4 : 8;
                    assertEquals(want, r.memory.read(at, size), isa + " " + what + ": memory at " + t.substring(2, t.indexOf('=')));
                } else {
                    assertEquals(want, r.reg(t.substring(0, t.indexOf('='))), isa + " " + what + ": " + t);
                }
            }
        }
    }
}
