package org.polyvisor.shell.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polyvisor.kernel.domain.DomainInfo;

/** {@code xl list}: Name, ID, Mem, VCPUs, State, Time(s), plus the ISA and the guest type. */
public final class DomainListView {
    private DomainListView() { }

    public static List<String> lines(List<DomainInfo> domains) {
        int nameWidth = "Name".length();
        for (DomainInfo d : domains) nameWidth = Math.max(nameWidth, d.name().length());
        nameWidth = Math.max(nameWidth, 24);
        String fmt = "%-" + nameWidth + "s %5s %6s %5s %6s %9s  %-7s %s";
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, fmt, "Name", "ID", "Mem", "VCPUs", "State", "Time(s)", "ISA", "Type").stripTrailing());
        for (DomainInfo d : domains)
            out.add(String.format(Locale.ROOT, fmt, d.name(), d.id(), d.memoryMiB(), d.vcpus(), d.stateFlags(),
                    String.format(Locale.ROOT, "%.1f", d.cpuSeconds()), d.isa(), d.type().xlName()));
        return out;
    }
}
