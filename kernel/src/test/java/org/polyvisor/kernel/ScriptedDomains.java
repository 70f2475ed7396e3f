package org.polyvisor.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.config.LifecycleAction;
import org.polyvisor.kernel.config.SchedulingConfig;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.GuestType;

/** Boots a hypervisor with only the scripted ISA, and creates scripted domains. */
final class ScriptedDomains {
    private ScriptedDomains() { }

    static Hypervisor boot(ScriptedIsa isa) {
        return Hypervisor.boot(HypervisorOptions.defaults().withPcpus(2).withHostMemoryMiB(64), IsaCatalog.of(isa));
    }

    static Domain create(Hypervisor h, ScriptedIsa isa, Path dir, String name, LifecycleAction onCrash) throws Exception {
        Path elf = dir.resolve(name + ".elf");
        Files.write(elf, isa.elf());
        return h.create(new DomainConfig(name, GuestType.PV, "scripted", elf, 4, 1, LifecycleAction.DESTROY,
                LifecycleAction.RESTART, onCrash, "console=hvc0", List.of()));
    }

    static Domain create(Hypervisor h, ScriptedIsa isa, Path dir, String name, SchedulingConfig scheduling) throws Exception {
        Path elf = dir.resolve(name + ".elf");
        Files.write(elf, isa.elf());
        return h.create(new DomainConfig(name, GuestType.PV, "scripted", elf, 4, 1, LifecycleAction.DESTROY,
                LifecycleAction.RESTART, LifecycleAction.DESTROY, "", List.of(), scheduling));
    }

    static Domain create(Hypervisor h, ScriptedIsa isa, Path dir, String name) throws Exception {
        return create(h, isa, dir, name, LifecycleAction.PRESERVE);
    }
}
