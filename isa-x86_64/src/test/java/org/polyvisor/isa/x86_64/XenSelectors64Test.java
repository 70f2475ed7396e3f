package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.pv.XenRig;
import org.polyvisor.spi.VcpuExit;

/**
 * An x86_64 Xen PV kernel (CPL 3) loading Xen's reserved selectors with its own instructions, as it may on Xen, where
 * entries 7168 on are Xen's gdt_table in the GDT the processor uses: MOV and POP to a segment register, a far JMP,
 * LRETQ and a native IRETQ take 0xe023, 0xe02b and 0xe033 with the processor's checks; a ring-0 entry, the reserved
 * empty 0xe018, an entry past Xen's or an LDT selector there is the #GP(selector) the processor raises, bounced to
 * the guest's handler (error code at rsp + 16, after rcx and r11). Each row runs to a {@code syscall} hypercall.
 */
class XenSelectors64Test {
    private static final X86_64IsaProvider ISA = new X86_64IsaProvider();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mov ds, ring-3 data 0xe02b            | b82be00000 8ed8 0f05     |                               | ds=0xe02b rip=0x1009",
        "mov es, ring-3 code64 0xe033 (readable) | b833e00000 8ec0 0f05   |                               | es=0xe033",
        "mov fs, ring-3 code32 0xe023          | b823e00000 8ee0 0f05     |                               | fs=0xe023",
        "pop gs, 0xe02b                        | 682be00000 0fa9 0f05     |                               | gs=0xe02b",
        "mov ss, 0xe02b                        | b82be00000 8ed0 0f05     |                               | ss=0xe02b",
        "mov ss, code 0xe033                   | b833e00000 8ed0 0f05     |                               | gp=0xe030",
        "mov ds, Xen's ring-0 data 0xe010      | b810e00000 8ed8 0f05     |                               | gp=0xe010",
        "mov ds, 0xe013: ring-0 data, RPL 3    | b813e00000 8ed8 0f05     |                               | gp=0xe010",
        "mov ds, the reserved empty 0xe01b     | b81be00000 8ed8 0f05     |                               | gp=0xe018",
        "mov ds, past Xen's entries 0xfff3     | b8f3ff0000 8ed8 0f05     |                               | gp=0xfff0",
        "mov ds, Xen's per-CPU entry 0xe063 (DPL 0) | b863e00000 8ed8 0f05 |                             | gp=0xe060",
        "lsl of the per-CPU entry at CPL 3: ZF = 0 | b834120000 b963e00000 0f03c1 0f94c0 0f05 |        | rax=0x1200",
        "lar of the per-CPU entry: ZF = 0      | b834120000 b960e00000 0f02c1 0f94c0 0f05 |         | rax=0x1200",
        "verr of the per-CPU entry: ZF = 0     | b834120000 b960e00000 0f00e1 0f94c0 0f05 |         | rax=0x1200",
        "lsl of Xen's ring-3 data 0xe02b: ZF = 1 | b834120000 b92be00000 0f03c1 0f94c0 0f05 |       | rax=0xffffff01",
        "mov ds, 0xe02f: the LDT, none         | b82fe00000 8ed8 0f05     |                               | gp=0xe02c",
        "lretq to 0xe033                       | 6833e00000 680c100000 48cb 0f05 |                        | cs=0xe033 rip=0x100e",
        "lretq to ring-0 code 0xe008           | 6808e00000 680c100000 48cb 0f05 |                        | gp=0xe008",
        "far jmp to 0xe033 through memory      | ff2c2500100300 0f05      | m4:0x31000=0x1007 m2:0x31004=0xe033 | cs=0xe033 rip=0x1009",
        "native iretq to 0xe033/0xe02b         | 48cf 0f05 | rsp=0x6000 m8:0x6000=0x1002 m8:0x6008=0xe033 m8:0x6010=0x202 m8:0x6018=0x7000 m8:0x6020=0xe02b | cs=0xe033 ss=0xe02b rip=0x1004 rsp=0x7000",
        "native iretq to ring-0 code 0xe008    | 48cf 0f05 | rsp=0x6000 m8:0x6000=0x1002 m8:0x6008=0xe008 m8:0x6010=0x202 m8:0x6018=0x7000 m8:0x6020=0xe02b | gp=0xe008"})
    void xensSelectorsByTheGuestsOwnInstructions(String what, String code, String setup, String expect) {
        try (XenRig r = new XenRig(ISA, code.replace(" ", ""))) {
            r.load(XenRig.HANDLER, "0f05");
            assertEquals(0, r.trap(13, 0, XenRig.HANDLER), what + ": set_trap_table");
            if (setup != null) for (String t : setup.trim().split("\\s+")) {
                long v = Long.decode(t.substring(t.indexOf('=') + 1));
                if (t.startsWith("m")) r.memory.write(Long.decode(t.substring(3, t.indexOf('='))), t.charAt(1) - '0', v);
                else r.set(t.substring(0, t.indexOf('=')), v);
            }
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(20), what + ": exit");
            for (String t : expect.trim().split("\\s+")) {
                long want = Long.decode(t.substring(t.indexOf('=') + 1));
                if (t.startsWith("gp=")) {
                    assertEquals(XenRig.HANDLER + 2, r.reg("rip"), what + ": bounced to the #GP handler");
                    assertEquals(want, r.memory.read(r.reg("rsp") + 16, 8), what + ": #GP error code");
                } else {
                    assertEquals(want, r.reg(t.substring(0, t.indexOf('='))), what + ": " + t);
                }
            }
        }
    }

    /**
     * A kernel linked high (VIRT_BASE) whose GDT frame it has not mapped at all: Xen maps set_gdt's frames itself,
     * so the guest's own selector loads find their descriptors through the frames, not through a guest mapping.
     */
    @org.junit.jupiter.api.Test
    void theGuestsOwnGdtIsReadThroughItsFrames() {
        long vb = 0xffff_ffff_8000_0000L, frame = 0x500;                       // 5 MiB: past the builder's 4 MiB mapping
        try (XenRig r = new XenRig(ISA, "b80b000000 8ed8 0f05".replace(" ", ""), true, 8 << 20, vb)) {
            r.memory.write((frame << 12) + 8, 8, 0x00cff3000000ffffL);             // entry 1: flat data of the kernel's ring
            r.memory.write(XenRig.ARG, 8, frame);
            assertEquals(0, r.call(2, vb + XenRig.ARG, 2), "set_gdt of a frame mapped nowhere, through its virtual list");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(20), "mov ds, 0x0b runs to the hypercall");
            assertEquals(0x0b, r.reg("ds"), "ds: the guest's own GDT entry 1");
        }
    }

    /**
     * Xen maps set_gdt's frames writable in its own GDT area and leaves the accessed bit as the guest wrote it, so
     * loading a selector whose descriptor has it clear sets it in the guest's frame (the guest sees it there); an
     * entry not loaded keeps it clear.
     */
    @org.junit.jupiter.api.Test
    void aSelectorLoadSetsTheAccessedBitInTheGuestsFrame() {
        long vb = 0xffff_ffff_8000_0000L, frame = 0x500;
        try (XenRig r = new XenRig(ISA, "b80b000000 8ed8 0f05".replace(" ", ""), true, 8 << 20, vb)) {
            r.memory.write((frame << 12) + 8, 8, 0x00cff2000000ffffL);             // entry 1: data, accessed bit clear
            r.memory.write((frame << 12) + 16, 8, 0x00cff2000000ffffL);            // entry 2: the same, not loaded
            r.memory.write(XenRig.ARG, 8, frame);
            assertEquals(0, r.call(2, vb + XenRig.ARG, 3), "set_gdt");
            assertEquals((0x00cff2000000ffffL >>> 40) & 0xFF, r.memory.read((frame << 12) + 8 + 5, 1), "set_gdt leaves the accessed bit clear");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(20), "mov ds, 0x0b runs to the hypercall");
            assertEquals(0x0b, r.reg("ds"), "ds loaded");
            assertEquals(0xf3, r.memory.read((frame << 12) + 8 + 5, 1), "entry 1's access byte in the guest's frame: accessed");
            assertEquals((0x00cff2000000ffffL >>> 40) & 0xFF, r.memory.read((frame << 12) + 16 + 5, 1), "entry 2, not loaded: still clear");
        }
    }

    /**
     * The LDT likewise: its page is read-only to the guest (a descriptor page), but Xen maps it writable in its shadow
     * LDT, so loading an LDT selector whose descriptor has the accessed bit clear sets it in the frame, no #PF.
     */
    @org.junit.jupiter.api.Test
    void anLdtSelectorLoadSetsTheAccessedBitInTheLdtFrame() {
        long ldt = 0x20000, ops = 0x31000;
        try (XenRig r = new XenRig(ISA, "b80f000000 8ed8 0f05".replace(" ", ""), true, 8 << 20)) {
            r.memory.write(ldt + 8, 8, 0x00cff2000000ffffL);                      // entry 1: DPL 3 data, accessed bit clear
            assertEquals(0, r.call(14, ldt, ldt | 5, 2), "update_va_mapping: the LDT page read-only");
            r.memory.write(ops, 4, 13);                                           // MMUEXT_SET_LDT
            r.memory.write(ops + 8, 8, ldt);
            r.memory.write(ops + 16, 8, 16);
            assertEquals(0, r.call(26, ops, 1, 0, 0x7FF0), "SET_LDT");
            assertEquals(0xf2, r.memory.read(ldt + 8 + 5, 1), "SET_LDT leaves the accessed bit clear");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(20), "mov ds, 0x0f runs to the hypercall");
            assertEquals(0x0f, r.reg("ds"), "ds: the LDT's entry 1");
            assertEquals(0xf3, r.memory.read(ldt + 8 + 5, 1), "entry 1's access byte in the LDT frame: accessed");
        }
    }
}
