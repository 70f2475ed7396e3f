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
 * B: bounced). Each row ends in the hypercall instruction. An operand that page-faults (through the builder's
 * bootstrap tables, which map the first 4 MiB) is the #PF Xen's rep_ins/rep_outs inject instead: error code 2
 * (PFEC_write_access) for INS and 0 for OUTS, even on a present read-only page; CR2 the first byte not written or
 * read, also in vcpu_info's arch.cr2; the repetitions before it done.
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

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "x86_64 | rep insb runs into the unmapped 4 MiB | f36c 0f05 | rdi=0x3ffffe rcx=4 | 2 | 0x400000 | rdi=0x400000 rcx=2 m:0x3ffffe=0xffff",
        "x86_64 | outsl from the unmapped page        | 6f 0f05     | rsi=0x400000       | 0 | 0x400000 | rsi=0x400000",
        "x86_64 | insb into a read-only table frame   | 6c 0f05     | rdi=0xc008         | 2 | 0xc008   | rdi=0xc008",
        "x86    | rep insd across the end of the mapping | f36d cd82 | edi=0x3ffffc ecx=2 | 2 | 0x400000 | edi=0x400000 ecx=1 m:0x3ffffc=0xffffffff",
        "x86    | outsb from the unmapped page        | 6e cd82     | esi=0x400001       | 0 | 0x400001 | esi=0x400001",
        "x86    | insw into a read-only table frame   | 666d cd82   | edi=0xc010         | 2 | 0xc010   | edi=0xc010"})
    void aFaultingOperandIsXensPageFault(String isa, String what, String code, String setup, int error, String cr2, String expect) {
        boolean wide = isa.equals("x86_64");
        String hex = code.replace(" ", "");
        try (XenRig r = new XenRig(wide ? X86_64 : X86, hex, true, 8 << 20)) {
            r.load(XenRig.HANDLER, wide ? "0f05" : "cd82");
            assertEquals(0, r.trap(14, 0, XenRig.HANDLER), what + ": set_trap_table (#PF only)");
            assertEquals(0, r.setIopl(1), what + ": set_iopl");
            for (String t : setup.trim().split("\\s+")) r.set(t.substring(0, t.indexOf('=')), Long.decode(t.substring(t.indexOf('=') + 1)));
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(40), isa + " " + what + ": exit");
            assertEquals(XenRig.HANDLER + 2, r.reg(wide ? "rip" : "eip"), isa + " " + what + ": bounced to the #PF handler");
            long sp = r.reg(wide ? "rsp" : "esp");
            int w = wide ? 8 : 4;
            long frame = wide ? sp + 16 : sp;   // x86_64: rcx and r11 first
            assertEquals(error, r.memory.read(frame, w), isa + " " + what + ": error code (Xen's x86_emul_pagefault)");
            assertEquals(XenRig.CODE, r.memory.read(frame + w, w), isa + " " + what + ": saved IP: the instruction, to run again");
            assertEquals(Long.decode(cr2), r.memory.read(XenRig.SHARED + (wide ? 16 : 8), w), isa + " " + what + ": vcpu_info arch.cr2");
            assertEquals(Long.decode(cr2), r.reg("cr2"), isa + " " + what + ": cr2");
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
