package org.polyvisor.kernel.config;

import java.util.BitSet;

/**
 * A domain's scheduling parameters from xl.cfg: {@code cpu_weight} (1..65535, default 256), {@code cap} (percent
 * of one pCPU, 0 = none) and {@code cpus} (hard affinity: "all", or a list like "0-3,6"; null = all).
 */
public record SchedulingConfig(int weight, int cap, BitSet cpus) {
    public static final SchedulingConfig DEFAULT = new SchedulingConfig(256, 0, null);

    public SchedulingConfig {
        if (weight < 1 || weight > 65535) throw new IllegalArgumentException("cpu_weight must be 1 to 65535, was " + weight);
        if (cap < 0) throw new IllegalArgumentException("cap must be 0 (none) or a positive percentage, was " + cap);
        cpus = cpus == null ? null : (BitSet) cpus.clone();
    }

    @Override
    public BitSet cpus() { return cpus == null ? null : (BitSet) cpus.clone(); }

    /** Parses xl's cpu list syntax: "all", "3", "0-3", "0-3,6,8-9". */
    public static BitSet parseCpus(String text) {
        String t = text.trim();
        if (t.equals("all")) return null;
        BitSet set = new BitSet();
        for (String part : t.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            try {
                int lo = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
                int hi = dash < 0 ? lo : Integer.parseInt(p.substring(dash + 1).trim());
                if (lo < 0 || hi < lo || hi > 4095) throw new IllegalArgumentException("bad cpu range '" + p + "'");
                set.set(lo, hi + 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' is not a cpu number or range");
            }
        }
        return set;
    }
}
