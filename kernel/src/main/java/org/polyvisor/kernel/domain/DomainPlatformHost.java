package org.polyvisor.kernel.domain;

import java.util.List;
import java.util.function.Consumer;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * What an HVM domain's board may do to its domain: the board is made before the domain is started, so every
 * action that needs the hypervisor goes through the domain's table once it is there, and is a no-op before.
 */
final class DomainPlatformHost implements PlatformHost {
    private final Domain domain;
    private final long usableRam;

    DomainPlatformHost(Domain domain, long usableRam) {
        this.domain = domain;
        this.usableRam = usableRam;
    }

    @Override public GuestMemory memory() { return domain.memory(); }

    @Override public long ramBase() { return domain.memory().ramBase(); }

    /** RAM the guest may use: Xen's special pages and the grant frames at the top are left out, as Xen's e820 does. */
    @Override public long ramBytes() { return usableRam; }

    @Override public int domainId() { return domain.id(); }

    @Override public int vcpuCount() { return domain.config().vcpus(); }

    @Override public Vcpu vcpu(int id) { return handle(id).vcpu(); }

    private VcpuHandle handle(int id) {
        List<VcpuHandle> all = domain.vcpus();
        if (id < 0 || id >= all.size()) throw new IllegalArgumentException("no vCPU " + id + " in " + domain.describe());
        return all.get(id);
    }

    @Override
    public void kick(int id) {
        DomainTable t = domain.table();
        if (t != null && id >= 0 && id < domain.vcpus().size()) t.kick(domain, id);
    }

    @Override
    public boolean startVcpu(int id, Consumer<Vcpu> init) {
        if (id < 0 || id >= domain.vcpus().size()) return false;
        VcpuHandle v = handle(id);
        synchronized (v) {
            if (v.up()) return false;
            init.accept(v.vcpu());
            v.setUp(true);
        }
        DomainTable t = domain.table();
        if (t != null) t.wakeVcpu(v);
        return true;
    }

    @Override
    public void stopVcpu(int id) {
        if (id >= 0 && id < domain.vcpus().size()) handle(id).setUp(false);
    }

    @Override public boolean vcpuOnline(int id) { return id >= 0 && id < domain.vcpus().size() && handle(id).up(); }

    @Override public void consoleOutput(byte[] bytes) { domain.consoleWrite(bytes); }

    @Override
    public void shutdown(ShutdownReason reason) {
        DomainTable t = domain.table();
        if (t != null) t.shutdown(domain, reason);
    }

    @Override
    public void exit(int code) {
        domain.setExitCode(code);
        shutdown(ShutdownReason.POWEROFF);
    }

    @Override public long virtualNanos() { return domain.virtualNanos(); }

    @Override public String option(String key) { return domain.config().platform().get(key); }

    @Override public void logOnce(String key, String message) { domain.logOnce("platform-" + key, domain.describe() + ": " + message); }
}
