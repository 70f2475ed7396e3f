package org.polyvisor.benchmarks;

import java.nio.file.Path;
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
import org.polyvisor.images.GuestImages;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.console.HypervisorLog;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainBuilder;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.kernel.mem.MachineMemory;
import org.polyvisor.spi.HypercallAbi;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuExit;

/**
 * Guest instructions per second of each ISA's interpreter on the hello image: a 10,000-iteration checksum loop
 * of loads, arithmetic and branches, plus its console output. Each invocation builds the domain afresh with the
 * kernel's domain builder and runs vCPU 0 to its poweroff on the benchmark thread (no scheduler in the way), so
 * decode-cache warm-up is part of what is measured, as it is for a real short-lived guest.
 * JMH's {@code instructions} counter, per second, is the guest MIPS figure (divide by 10^6).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class GuestMipsBenchmark {

    @Param({"x86", "x86_64", "arm64", "ia64", "ppc"})
    public String isa;

    private byte[] kernel;
    private DomainBuilder builder;
    private MachineMemory machine;
    private DomainConfig config;

    /** Guest instructions retired, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Retired {
        public long instructions;

        @Setup(Level.Iteration)
        public void clear() { instructions = 0; }
    }

    @Setup(Level.Trial)
    public void setUp() {
        kernel = GuestImages.resource(isa, "hello.elf").orElseThrow(() -> new IllegalStateException("no hello.elf for " + isa));
        machine = new MachineMemory(256L << 20);
        builder = new DomainBuilder(IsaCatalog.load(), machine, new HypervisorLog());
        config = DomainConfig.of("bench-" + isa, isa, Path.of("hello.elf"), 16, 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() { machine.close(); }

    @Benchmark
    public long helloChecksumLoop(Retired retired) throws Exception {
        Domain d = builder.build(1, config, kernel);
        try {
            Vcpu v = d.vcpus().get(0).vcpu();
            HypercallAbi abi = d.isa().hypercallAbi();
            while (true) {
                VcpuExit exit = v.run(10_000_000);
                if (exit instanceof VcpuExit.Hypercall) {
                    long op = v.register(abi.opRegister());
                    if (op == 29 && v.register(abi.argumentRegisters().get(0)) == 2) break; // sched_op shutdown
                    v.setRegister(abi.resultRegister(), 0);
                } else if (!(exit instanceof VcpuExit.BudgetSpent)) {
                    throw new IllegalStateException(isa + ": unexpected exit " + exit);
                }
            }
            retired.instructions += v.retired();
            return v.retired();
        } finally {
            d.memory().close();
        }
    }
}
