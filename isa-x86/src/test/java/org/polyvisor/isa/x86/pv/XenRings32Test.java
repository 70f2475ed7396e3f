package org.polyvisor.isa.x86.pv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.X86IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * Xen's ring model for a 32-bit PAE Xen PV kernel: ring 1 with FLAT_RING1_CS/DS, int $0x82 from ring 1 only, the
 * emulated and bounced privileged instructions with compat_create_bounce_frame's frames, compat_iret to ring 3 and
 * a trap back on kernel_ss:kernel_sp, and DPLs raised to 1.
 */
class XenRings32Test {
    private static final X86IsaProvider ISA = new X86IsaProvider();
    static final long USER = 0x3000, USER_STACK = 0x6000;

    static XenRig rig(String code) { return new XenRig(ISA, code); }

    @Test
    void bootsAtRingOne() {
        try (XenRig r = rig("cd82")) {
            assertEquals(GuestModes.FLAT_RING1_CS, r.reg("cs"), "cs");
            for (String s : new String[] {"ss", "ds", "es", "fs", "gs"}) assertEquals(GuestModes.FLAT_RING1_DS, r.reg(s), s);
            assertEquals(0x202, r.reg("eflags"), "eflags");
            assertEquals(XenRig.START_INFO, r.reg("esi"), "esi");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(5), "int $0x82 from ring 1 is the hypercall");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mov from cr0        | 0f20c0 cd82 |            | E | eax=0x80050033",
        "mov from cr4        | 0f20e0 cd82 |            | E | eax=0x620",
        "rdmsr of FS base    | 0f32 cd82   | ecx=0xc0000100 | B | ",
        "rdmsr of EFER       | 0f32 cd82   | ecx=0xc0000080 | E | eax=0x800 edx=0",
        "in without IOPL     | e460 cd82   |            | B | ",
        "sti without IOPL    | fb cd82     |            | B | ",
        "wbinvd              | 0f09 cd82   |            | E | "})
    void privilegedInstructions(String what, String code, String setup, String verdict, String expect) {
        try (XenRig r = rig(code.replace(" ", ""))) {
            r.load(XenRig.HANDLER, "cd82");
            assertEquals(0, r.trap(13, 0, XenRig.HANDLER), what + ": set_trap_table");
            if (setup != null) for (String t : setup.trim().split("\\s+")) r.set(t.substring(0, t.indexOf('=')), Long.decode(t.substring(t.indexOf('=') + 1)));
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(20), what + ": exit");
            if (verdict.equals("E")) {
                assertEquals(XenRig.CODE + code.replace(" ", "").length() / 2, r.reg("eip"), what + ": emulated");
            } else {
                assertEquals(XenRig.HANDLER + 2, r.reg("eip"), what + ": bounced");
                long sp = r.reg("esp");
                assertEquals(XenRig.STACK - 16, sp, what + ": same-ring frame with the error code");
                assertEquals(0, r.memory.read(sp, 4), what + ": error code");
                assertEquals(XenRig.CODE, r.memory.read(sp + 4, 4), what + ": saved eip");
                assertEquals(GuestModes.FLAT_RING1_CS, r.memory.read(sp + 8, 4), what + ": saved cs, mask 0");
                assertEquals(0x200, r.memory.read(sp + 12, 4) & 0x3200, what + ": saved eflags: IF = !mask");
                assertEquals(GuestModes.FLAT_RING1_CS, r.reg("cs"), what + ": handler cs");
            }
            if (expect != null) for (String t : expect.trim().split("\\s+"))
                assertEquals(Long.decode(t.substring(t.indexOf('=') + 1)), r.reg(t.substring(0, t.indexOf('='))), what + ": " + t);
        }
    }

    @Test
    void theBuilderMakesXensBootstrapPageTables() {
        try (XenRig r = new XenRig(ISA, "0f20d8 cd82".replace(" ", ""), true, 8 << 20)) {
            long si = XenRig.START_INFO;
            assertEquals(0xC000, r.memory.read(si + 60, 4), "pt_base: after the four special pages");
            assertEquals(7, r.memory.read(si + 64, 4), "nr_pt_frames: the PAE L3, an L2 per L3 slot (ends below 3 GiB) and two L1s");
            assertEquals(0x6000, r.memory.read(si + 68, 4), "mfn_list: 2048 4-byte entries, the two pages before start_info");
            assertEquals(2047, r.memory.read(0x6000 + 4 * 2047, 4), "mfn_list[2047]");
            assertEquals(0x14000, r.reg("esp"), "esp: the top of the boot stack");
            assertEquals(0xD001, r.memory.read(0xC000, 8), "L3[0] -> L2: P only (a PAE PDPTE)");
            assertEquals(0x10001, r.memory.read(0xC000 + 8 * 3, 8), "L3[3] -> the extra L2 Xen makes for slot 3");
            assertEquals(0x11067, r.memory.read(0xD000, 8), "L2[0] -> the first L1: P|RW|A|D|US");
            assertEquals(0x1023, r.memory.read(0x11000 + 8, 8), "L1 entry of frame 1: P|RW|A");
            assertEquals(0xC021, r.memory.read(0x11000 + 8 * 0xC, 8), "L1 entry of the L3: read-only");
            assertEquals(0x6023, r.memory.read(0x11000 + 8 * 6, 8), "L1 entry of the P2M: writable");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(5), "runs at ring 1 through the bootstrap tables");
            assertEquals(0xC000, r.reg("eax"), "mov from CR3 = pt_base (compat_pfn_to_cr3 of a low frame)");
        }
    }

    /** A kernel linked at 0xC0000000 (Linux's PAE __PAGE_OFFSET as its VIRT_BASE): everything it is told is virtual. */
    @Test
    void aKernelAtVirtBaseGetsXensLayoutThere() {
        long vb = 0xC000_0000L;
        try (XenRig r = new XenRig(ISA, "8b06 0f20d9 cd82".replace(" ", ""), true, 8 << 20, vb)) {
            long si = XenRig.START_INFO;
            assertEquals(vb + si, r.reg("esi"), "esi: start_info's virtual address");
            assertEquals(vb + XenRig.CODE, r.reg("eip"), "eip: the ENTRY note");
            assertEquals(vb + 0xC000, r.memory.read(si + 60, 4), "pt_base: virtual");
            assertEquals(4, r.memory.read(si + 64, 4), "nr_pt_frames: the L3, one L2 (slot 3 is the kernel's) and two L1s");
            assertEquals(vb + 0x6000, r.memory.read(si + 68, 4), "mfn_list: virtual, before start_info");
            assertEquals(vb + 0x11000, r.reg("esp"), "esp: the virtual top of the boot stack");
            assertEquals(0, r.memory.read(0xC000, 8), "L3[0]: nothing mapped low");
            assertEquals(0xD001, r.memory.read(0xC000 + 8 * 3, 8), "L3[3] -> the L2");
            assertEquals(0xE067, r.memory.read(0xD000, 8), "L2[0] -> the first L1");
            assertEquals(0xF067, r.memory.read(0xD000 + 8, 8), "L2[1] -> the second L1");
            assertEquals(0x23, r.memory.read(0xE000, 8), "L1[0] maps 0xC0000000 to frame 0");
            assertEquals(0xC021, r.memory.read(0xE000 + 8 * 0xC, 8), "L1 entry of the L3: read-only");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(5), "runs at its virtual entry through the bootstrap tables");
            assertEquals(0x2d6e6578, r.reg("eax"), "start_info's magic read through esi");
            assertEquals(0xC000, r.reg("ecx"), "mov from CR3: the root's frame");
            assertEquals(vb + XenRig.CODE + 7, r.reg("eip"), "past int $0x82");
        }
    }

    @Test
    void cr3ReadsInXensCompatEncoding() {
        try (XenRig r = rig("0f20d8 cd82".replace(" ", ""))) {
            r.modes().kernelRoot = 0x123456;  // a root above 4 GiB: compat_pfn_to_cr3 rotates its top bits down
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(5));
            assertEquals(0x23456001L, r.reg("eax"), "cr3");
        }
    }

    @Test
    void portsUnderTheVirtualIopl() {
        try (XenRig r = rig("e460 cd82".replace(" ", ""))) {
            assertEquals(0, r.trap(13, 0, XenRig.HANDLER), "set_trap_table");
            assertEquals(0, r.setIopl(1), "set_iopl(1)");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(5));
            assertEquals(XenRig.CODE + 4, r.reg("eip"), "emulated");
            assertEquals(0xFF, r.reg("eax") & 0xFF, "al: no port of the domain's");
        }
    }

    @Test
    void compatIretToRingThreeAndATrapBack() {
        try (XenRig r = rig("cd82")) {
            r.load(USER, "0f20d8").load(XenRig.HANDLER, "cd82");
            assertEquals(0, r.trap(13, 0, XenRig.HANDLER), "set_trap_table");
            assertEquals(0, r.call(3, GuestModes.FLAT_RING1_DS, XenRig.STACK), "stack_switch");
            long sp = XenRig.STACK - 0x100;
            long[] f = {9, USER, GuestModes.FLAT_RING3_CS, 0x202, USER_STACK, GuestModes.FLAT_RING3_DS};
            for (int i = 0; i < f.length; i++) r.memory.write(sp + 4L * i, 4, f[i]);
            r.set("esp", sp);
            assertEquals(9, r.call(23), "HYPERVISOR_iret gives the saved eax");
            assertEquals(GuestModes.FLAT_RING3_CS, r.reg("cs"), "ring 3 code");
            assertEquals(GuestModes.FLAT_RING3_DS, r.reg("ss"), "ring 3 stack");
            assertEquals(USER_STACK, r.reg("esp"), "user esp");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(10), "the #GP handler's hypercall");
            long k = r.reg("esp");
            assertEquals(XenRig.STACK - 24, k, "on kernel_sp with ss, esp");
            assertEquals(USER, r.memory.read(k + 4, 4), "saved eip");
            assertEquals(GuestModes.FLAT_RING3_CS, r.memory.read(k + 8, 4), "saved cs");
            assertEquals(USER_STACK, r.memory.read(k + 16, 4), "saved esp");
            assertEquals(GuestModes.FLAT_RING3_DS, r.memory.read(k + 20, 4), "saved ss");
            assertEquals(GuestModes.FLAT_RING1_DS, r.reg("ss"), "kernel_ss");
            assertTrue(r.modes().guestKernel(((org.polyvisor.isa.x86.exec.X86Vcpu) r.cpu).state()), "kernel mode (ring 1)");
        }
    }

    @Test
    void compatIretToRingZeroIsRefused() {
        try (XenRig r = rig("cd82")) {
            long sp = XenRig.STACK - 0x100;
            long[] f = {9, USER, 0xe008, 0x202};
            for (int i = 0; i < f.length; i++) r.memory.write(sp + 4L * i, 4, f[i]);
            r.set("esp", sp);
            assertEquals(-22, r.call(23), "a ring 0 CS (Xen crashes the domain)");
            assertEquals(GuestModes.FLAT_RING1_CS, r.reg("cs"), "unchanged");
        }
    }

    @Test
    void int82FromRingThreeIsAGeneralProtectionFault() {
        try (XenRig r = rig("cd82")) {
            r.load(USER, "cd82").load(XenRig.HANDLER, "cd82");
            assertEquals(0, r.trap(13, 0, XenRig.HANDLER), "set_trap_table");
            assertEquals(0, r.call(3, GuestModes.FLAT_RING1_DS, XenRig.STACK), "stack_switch");
            long sp = XenRig.STACK - 0x100;
            long[] f = {0, USER, GuestModes.FLAT_RING3_CS, 0x202, USER_STACK, GuestModes.FLAT_RING3_DS};
            for (int i = 0; i < f.length; i++) r.memory.write(sp + 4L * i, 4, f[i]);
            r.set("esp", sp);
            assertEquals(0, r.call(23), "iret to ring 3");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(10), "the handler's hypercall");
            assertEquals(XenRig.HANDLER + 2, r.reg("eip"), "#GP");
            assertEquals(0x82 << 3 | 2, r.memory.read(r.reg("esp"), 4), "error code");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a DPL 0 code segment is raised to DPL 1, 0x00cf9a000000ffff, 0x00cfba000000ffff",
        "a DPL 3 data segment is kept,            0x00cff2000000ffff, 0x00cff2000000ffff"})
    void descriptorsGetXensDplFixups(String what, String desc, String stored) {
        try (XenRig r = rig("cd82")) {
            long d = Long.decode(desc);
            assertEquals(0, r.call(10, 0x50008, 0, d & 0xFFFF_FFFFL, d >>> 32), what + ": update_descriptor");
            assertEquals(Long.decode(stored), r.memory.read(0x50008, 8), what);
        }
    }
}
