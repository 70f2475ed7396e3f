package org.polyvisor.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Guest instructions per second on a compiled workload with the MMU on: each ISA's {@code bench-sort} image
 * (images/bench-native/workload.c: LCG fill, heapsort, binary searches and CRC-32 over {@code words} 32-bit words;
 * ia64 runs the same algorithm in assembly), booted as a PV domain by the kernel's domain builder and run to its
 * poweroff on the benchmark thread (see {@link DirectRun}). One invocation is one whole guest run, about 1.2 * 10^8
 * guest instructions at the default size, so an iteration is usually a single invocation.
 * JMH's primary score is runs per second (its inverse is the seconds per run that benchmarks/README.md compares
 * with qemu-user); the {@code instructions} counter, per second, is guest instructions per wall-clock second
 * (MIPS * 10^6); {@code retiredTotal / cpuMicros} is guest MIPS per CPU-second of the benchmark thread.
 * The checksum of the last run is printed at the end of each trial, to compare with the native build's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class WorkloadMipsBenchmark {

    @Param({"x86", "x86_64", "arm64", "ppc", "ia64"})
    public String isa;

    /** The workload's size: 32-bit words sorted per round (at most 1048576). */
    @Param({"262144"})
    public int words;

    @Param({"1"})
    public int rounds;

    private DirectRun runner;
    private String lastConsole = "";

    /** Guest instructions retired, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Retired {
        public long instructions;

        @Setup(Level.Iteration)
        public void clear() { instructions = 0; }
    }

    /**
     * Totals per iteration: guest instructions and the benchmark thread's CPU time in microseconds. Their ratio is
     * guest instructions per CPU-second: what one pCPU does, whatever else the machine was running meanwhile.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        public long retiredTotal;
        public long cpuMicros;

        @Setup(Level.Iteration)
        public void clear() { retiredTotal = 0; cpuMicros = 0; }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        runner = new DirectRun(isa, BenchImages.kernel(isa), BenchImages.MEMORY_MIB, "words=" + words + " rounds=" + rounds);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println();
        System.out.print("[" + isa + "] " + lastConsole.strip().replace("\n", "; "));
        System.out.println();
        runner.close();
    }

    @Benchmark
    public long sortSearchCrc(Retired retired, CpuTime cpu) throws Exception {
        DirectRun.Result r = runner.run();
        retired.instructions += r.retired();
        cpu.retiredTotal += r.retired();
        cpu.cpuMicros += r.cpuNanos() / 1000;
        lastConsole = r.console();
        return r.retired();
    }
}
