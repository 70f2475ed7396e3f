package org.polyvisor.shell.view;

import java.util.ArrayList;
import java.util.List;
import org.polyvisor.kernel.Hypervisor;

/** {@code xl info}, reduced to what Polyvisor knows. */
public final class HostInfoView {
    private HostInfoView() { }

    public static List<String> lines(Hypervisor.HostInfo i, String dom0Isa) {
        List<String> out = new ArrayList<>();
        row(out, "xen_version", i.version());
        row(out, "nr_cpus", i.pcpus());
        row(out, "total_memory", i.totalMemoryMiB() + " MiB");
        row(out, "free_memory", i.freeMemoryMiB() + " MiB");
        row(out, "backed_memory", i.backedMemoryMiB() + " MiB");
        row(out, "xen_scheduler", i.scheduler());
        row(out, "uptime", i.uptimeSeconds() + " s");
        row(out, "isas", i.isas());
        row(out, "dom0_isa", dom0Isa == null ? "none" : dom0Isa);
        row(out, "domains", i.domains());
        return out;
    }

    private static void row(List<String> out, String key, Object value) { out.add(String.format("%-22s : %s", key, value)); }
}
