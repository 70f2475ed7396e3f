package org.polyvisor.isa.x86.pv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.X86IsaProvider;
import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * Xen's x86_32 PV callbacks through the Vcpu: callback_op and set_callbacks by {@code int $0x82} answered by the
 * vCPU itself, and the event upcall bounced to the event callback with the same-ring IRET frame.
 */
class PvCallbackTest {
    private static final X86IsaProvider ISA = new X86IsaProvider();
    /** int $0x82; hlt */
    private static final String HYPERCALL = "cd82f4";

    @ParameterizedTest(name = "callback_op({0}) type {1} cs {2} eip {3}: {4}")
    @CsvSource({
        "0, 0, 0x0819, 0x3000, 0, event registered",
        "0, 1, 0x0819, 0x3100, 0, failsafe",
        "0, 2, 0x0819, 0x3200, -38, syscall is x86_64 only",
        "0, 4, 0x0819, 0x3300, 0, nmi",
        "0, 3, 0x0819, 0x3000, -38, sysenter (deprecated)",
        "0, 8, 0x0819, 0x3000, -38, unknown type",
        "1, 4, 0, 0, 0, unregister nmi",
        "1, 0, 0, 0, -22, unregister event",
        "1, 1, 0, 0, -22, unregister failsafe",
        "1, 2, 0, 0, -38, unregister syscall",
        "5, 0, 0x0819, 0x3000, -38, unknown cmd"})
    void callbackOp(int cmd, int type, String cs, String eip, long result, String what) {
        try (Machine m = new Machine(ISA, HYPERCALL)) {
            m.set("eax=30 ebx=" + cmd + " ecx=0x2000 m16[0x2000]=" + type + " m16[0x2002]=0 m32[0x2004]=" + cs + " m32[0x2008]=" + eip);
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10), what + ": answered in the vCPU, no hypercall exit");
            m.expect(what, "eax=0x" + Long.toHexString(result & 0xFFFF_FFFFL));
            var cb = ((X86Vcpu) m.cpu).callbacks();
            boolean stored = result == 0 && cmd == 0;
            long ip = switch (type) { case 0 -> cb.eventIp; case 1 -> cb.failsafeIp; case 2 -> cb.syscallIp; case 4 -> cb.nmiIp; default -> 0; };
            assertEquals(stored ? Long.decode(eip) : 0, ip, what + ": the recorded eip");
            if (stored && type <= 1) assertEquals(Long.decode(cs).longValue(), type == 0 ? cb.eventCs : cb.failsafeCs, what + ": the recorded cs");
        }
    }

    @Test
    void aWildArgumentPointerIsEfault() {
        try (Machine m = new Machine(ISA, HYPERCALL)) {
            m.set("eax=30 ebx=0 ecx=0xfffff000");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            m.expect("callback_op with a pointer outside memory", "eax=0xfffffff2");
        }
    }

    @Test
    void setCallbacksTakesCsEipPairs() {
        try (Machine m = new Machine(ISA, HYPERCALL)) {
            m.set("eax=4 ebx=0x0819 ecx=0x3000 edx=0x0819 esi=0x3100");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            m.expect("set_callbacks", "eax=0");
            var cb = ((X86Vcpu) m.cpu).callbacks();
            assertEquals(0x3000, cb.eventIp, "event eip");
            assertEquals(0x0819, cb.eventCs, "event cs");
            assertEquals(0x3100, cb.failsafeIp, "failsafe eip");
            assertEquals(0x0819, cb.failsafeCs, "failsafe cs");
        }
    }

    @Test
    void otherHypercallsStillExit() {
        try (Machine m = new Machine(ISA, HYPERCALL)) {
            m.set("eax=17");
            assertEquals(VcpuExit.HYPERCALL, m.cpu.run(10), "xen_version is the kernel's");
        }
    }

    /** The same-ring frame: [esp] = eip, [esp+4] = cs, [esp+8] = eflags; the handler halts, then IRETs through a GDT. */
    @ParameterizedTest(name = "esp 0x{0}")
    @CsvSource({"9000", "9006", "8ffd"})
    void upcallBouncesWithTheIretFrame(String esp) {
        try (Machine m = new Machine(ISA, "cd82f4 fb90 f4")) {
            m.load(0x3000, "f4cf");  // hlt; iret
            m.set("m64[0x4008]=0x00cf9a000000ffff m64[0x4010]=0x00cf92000000ffff gdtr_base=0x4000 gdtr_limit=0x17");
            m.set("eax=4 ebx=0x0819 ecx=0x3000 edx=0 esi=0");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            m.cpu.raiseEventUpcall();
            m.set("esp=0x" + esp);
            long sp = Long.parseLong(esp, 16);
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10), "sti, nop, bounced to the hlt at 0x3000");
            m.expect("bounced", "eip=0x3001 esp=0x" + Long.toHexString(sp - 12) + " if=0 m32[" + (sp - 12) + "]=0x1005 m32["
                    + (sp - 8) + "]=0x8 m32[" + (sp - 4) + "]=0x202 cs=0x8");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            m.expect("returned", "eip=0x1006 esp=0x" + esp + " if=1");
        }
    }

    @Test
    void withoutACallbackNothingHappens() {
        try (Machine m = new Machine(ISA, "fb9090f4")) {
            m.cpu.raiseEventUpcall();
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            m.expect("no callback", "eip=0x1004 esp=0x9000");
            assertEquals(false, m.cpu.hasWakeEvent(), "nothing pending");
        }
    }
}
