package org.polyvisor.isa.arm64.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** vCPU index <-> MPIDR affinity in QEMU virt's clusters: 8 wide with a GICv2, 16 wide with a GICv3 (and Xen's PV). */
class CpuAffinityTest {
    @ParameterizedTest(name = "cluster {0}: vCPU {1} is 0x{2}")
    @CsvSource({
        "8, 0, 0", "8, 7, 7", "8, 8, 100", "8, 9, 101",
        "16, 0, 0", "16, 15, f", "16, 16, 100", "16, 17, 101", "16, 63, 30f"})
    void indexAndAffinityAreInverse(int cluster, int index, String hex) {
        CpuAffinity a = new CpuAffinity(cluster);
        long mpidr = Long.parseLong(hex, 16);
        assertEquals(mpidr, a.mpidr(index), "mpidr of vCPU " + index);
        assertEquals(index, a.index(mpidr), "index of 0x" + hex);
    }

    @ParameterizedTest(name = "cluster {0}: 0x{1} is no vCPU")
    @CsvSource({"8, 8", "8, 10f", "16, 10", "16, 10000", "16, 100000000"})
    void affinitiesOutsideTheClustersNameNoVcpu(int cluster, String hex) {
        assertEquals(-1, new CpuAffinity(cluster).index(Long.parseLong(hex, 16)), "0x" + hex);
    }
}
