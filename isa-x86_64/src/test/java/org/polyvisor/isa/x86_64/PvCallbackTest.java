package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * Xen's x86_64 PV callbacks through the Vcpu: callback_op and set_callbacks answered by the vCPU itself (the
 * {@code syscall} hypercall does not exit), and the event upcall bounced to the event callback with Xen's frame.
 */
class PvCallbackTest {
    private static final X86_64IsaProvider ISA = new X86_64IsaProvider();
    /** syscall; hlt */
    private static final String HYPERCALL = "0f05f4";

    @ParameterizedTest(name = "callback_op({0}) type {1} flags {2} address {3}: {4}")
    @CsvSource({
        "0, 0, 0, 0x3000, 0, event registered",
        "0, 1, 1, 0x3100, 0, failsafe",
        "0, 2, 0, 0x3200, 0, syscall",
        "0, 4, 0, 0x3300, 0, nmi",
        "0, 4, 0, 0x0000800000000000, -22, non-canonical nmi",
        "0, 3, 0, 0x3000, -38, sysenter (deprecated)",
        "0, 7, 0, 0x3000, -38, syscall32",
        "0, 9, 0, 0x3000, -38, unknown type",
        "1, 4, 0, 0, 0, unregister nmi",
        "1, 0, 0, 0, -22, unregister event",
        "1, 2, 0, 0, -22, unregister syscall",
        "1, 5, 0, 0, -38, unregister sysenter",
        "2, 0, 0, 0x3000, -38, unknown cmd"})
    void callbackOp(int cmd, int type, int flags, String address, long result, String what) {
        try (Machine m = new Machine(ISA, HYPERCALL)) {
            m.set("rax=30 rdi=" + cmd + " rsi=0x2000 m16[0x2000]=" + type + " m16[0x2002]=" + flags + " m64[0x2008]=" + address);
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10), what + ": answered in the vCPU, no hypercall exit");
            m.expect(what, "rax=" + result);
            var cb = ((X86Vcpu) m.cpu).callbacks();
            long expected = result != 0 || cmd != 0 ? 0 : Long.decode(address);
            long actual = switch (type) { case 0 -> cb.eventIp; case 1 -> cb.failsafeIp; case 2 -> cb.syscallIp; case 4 -> cb.nmiIp; default -> 0; };
            assertEquals(expected, actual, what + ": the recorded address");
        }
    }

    @Test
    void aWildArgumentPointerIsEfault() {
        try (Machine m = new Machine(ISA, HYPERCALL)) {
            m.set("rax=30 rdi=0 rsi=0x7000000000");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            m.expect("callback_op with a pointer outside memory", "rax=-14");
        }
    }

    @Test
    void setCallbacksRecordsAllThree() {
        try (Machine m = new Machine(ISA, HYPERCALL)) {
            m.set("rax=4 rdi=0x3000 rsi=0x3100 rdx=0x3200");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            m.expect("set_callbacks", "rax=0");
            var cb = ((X86Vcpu) m.cpu).callbacks();
            assertEquals(0x3000, cb.eventIp, "event");
            assertEquals(0x3100, cb.failsafeIp, "failsafe");
            assertEquals(0x3200, cb.syscallIp, "syscall");
        }
    }

    @Test
    void otherHypercallsStillExit() {
        try (Machine m = new Machine(ISA, HYPERCALL)) {
            m.set("rax=17");
            assertEquals(VcpuExit.HYPERCALL, m.cpu.run(10), "xen_version is the kernel's");
        }
    }

    /**
     * set_callbacks(event = 0x3000), hlt; then with the upcall raised: sti; nop -> bounced to 0x3000, where the
     * handler halts (the frame is checked), then pops rcx and r11 and returns with iretq through a GDT with Xen-like flat 0x08/0x10 descriptors.
     */
    @ParameterizedTest(name = "rsp 0x{0}: frame at 0x{1}")
    @CsvSource({"9000, 8fc8", "9008, 8fc8", "900f, 8fc8"})
    void upcallBouncesWithXensFrame(String rsp, String frame) {
        try (Machine m = new Machine(ISA, "0f05f4 fb90 f4")) {
            m.load(0x3000, "f459415b48cf");  // hlt; pop %rcx; pop %r11; iretq
            m.set("m64[0x4008]=0x00af9a000000ffff m64[0x4010]=0x00cf92000000ffff gdtr_base=0x4000 gdtr_limit=0x17");
            m.set("rax=4 rdi=0x3000 rsi=0 rdx=0");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            m.cpu.raiseEventUpcall();
            m.set("rsp=0x" + rsp + " rcx=0x1111 r11=0x2222");
            long a = Long.parseLong(rsp, 16) & ~15L;
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10), "sti, nop, bounced to the hlt at 0x3000");
            m.expect("bounced", "rip=0x3001 rsp=0x" + frame + " if=0 m64[" + (a - 8) + "]=0x10 m64[" + (a - 16) + "]=0x" + rsp
                    + " m64[" + (a - 24) + "]=0x202 m64[" + (a - 32) + "]=0x8 m64[" + (a - 40) + "]=0x1005"
                    + " m64[" + (a - 48) + "]=0x2222 m64[" + (a - 56) + "]=0x1111");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            m.expect("returned", "rip=0x1006 rsp=0x" + rsp + " if=1 rcx=0x1111 r11=0x2222");
        }
    }

    @Test
    void withoutACallbackNothingHappens() {
        try (Machine m = new Machine(ISA, "fb9090f4")) {
            m.cpu.raiseEventUpcall();
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            m.expect("no callback", "rip=0x1004 rsp=0x9000");
        }
    }

    @Test
    void anUpcallWaitsForInterruptsEnabled() {
        try (Machine m = new Machine(ISA, "0f05f4 9090f4")) {
            m.set("rax=4 rdi=0x3000 rsi=0 rdx=0");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            m.cpu.raiseEventUpcall();
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            m.expect("IF = 0", "rip=0x1006 rsp=0x9000");
            assertEquals(true, m.cpu.hasWakeEvent(), "the upcall stays pending and wakes a halt");
        }
    }
}
