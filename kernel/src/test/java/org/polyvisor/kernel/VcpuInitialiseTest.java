package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.config.LifecycleAction;
import org.polyvisor.kernel.hypercall.XenErrno;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.VcpuExit;

/**
 * An SMP PV guest brings up its second vCPU as Linux does: VCPUOP_initialise with a vcpu_guest_context, then
 * VCPUOP_up; the secondary starts with the context's registers. Bad contexts, bad pointers, a second initialise and
 * an ISA without a context layout get Xen's errors; getvcpucontext gives the context back in the ISA's layout.
 */
class VcpuInitialiseTest {
    @TempDir Path dir;
    private static final long CTX = 0x30000, BAD = 0x7FFF_0000L, DOMCTL = 0x31000, OUT = 0x32000;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private static VcpuExit writeContext(ScriptedIsa.ScriptedVcpu v, long pc) {
        for (int i = 0; i < 8; i++) v.memory.write(CTX + 8L * i, 8, 100 + i);
        v.memory.write(CTX + 64, 8, pc);
        return VcpuExit.BUDGET_SPENT;
    }

    private VcpuExit record(ScriptedIsa.ScriptedVcpu v, String what) {
        if (v.id() == 0) seen.add(what + " " + v.result());
        return VcpuExit.BUDGET_SPENT;
    }

    private void await(String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!seen.contains(what) && System.nanoTime() < deadline) Thread.sleep(2);
    }

    @Test
    void initialiseThenUpStartsTheSecondaryWithTheContext() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64,
                v -> {
                    if (v.id() == 1) { seen.add("vcpu1 pc=0x" + Long.toHexString(v.pc()) + " r3=" + v.regs[3]); return VcpuExit.HALT; }
                    return writeContext(v, 0);
                },
                v -> v.hypercall(24, 0, 1, CTX), v -> record(v, "pc0"),          // refused: no entry point
                v -> v.hypercall(24, 0, 1, BAD), v -> record(v, "wild"),         // -EFAULT
                v -> v.hypercall(24, 1, 1), v -> record(v, "up-early"),          // never initialised: -EINVAL
                v -> writeContext(v, 0x5000),
                v -> v.hypercall(24, 0, 1, CTX), v -> record(v, "init"),
                v -> v.hypercall(24, 0, 1, CTX), v -> record(v, "again"),        // -EEXIST
                v -> v.hypercall(24, 0, 7, CTX), v -> record(v, "novcpu"),       // -ENOENT
                v -> {
                    v.memory.write(DOMCTL, 4, 13);                               // XEN_DOMCTL_getvcpucontext
                    v.memory.write(DOMCTL + 4, 4, 0x17);
                    v.memory.write(DOMCTL + 8, 2, v.domid());
                    v.memory.write(DOMCTL + 16, 4, 1);                           // vcpu 1
                    v.memory.write(DOMCTL + 24, 8, OUT);
                    return v.hypercall(36, DOMCTL);
                }, v -> record(v, "getctx"),
                v -> v.hypercall(24, 1, 1), v -> record(v, "up"),
                v -> VcpuExit.HALT).withGuestContext();
        Path elf = dir.resolve("smp.elf");
        Files.write(elf, isa.elf());
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(2).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            // The guest reads its own context back through domctl, which the policy grants it by name.
            h.setPolicy(org.polyvisor.kernel.control.XsmPolicy.parse("test", List.of("allow smp getvcpucontext")));
            var d = h.create(new DomainConfig("smp", GuestType.PV, "scripted", elf, 4, 2, LifecycleAction.DESTROY,
                    LifecycleAction.DESTROY, LifecycleAction.DESTROY, "", List.of()));
            await("vcpu1 pc=0x5000 r3=103");
            await("up 0");
            // vCPU 1 may start on the other pCPU before vCPU 0 notes up's result: the last two come in either order.
            assertEquals(List.of("pc0 " + -XenErrno.EINVAL, "wild " + -XenErrno.EFAULT, "up-early " + -XenErrno.EINVAL, "init 0",
                    "again " + -XenErrno.EEXIST, "novcpu " + -XenErrno.ENOENT, "getctx 0"), seen.subList(0, 7));
            assertEquals(java.util.Set.of("up 0", "vcpu1 pc=0x5000 r3=103"), java.util.Set.copyOf(seen.subList(7, seen.size())));
            ByteBuffer out = ByteBuffer.allocate(72).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            byte[] b = new byte[72];
            d.memory().readBytes(OUT, b, 0, 72);
            out.put(b);
            assertEquals(0x5000, out.getLong(64), "getvcpucontext wrote the ISA's layout: pc last");
            assertEquals(103, out.getLong(24));
        }
    }

    @Test
    void anIsaWithoutAContextLayoutAnswersEnosys() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64, v -> v.hypercall(24, 0, 1, CTX), v -> record(v, "init"), v -> VcpuExit.HALT);
        Path elf = dir.resolve("up.elf");
        Files.write(elf, isa.elf());
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            h.create(new DomainConfig("up", GuestType.PV, "scripted", elf, 4, 2, LifecycleAction.DESTROY,
                    LifecycleAction.DESTROY, LifecycleAction.DESTROY, "", List.of()));
            await("init " + -XenErrno.ENOSYS);
            assertEquals(List.of("init " + -XenErrno.ENOSYS), seen);
        }
    }
}
