package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.pv.GuestModes;
import org.polyvisor.isa.x86.pv.XenRig;
import org.polyvisor.spi.VcpuExit;

/**
 * Xen's ring model for an x86_64 Xen PV kernel (one with Xen's notes): CPL 3 with FLAT_RING3_CS64/SS64, the
 * privileged instructions emulate_privileged_op handles and those it bounces with the kernel-mode frame, the
 * kernel/user toggle (iret to user mode, syscall and traps back), the vcpu_info upcall mask, and DPL fix-ups.
 */
class XenRings64Test {
    private static final X86_64IsaProvider ISA = new X86_64IsaProvider();
    static final long USER = 0x3000, USER_STACK = 0x6000, SYSCALL_ENTRY = 0x2100, EVENT = 0x2200, REQ = 0x32000;

    static XenRig rig(String code) { return new XenRig(ISA, code); }

    @Test
    void bootsAtRingThreeWithXensFlatSelectors() {
        try (XenRig r = rig("0f05")) {
            assertEquals(GuestModes.FLAT_RING3_CS64, r.reg("cs"), "cs");
            assertEquals(GuestModes.FLAT_RING3_SS64, r.reg("ss"), "ss");
            assertEquals(0, r.reg("ds"), "ds (FLAT_RING3_DS64 is null)");
            assertEquals(0x202, r.reg("rflags"), "rflags: IF set by the builder");
            assertEquals(XenRig.CODE, r.reg("rip"), "rip: the ENTRY note, not the ELF entry");
            assertEquals(XenRig.START_INFO, r.reg("rsi"), "rsi: start_info");
            assertTrue(r.modes().rings && r.modes().kernel, "ring model on, kernel mode");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(5), "syscall in kernel mode is the hypercall");
            assertEquals(XenRig.CODE + 2, r.reg("rip"), "past the syscall");
        }
    }

    @Test
    void anImageWithoutXensNotesKeepsTheFlatAbi() {
        try (XenRig r = new XenRig(ISA, "0f05", false)) {
            assertEquals(0x08, r.reg("cs"), "cs");
            assertFalse(r.modes().rings, "ring model off");
            assertEquals(0x5555, r.reg("rip"), "the ELF entry");
        }
    }

    /** Each row ends in "0f05" (a hypercall exit); a bounced #GP ends in the handler's. E: emulated, B: bounced. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mov from cr0: Xen's CR0             | 0f20c0 0f05            |                                    | E | rax=0x80050033",
        "mov from cr4: the PV view           | 0f20e0 0f05            |                                    | E | rax=0x620",
        "mov from cr3 before NEW_BASEPTR     | 0f20d8 0f05            | rax=5                              | E | rax=0",
        "mov from cr2                        | 0f20d0 0f05            | cr2=0x1234                         | E | rax=0x1234",
        "mov to cr0 changing TS only         | 0f22c0 0f05            | rax=0x8005003b                     | E | cr0=0x9",
        "mov to cr0 changing WP              | 0f22c0 0f05            | rax=0x80040033                     | B | ",
        "mov to cr3 of a frame outside RAM   | 0f22d8 0f05            | rax=0x10000000                     | B | ",
        "mov to cr4 keeps TSD only           | 0f22e0 0f20e0 0f05     | rax=0x6a4                          | E | rax=0x624",
        "mov to cr8                          | 440f22c0 0f05          |                                    | B | ",
        "wrmsr FS base then rdmsr            | 0f30 31c0 31d2 0f32 0f05 | rcx=0xc0000100 rdx=0x1234 rax=0x5678 | E | rax=0x5678 rdx=0x1234",
        "wrmsr of a non-canonical GS base    | 0f30 0f05              | rcx=0xc0000101 rdx=0x80000000      | B | ",
        "rdmsr of the TSC                    | 0f32 0f05              | rcx=0x10                           | B | ",
        "rdmsr of EFER                       | 0f32 0f05              | rcx=0xc0000080                     | E | rax=0xd01 rdx=0",
        "wrmsr of EFER changing it           | 0f30 0f05              | rcx=0xc0000080 rax=0x501           | B | ",
        "in without IOPL                     | e460 0f05              |                                    | B | ",
        "out without IOPL                    | ee 0f05                |                                    | B | ",
        "cli without IOPL                    | fa 0f05                |                                    | B | ",
        "wbinvd: ignored                     | 0f09 0f05              |                                    | E | ",
        "invlpg: not emulated by Xen         | 0f0138 0f05            |                                    | B | ",
        "clts clears TS                      | 0f06 0f05              | cr0=0x9                            | E | cr0=0x1",
        "cpuid: Xen's leaves (CPUID faulting) | 0fa2 0f05             | rax=0x40000000                     | E | rbx=0x566e6558 rcx=0x65584d4d rdx=0x4d4d566e"})
    void privilegedInstructions(String what, String code, String setup, String verdict, String expect) {
        try (XenRig r = rig(code.replace(" ", ""))) {
            r.load(XenRig.HANDLER, "0f05");
            assertEquals(0, r.trap(13, 0, XenRig.HANDLER), what + ": set_trap_table");
            apply(r, setup);
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(20), what + ": exit");
            if (verdict.equals("E")) {
                assertEquals(XenRig.CODE + code.replace(" ", "").length() / 2, r.reg("rip"), what + ": emulated, rip past it");
            } else {
                assertEquals(XenRig.HANDLER + 2, r.reg("rip"), what + ": bounced to the #GP handler");
                long sp = r.reg("rsp");
                assertEquals(XenRig.STACK - 64, sp, what + ": rsp");
                assertEquals(0, r.memory.read(sp + 16, 8), what + ": error code");
                assertEquals(XenRig.CODE, r.memory.read(sp + 24, 8), what + ": saved rip (the instruction)");
                assertEquals(0xe030, r.memory.read(sp + 32, 8), what + ": saved cs, RPL cleared for kernel mode, mask 0");
                assertEquals(0x200, r.memory.read(sp + 40, 8) & 0x3200, what + ": saved rflags: IF = !mask, IOPL 0");
                assertEquals(XenRig.STACK, r.memory.read(sp + 48, 8), what + ": saved rsp");
                assertEquals(0xe02b, r.memory.read(sp + 56, 8), what + ": saved ss");
                assertEquals(0xe033, r.reg("cs"), what + ": handler cs");
            }
            if (expect != null) for (String t : expect.trim().split("\\s+")) {
                String n = t.substring(0, t.indexOf('='));
                long want = Long.decode(t.substring(t.indexOf('=') + 1));
                long got = n.equals("cr0") ? r.reg("cr0") & 0x80000009L : r.reg(n);
                assertEquals(want, got, what + ": " + n);
            }
        }
    }

    static void apply(XenRig r, String setup) {
        if (setup == null) return;
        for (String t : setup.trim().split("\\s+")) r.set(t.substring(0, t.indexOf('=')), Long.decode(t.substring(t.indexOf('=') + 1)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "in $0x60 gives all ones | e460 0f05 | rax=0xff",
        "in %dx as a word        | 66ed 0f05 | rax=0xffff",
        "out is dropped          | e680 0f05 | rax=0",
        "cli does nothing        | fa 0f05   | rflags=0x202"})
    void portsAndInterruptFlagUnderTheVirtualIopl(String what, String code, String expect) {
        try (XenRig r = rig(code.replace(" ", ""))) {
            assertEquals(0, r.trap(13, 0, XenRig.HANDLER), "set_trap_table");
            assertEquals(0, r.setIopl(1), what + ": set_iopl(1)");
            assertEquals(0, r.reg("rflags") & 0x3000, what + ": the hardware IOPL stays 0");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(20), what + ": exit");
            assertEquals(XenRig.CODE + code.replace(" ", "").length() / 2, r.reg("rip"), what + ": emulated");
            String n = expect.substring(0, expect.indexOf('='));
            assertEquals(Long.decode(expect.substring(expect.indexOf('=') + 1)), r.reg(n) & (n.equals("rflags") ? 0x3202 : -1L), what);
        }
    }

    static long userBase(XenRig r, long frame) {
        r.memory.write(REQ, 8, 15);  // MMUEXT_NEW_USER_BASEPTR
        r.memory.write(REQ + 8, 8, frame);
        return r.call(26, REQ, 1, 0, 0x7FF0);
    }

    /** The iret_context {rax, r11, rcx, flags, rip, cs, rflags, rsp, ss} at the kernel's rsp, then HYPERVISOR_iret. */
    static long iret(XenRig r, long rip, long cs, long rflags) {
        long sp = XenRig.STACK - 0x100;
        long[] f = {7, 0x11, 0x22, 0, rip, cs, rflags, USER_STACK, 0xe02b};
        for (int i = 0; i < f.length; i++) r.memory.write(sp + 8L * i, 8, f[i]);
        r.set("rsp", sp);
        return r.call(23);
    }

    @Test
    void theKernelRunsAtRingThreeThroughItsOwnTables() {
        try (XenRig r = rig("0f20d8 0f05".replace(" ", ""))) {  // mov %cr3,%rax with paging on
            long l4 = 0x20, l3 = 0x21, l2 = 0x22, l1 = 0x23;
            r.memory.write(l4 << 12, 8, l3 << 12 | 3);  // P | RW, no U: Xen adds _PAGE_USER for a 64-bit guest
            r.memory.write(l3 << 12, 8, l2 << 12 | 3);
            r.memory.write(l2 << 12, 8, l1 << 12 | 3);
            for (long f = 0; f < 256; f++) r.memory.write((l1 << 12) + 8 * f, 8, f << 12 | (f >= l4 && f <= l1 ? 1 : 3));
            r.memory.write(REQ, 8, 5);  // MMUEXT_NEW_BASEPTR
            r.memory.write(REQ + 8, 8, l4);
            assertEquals(0, r.call(26, REQ, 1, 0, 0x7FF0), "NEW_BASEPTR");
            assertEquals(0x7, r.memory.read((l1 << 12) + 8, 8) & 0x7, "an L1 entry with _PAGE_USER added");
            assertEquals(0x5, r.memory.read((l1 << 12) + 8 * l4, 8) & 0x7, "a table page: read-only, user");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(10), "runs at CPL 3 through the tables");
            assertEquals(l4 << 12, r.reg("rax"), "mov from cr3: xen_pfn_to_cr3 of the kernel root");
        }
    }

    @Test
    void aVcpuStartedWithVcpuopInitialiseJoinsTheRingModel() {
        try (XenRig r = rig("0f05")) {
            var second = ISA.createVcpu(new org.polyvisor.spi.VcpuConfig(r.memory, 1, org.polyvisor.spi.GuestType.PV, () -> 0));
            byte[] c = new byte[5168];
            int regs = 520;
            put(c, regs + 136, 0xe033);                          // cs
            put(c, regs + 160, 0xe02b);                          // ss
            put(c, regs + 128, XenRig.CODE);                     // rip
            put(c, regs + 144, 0x202);                           // rflags
            assertEquals(null, ISA.guestContext().orElseThrow().load(c, second), "VCPUOP_initialise's context");
            var modes = ((org.polyvisor.isa.x86.exec.X86Vcpu) second).callbacks().modes;
            assertTrue(modes.rings && modes.kernel, "in the ring model, kernel mode");
            assertEquals(XenRig.SHARED + 64, modes.vcpuInfo, "vcpu_info 1 of the boot's shared_info");
            assertInstanceOf(VcpuExit.Hypercall.class, second.run(5), "its syscall is the hypercall at CPL 3");
        }
    }

    private static void put(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) b[at + i] = (byte) (v >>> (8 * i));
    }

    @Test
    void theBuilderMakesXensBootstrapPageTables() {
        try (XenRig r = new XenRig(ISA, "0f20d8 0f05".replace(" ", ""), true, 8 << 20)) {
            long si = XenRig.START_INFO;
            assertEquals(0xC000, r.memory.read(si + 88, 8), "pt_base: after the four special pages");
            assertEquals(5, r.memory.read(si + 96, 8), "nr_pt_frames: L4, L3, L2 and two L1s (4 MiB)");
            assertEquals(0x4000, r.memory.read(si + 104, 8), "mfn_list: 2048 8-byte entries, the four pages before start_info");
            for (long pfn : new long[] {0, 5, 2047}) assertEquals(pfn, r.memory.read(0x4000 + 8 * pfn, 8), "mfn_list[" + pfn + "]");
            assertEquals(0x12000, r.reg("rsp"), "rsp: the top of the boot stack after the tables");
            assertEquals(0x80000000L, r.reg("cr0") & 0x80000000L, "paging on");
            assertEquals(0xD067, r.memory.read(0xC000, 8) & 0xFFF_FFFF, "L4[0] -> L3: P|RW|A|D|US");
            assertEquals(0x1027, r.memory.read(0xF000 + 8, 8), "L1 entry of frame 1: P|RW|A, and _PAGE_USER from validation");
            assertEquals(0xC025, r.memory.read(0xF000 + 8 * 0xC, 8), "L1 entry of the L4: read-only");
            assertEquals(0x4027, r.memory.read(0xF000 + 8 * 4, 8), "L1 entry of the P2M: writable");
            assertTrue(((org.polyvisor.isa.x86.exec.X86Vcpu) r.cpu).pv().pageTypes().pinned(0xC), "the L4 pinned");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(5), "runs at CPL 3 through the bootstrap tables");
            assertEquals(0xC000, r.reg("rax"), "mov from CR3 = pt_base");
        }
    }

    /** A kernel linked at 0xffffffff80000000 (Linux's __START_KERNEL_map as its VIRT_BASE): every address it gets is virtual. */
    @Test
    void aKernelAtVirtBaseGetsXensLayoutThere() {
        long vb = 0xffff_ffff_8000_0000L;
        try (XenRig r = new XenRig(ISA, "8b06 0f20d9 0f05".replace(" ", ""), true, 8 << 20, vb)) {
            long si = XenRig.START_INFO;
            assertEquals(vb + si, r.reg("rsi"), "rsi: start_info's virtual address");
            assertEquals(vb + XenRig.CODE, r.reg("rip"), "rip: the ENTRY note");
            assertEquals(vb + 0xC000, r.memory.read(si + 88, 8), "pt_base: virtual");
            assertEquals(5, r.memory.read(si + 96, 8), "nr_pt_frames: L4, L3, L2 and two L1s");
            assertEquals(vb + 0x4000, r.memory.read(si + 104, 8), "mfn_list: virtual, before start_info");
            assertEquals(vb + 0x12000, r.reg("rsp"), "rsp: the virtual top of the boot stack");
            assertEquals(0, r.memory.read(0xC000, 8), "L4[0]: nothing mapped low");
            assertEquals(0xD067, r.memory.read(0xC000 + 8 * 511, 8), "L4[511] -> the L3");
            assertEquals(0xE067, r.memory.read(0xD000 + 8 * 510, 8), "L3[510] -> the L2");
            assertEquals(0x10067, r.memory.read(0xE000 + 8, 8), "L2[1] -> the second L1");
            assertEquals(0x27, r.memory.read(0xF000, 8), "L1[0] maps VIRT_BASE to frame 0");
            assertEquals(0xC025, r.memory.read(0xF000 + 8 * 0xC, 8), "L1 entry of the L4: read-only");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(5), "runs at its virtual entry through the bootstrap tables");
            assertEquals(0x2d6e6578, r.reg("rax"), "start_info's magic read through rsi");
            assertEquals(0xC000, r.reg("rcx"), "mov from CR3: the root's frame");
            assertEquals(vb + XenRig.CODE + 7, r.reg("rip"), "past the syscall");
        }
    }

    @Test
    void iretToUserModeNeedsAUserTable() {
        try (XenRig r = rig("0f05")) {
            assertEquals(-22, iret(r, USER, 0xe033, 0x202), "HYPERVISOR_iret to user mode without NEW_USER_BASEPTR");
            assertTrue(r.modes().kernel, "still kernel mode");
        }
    }

    @Test
    void userModeRoundTripThroughSyscall() {
        try (XenRig r = rig("0f05")) {
            r.load(USER, "0f05").load(SYSCALL_ENTRY, "0f05");
            assertEquals(0, userBase(r, 0x40), "NEW_USER_BASEPTR of an empty L4");
            assertEquals(0, r.call(3, 0xe02b, XenRig.STACK), "stack_switch");
            assertEquals(0, r.call(4, 0, 0, SYSCALL_ENTRY), "set_callbacks: syscall");
            assertEquals(0, r.call(25, 2, 0x1111), "set_segment_base: kernel GS");
            assertEquals(0, r.call(25, 1, 0x2222), "set_segment_base: user GS");
            assertEquals(7, iret(r, USER, 0xe033, 0x202), "HYPERVISOR_iret gives the saved rax");
            assertFalse(r.modes().kernel, "user mode");
            assertEquals(USER, r.reg("rip"), "rip");
            assertEquals(0x11, r.reg("r11"), "r11 restored");
            assertEquals(0x2222, r.cpu.register(r.number("gs") ) == 0 ? gsBase(r) : gsBase(r), "user GS base after the toggle");
            assertEquals(0x40000, r.reg("cr3"), "cr3: the user table");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(10), "the syscall callback's own hypercall");
            assertTrue(r.modes().kernel, "kernel mode again");
            assertEquals(SYSCALL_ENTRY + 2, r.reg("rip"), "entered the syscall callback");
            long sp = r.reg("rsp");
            assertEquals(XenRig.STACK - 56, sp, "on kernel_sp: rcx, r11, rip, cs, rflags, rsp, ss");
            assertEquals(USER + 2, r.memory.read(sp, 8), "saved rcx: the return address");
            assertEquals(USER + 2, r.memory.read(sp + 16, 8), "saved rip");
            assertEquals(0xe033, r.memory.read(sp + 24, 8), "saved cs: user mode keeps RPL 3");
            assertEquals(USER_STACK, r.memory.read(sp + 40, 8), "saved rsp");
            assertEquals(0x1111, gsBase(r), "kernel GS base again");
        }
    }

    /** The GS base, read back through the emulated RDMSR of MSR_GS_BASE in a scratch vCPU state: via the context. */
    private static long gsBase(XenRig r) {
        return ((org.polyvisor.isa.x86.exec.X86Vcpu) r.cpu).state().segBase[org.polyvisor.isa.x86.exec.CpuState.GS];
    }

    @Test
    void aPrivilegedInstructionInUserModeIsBouncedWithTheToggle() {
        try (XenRig r = rig("0f05")) {
            r.load(USER, "0f20d8").load(XenRig.HANDLER, "0f05");  // mov %cr3,%rax from user mode
            assertEquals(0, r.trap(13, 0, XenRig.HANDLER), "set_trap_table");
            assertEquals(0, userBase(r, 0x40), "NEW_USER_BASEPTR");
            assertEquals(0, r.call(3, 0xe02b, XenRig.STACK), "stack_switch");
            assertEquals(7, iret(r, USER, 0xe033, 0x202), "iret to user mode");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(10), "the handler's hypercall");
            assertTrue(r.modes().kernel, "kernel mode in the handler");
            long sp = r.reg("rsp");
            assertEquals(XenRig.STACK - 64, sp, "on kernel_sp");
            assertEquals(USER, r.memory.read(sp + 24, 8), "saved rip");
            assertEquals(0xe033, r.memory.read(sp + 32, 8), "saved cs: RPL 3 from user mode");
        }
    }

    @Test
    void eventsFollowTheVcpuInfoMask() {
        try (XenRig r = rig("90 90 0f05".replace(" ", ""))) {
            r.load(EVENT, "0f05");
            assertEquals(0, r.call(4, EVENT, 0, 0), "set_callbacks: event");
            r.memory.write(XenRig.SHARED, 1, 1);      // upcall_pending
            r.memory.write(XenRig.SHARED + 1, 1, 1);  // masked
            r.cpu.raiseEventUpcall();
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(10), "masked: runs on");
            assertEquals(XenRig.CODE + 4, r.reg("rip"), "not delivered while masked");
            r.memory.write(XenRig.SHARED + 1, 1, 0);  // the guest unmasks
            r.set("rip", XenRig.CODE);
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(10), "the callback's hypercall");
            assertEquals(EVENT + 2, r.reg("rip"), "delivered once unmasked");
            assertEquals(1, r.upcallMask(), "delivery masks events (TBF_INTERRUPT)");
            long sp = r.reg("rsp");
            assertEquals(XenRig.STACK - 56, sp, "frame without an error code");
            assertEquals(XenRig.CODE, r.memory.read(sp + 16, 8), "saved rip");
            assertEquals(0xe030, r.memory.read(sp + 24, 8), "saved cs with mask 0");
            assertEquals(0x200, r.memory.read(sp + 32, 8) & 0x200, "saved IF = !mask");
        }
    }

    @ParameterizedTest(name = "saved rflags 0x{0}: upcall mask {1}")
    @CsvSource({"202, 0", "2, 1"})
    void iretRestoresTheUpcallMaskFromIf(String rflags, long mask) {
        try (XenRig r = rig("0f05")) {
            r.memory.write(XenRig.SHARED + 1, 1, 1 - mask);
            assertEquals(7, iret(r, 0x1000, 0xe030, Long.parseLong(rflags, 16)), "iret within kernel mode");
            assertTrue(r.modes().kernel, "kernel mode kept (RPL 0 in the frame)");
            assertEquals(0xe033, r.reg("cs"), "cs forced to RPL 3");
            assertEquals(0x200, r.reg("rflags") & 0x200, "the hardware IF stays 1");
            assertEquals(mask, r.upcallMask(), "upcall mask");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a DPL 0 code segment is raised to DPL 3, 0x00af9a000000ffff, 0x00affa000000ffff",
        "a DPL 3 data segment is kept,            0x00cff2000000ffff, 0x00cff2000000ffff",
        "a call gate gets DPL 0 and its DPL in the selector RPL, 0x0000ec0000081000, 0x00008c00000b1000"})
    void descriptorsGetXensDplFixups(String what, String desc, String stored) {
        try (XenRig r = rig("0f05")) {
            assertEquals(0, r.call(10, 0x50008, Long.decode(desc)), what + ": update_descriptor");
            assertEquals(Long.decode(stored), r.memory.read(0x50008, 8), what);
        }
    }

    @Test
    void softwareInterruptsNeedTheEntryDplOfTheGuestRing() {
        try (XenRig r = rig("cd80")) {
            r.load(XenRig.HANDLER, "0f05");
            // #GP at HANDLER, int $0x80 with DPL 0 (kernel mode counts as ring 1, so it is refused)
            r.memory.write(XenRig.TABLE, 4, 13);
            r.memory.write(XenRig.TABLE + 8, 8, XenRig.HANDLER);
            r.memory.write(XenRig.TABLE + 16, 4, 0x80);
            r.memory.write(XenRig.TABLE + 24, 8, 0x2300);
            r.memory.write(XenRig.TABLE + 40, 8, 0);
            assertEquals(0, r.call(0, XenRig.TABLE), "set_trap_table");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(10), "the #GP handler's hypercall");
            assertEquals(XenRig.HANDLER + 2, r.reg("rip"), "#GP");
            assertEquals(0x80 << 3 | 2, r.memory.read(r.reg("rsp") + 16, 8), "error code: the vector, IDT bit");
        }
    }
}
