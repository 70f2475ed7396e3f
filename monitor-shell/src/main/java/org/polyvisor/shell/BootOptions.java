package org.polyvisor.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.polyvisor.images.GuestImages;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.HypervisorOptions;
import org.polyvisor.kernel.domain.DomainCreateException;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.kernel.isa.UnknownIsaException;
import picocli.CommandLine.Option;
import java.nio.file.Path;
import org.polyvisor.kernel.control.XsmPolicy;

/** The options that say how to boot the hypervisor and dom0, shared by {@code polyvisor} and {@code polyvisor run}. */
public final class BootOptions {
    /** dom0's ISA when none is asked for. */
    public static final String DEFAULT_DOM0_ISA = "x86_64";

    @Option(names = "--dom0-isa", paramLabel = "NAME", description = "the ISA dom0 runs on (default: " + DEFAULT_DOM0_ISA + ")")
    String dom0Isa;

    @Option(names = "--pcpus", paramLabel = "N", description = "host threads acting as physical CPUs (default: the host's cores)")
    Integer pcpus;

    @Option(names = "--host-memory", paramLabel = "MiB", description = "machine memory for all domains (default: 4096)")
    Long hostMemoryMiB;

    @Option(names = "--sched", paramLabel = "NAME", description = "the scheduler: credit (default) or rr")
    String scheduler;

    @Option(names = "--xsm-policy", paramLabel = "FILE",
            description = "which domUs may do which control operations: lines of 'allow <domain-name> <op>...' (default: dom0 only)")
    Path policy;

    HypervisorOptions options() {
        HypervisorOptions o = HypervisorOptions.defaults();
        try {
            if (scheduler != null) o = o.withScheduler(scheduler);
            if (pcpus != null) o = o.withPcpus(pcpus);
            if (hostMemoryMiB != null) o = o.withHostMemoryMiB(hostMemoryMiB);
        } catch (IllegalArgumentException e) {
            throw UserError.badInput(e.getMessage());
        }
        return o;
    }

    /** Boots with dom0 on the asked ISA, or else on the first of {@code preferred} that is loaded and has a dom0 image. */
    Hypervisor boot(IsaCatalog isas, List<String> preferred) {
        HypervisorOptions options = options();
        String isa = dom0Isa != null ? dom0Isa : choose(isas, preferred);
        try {
            isa = isas.get(isa).id();
        } catch (UnknownIsaException e) {
            throw UserError.badInput("cannot boot dom0: " + e.getMessage());
        }
        String chosen = isa;
        byte[] kernel = GuestImages.dom0Kernel(isa).orElseThrow(() -> UserError.badInput("cannot boot dom0: no dom0 image for "
                + chosen + " on the class path (" + GuestImages.resourceName(chosen, "dom0.elf") + "); images for: " + withImages(isas)));
        XsmPolicy xsm;
        try {
            xsm = policy == null ? XsmPolicy.dom0Only() : XsmPolicy.read(policy);
        } catch (XsmPolicy.PolicyException e) {
            throw UserError.badInput(e.getMessage());
        }
        try {
            Hypervisor h = Hypervisor.boot(options, isas, isa, GuestImages.resourceName(isa, "dom0.elf"), kernel);
            h.setPolicy(xsm);
            return h;
        } catch (DomainCreateException e) {
            throw new UserError(ExitCodes.FAILED, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw UserError.badInput(e.getMessage());
        }
    }

    /** The first preferred ISA that can run dom0; the first preferred one if none can (its error names the problem). */
    private static String choose(IsaCatalog isas, List<String> preferred) {
        List<String> order = new ArrayList<>(new LinkedHashSet<>(preferred));
        for (String id : order) if (id != null && isas.has(id) && GuestImages.dom0Kernel(id).isPresent()) return id;
        return order.isEmpty() ? DEFAULT_DOM0_ISA : order.getFirst();
    }

    private static String withImages(IsaCatalog isas) {
        List<String> ids = isas.all().stream().map(p -> p.id()).filter(id -> GuestImages.dom0Kernel(id).isPresent()).toList();
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }
}
