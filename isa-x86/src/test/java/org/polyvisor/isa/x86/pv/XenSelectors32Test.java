package org.polyvisor.isa.x86.pv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.X86IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * A 32-bit PAE Xen PV kernel (ring 1) loading Xen's reserved selectors with its own instructions, as it may on Xen,
 * where entries 7168 on are Xen's compat_gdt_table in the GDT the processor uses: MOV and POP to a segment register,
 * a far JMP, a far RET and a native IRET take the flat ring-1 and ring-3 selectors with the processor's checks; a
 * ring-0 entry, an RPL the checks refuse, an empty reserved entry or an LDT selector there is the #GP(selector) the
 * processor raises, bounced to the guest's handler. Each row runs to {@code int $0x82}; "gp=" names the error code.
 */
class XenSelectors32Test {
    private static final X86IsaProvider ISA = new X86IsaProvider();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mov ds, ring-1 data 0xe021           | b821e00000 8ed8 cd82     |                                   | ds=0xe021 eip=0x1009",
        "mov es, ring-3 data 0xe033           | b833e00000 8ec0 cd82     |                                   | es=0xe033",
        "mov fs, ring-3 code 0xe02b (readable) | b82be00000 8ee0 cd82    |                                   | fs=0xe02b",
        "pop ds, 0xe021                       | 6821e00000 1f cd82       |                                   | ds=0xe021",
        "mov ss, ring-1 data 0xe021           | b821e00000 8ed0 cd82     |                                   | ss=0xe021",
        "mov ss, ring-3 data 0xe033 at ring 1 | b833e00000 8ed0 cd82     |                                   | gp=0xe030",
        "mov ds, Xen's ring-0 data 0xe010     | b810e00000 8ed8 cd82     |                                   | gp=0xe010",
        "mov ds, 0xe013: ring-0 data, RPL 3   | b813e00000 8ed8 cd82     |                                   | gp=0xe010",
        "mov ds, ring-0 code 0xe038           | b838e00000 8ed8 cd82     |                                   | gp=0xe038",
        "mov ds, Xen's empty TSS slot 0xe043  | b843e00000 8ed8 cd82     |                                   | gp=0xe040",
        "mov ds, past Xen's entries 0xe06b    | b86be00000 8ed8 cd82     |                                   | gp=0xe068",
        "mov ds, Xen's per-CPU entry 0xe061 (DPL 0) | b861e00000 8ed8 cd82 |                               | gp=0xe060",
        "lsl of the per-CPU entry at ring 1: ZF = 0 | b834120000 b961e00000 0f03c1 0f94c0 cd82 |         | eax=0x1200",
        "lar of the per-CPU entry: ZF = 0     | b834120000 b960e00000 0f02c1 0f94c0 cd82 |           | eax=0x1200",
        "verr of the per-CPU entry: ZF = 0    | b834120000 b960e00000 0f00e1 0f94c0 cd82 |           | eax=0x1200",
        "lsl of Xen's ring-1 data 0xe021: ZF = 1 | b834120000 b921e00000 0f03c1 0f94c0 cd82 |        | eax=0xffffff01",
        "mov ds, 0xe025: the LDT, none        | b825e00000 8ed8 cd82     |                                   | gp=0xe024",
        "ljmp to ring-1 code 0xe019           | ea07100000 19e0 cd82     |                                   | cs=0xe019 eip=0x1009",
        "ljmp to ring-0 code 0xe038           | ea07100000 38e0 cd82     |                                   | gp=0xe038",
        "lret to ring-1 code 0xe019           | 6819e00000 680b100000 cb cd82 |                              | cs=0xe019 eip=0x100d",
        "native iret to 0xe019, same ring     | cf cd82                  | esp=0x6000 m:0x6000=0x1001 m:0x6004=0xe019 m:0x6008=0x202 | cs=0xe019 eip=0x1003 esp=0x600c",
        "native iret to ring-0 code 0xe038    | cf cd82                  | esp=0x6000 m:0x6000=0x1001 m:0x6004=0xe038 m:0x6008=0x202 | gp=0xe038"})
    void xensSelectorsByTheGuestsOwnInstructions(String what, String code, String setup, String expect) {
        try (XenRig r = new XenRig(ISA, code.replace(" ", ""))) {
            r.load(XenRig.HANDLER, "cd82");
            assertEquals(0, r.trap(13, 0, XenRig.HANDLER), what + ": set_trap_table");
            if (setup != null) for (String t : setup.trim().split("\\s+")) {
                long v = Long.decode(t.substring(t.indexOf('=') + 1));
                if (t.startsWith("m:")) r.memory.write(Long.decode(t.substring(2, t.indexOf('='))), 4, v);
                else r.set(t.substring(0, t.indexOf('=')), v);
            }
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(20), what + ": exit");
            for (String t : expect.trim().split("\\s+")) {
                long want = Long.decode(t.substring(t.indexOf('=') + 1));
                if (t.startsWith("gp=")) {
                    assertEquals(XenRig.HANDLER + 2, r.reg("eip"), what + ": bounced to the #GP handler");
                    assertEquals(want, r.memory.read(r.reg("esp"), 4), what + ": #GP error code");
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
        long vb = 0xC000_0000L, frame = 0x500;                       // 5 MiB: past the builder's 4 MiB mapping
        try (XenRig r = new XenRig(ISA, "b809000000 8ed8 cd82".replace(" ", ""), true, 8 << 20, vb)) {
            r.memory.write((frame << 12) + 8, 8, 0x00cfb3000000ffffL);             // entry 1: flat data of the kernel's ring
            r.memory.write(XenRig.ARG, 4, frame);
            assertEquals(0, r.call(2, vb + XenRig.ARG, 2), "set_gdt of a frame mapped nowhere, through its virtual list");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(20), "mov ds, 0x09 runs to the hypercall");
            assertEquals(0x09, r.reg("ds"), "ds: the guest's own GDT entry 1");
        }
    }

    /** Xen's per-CPU entry (0xe060) carries each vCPU's number as its limit; it is DPL 0 data, Xen's own. */
    @org.junit.jupiter.api.Test
    void eachVcpuHasItsOwnPerCpuEntry() {
        try (var memory = new org.polyvisor.spi.FlatGuestMemory(java.nio.ByteOrder.LITTLE_ENDIAN, 0, 1 << 20)) {
            for (int id : new int[] {0, 1, 5}) {
                var cpu = (org.polyvisor.isa.x86.exec.X86Vcpu) ISA.createVcpu(
                        new org.polyvisor.spi.VcpuConfig(memory, id, org.polyvisor.spi.GuestType.PV, () -> 0));
                long entry = cpu.callbacks().modes.xenGdt()[GuestModes.PER_CPU_GDT_ENTRY - GuestModes.FIRST_RESERVED_GDT_ENTRY];
                assertEquals(0x0000910000000000L | id, entry, "vCPU " + id + ": entry 7180, P|S|read-only accessed data, DPL 0, limit = the vCPU's id");
            }
        }
    }

    /**
     * Xen maps set_gdt's frames writable in its own GDT area and leaves the accessed bit as the guest wrote it, so
     * loading a selector whose descriptor has it clear sets it in the guest's frame (the guest sees it there); an
     * entry not loaded keeps it clear.
     */
    @org.junit.jupiter.api.Test
    void aSelectorLoadSetsTheAccessedBitInTheGuestsFrame() {
        long vb = 0xC000_0000L, frame = 0x500;
        try (XenRig r = new XenRig(ISA, "b809000000 8ed8 cd82".replace(" ", ""), true, 8 << 20, vb)) {
            r.memory.write((frame << 12) + 8, 8, 0x00cfb2000000ffffL);             // entry 1: data, accessed bit clear
            r.memory.write((frame << 12) + 16, 8, 0x00cfb2000000ffffL);            // entry 2: the same, not loaded
            r.memory.write(XenRig.ARG, 4, frame);
            assertEquals(0, r.call(2, vb + XenRig.ARG, 3), "set_gdt");
            assertEquals((0x00cfb2000000ffffL >>> 40) & 0xFF, r.memory.read((frame << 12) + 8 + 5, 1), "set_gdt leaves the accessed bit clear");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(20), "mov ds, 0x09 runs to the hypercall");
            assertEquals(0x09, r.reg("ds"), "ds loaded");
            assertEquals(0xb3, r.memory.read((frame << 12) + 8 + 5, 1), "entry 1's access byte in the guest's frame: accessed");
            assertEquals((0x00cfb2000000ffffL >>> 40) & 0xFF, r.memory.read((frame << 12) + 16 + 5, 1), "entry 2, not loaded: still clear");
        }
    }
}
