package org.polyvisor.isa.arm64.platform;

/**
 * How vCPU indexes map to MPIDR_EL1 affinity (Aff1:Aff0), the value the device tree's cpu nodes, PSCI CPU_ON and
 * AFFINITY_INFO, GICD_IROUTER, GICR_TYPER and ICC_SGI1R_EL1 all speak. vCPUs are grouped in Aff0 clusters: of 8 on
 * a GICv2 board (its CPU interfaces number 8) and of 16 on a GICv3 board (ICC_SGI1R_EL1's TargetList names Aff0
 * 0-15), as QEMU's virt machine lays them out, so vCPU 17 on a GICv3 board is 0.0.1.1; Xen on ARM gives its guests
 * the same 16-wide clusters (vcpuid_to_vaffinity), which PV domains use.
 */
public record CpuAffinity(int clusterSize) {
    public static final CpuAffinity GICV2 = new CpuAffinity(8);
    public static final CpuAffinity GICV3 = new CpuAffinity(16);
    /** A PV domain's vCPUs, as Xen numbers them. */
    public static final CpuAffinity XEN = GICV3;

    /** Aff1:Aff0 of vCPU {@code index} (MPIDR_EL1 without its RES1 bit 31). */
    public long mpidr(int index) { return (long) (index / clusterSize) << 8 | index % clusterSize; }

    /** The vCPU index of affinity {@code aff} (Aff3 in 39:32, Aff2:Aff1:Aff0 in 23:0), or -1 when none has it. */
    public int index(long aff) {
        if ((aff & ~0xFFFFL) != 0) return -1;
        int aff0 = (int) aff & 0xFF;
        return aff0 < clusterSize ? (int) (aff >>> 8 & 0xFF) * clusterSize + aff0 : -1;
    }
}
