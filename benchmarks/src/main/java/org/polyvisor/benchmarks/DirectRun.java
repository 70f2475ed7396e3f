package org.polyvisor.benchmarks;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.polyvisor.kernel.config.ConfigException;
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
 * Boots a PV image with the kernel's domain builder and runs its vCPU 0 on the calling thread until it powers off:
 * no scheduler, no other domains, so the time is the interpreter's. The two hypercalls a benchmark image makes are
 * served here: {@code console_io(CONSOLEIO_write)} (the text is collected) and {@code sched_op(SCHEDOP_shutdown)}
 * (the end); any other hypercall returns -ENOSYS, any other exit is an error.
 */
public final class DirectRun implements AutoCloseable {
    private static final int CONSOLE_IO = 18, SCHED_OP = 29, CONSOLEIO_WRITE = 0, SCHEDOP_SHUTDOWN = 2, ENOSYS = 38;
    /** Instructions per run call: the kernel's chunk (VcpuRunner.CHUNK, 1 ms of virtual time), as a scheduled vCPU runs. */
    private static final int BUDGET = 1_000_000;
    /** Bytes kept of one console write, and of a whole run's console (the rest is dropped, as a full ring would). */
    private static final int WRITE_MAX = 4096, CONSOLE_MAX = 64 << 10;

    /**
     * What a run did: instructions retired by vCPU 0, console text, wall time and the running thread's CPU time in
     * nanoseconds (on a loaded machine the CPU time is the fairer measure of what one pCPU does).
     */
    public record Result(long retired, String console, long nanos, long cpuNanos) {
        /** Guest instructions per wall-clock second, in millions. */
        public double mips() { return retired * 1e3 / nanos; }

        /** Guest instructions per second of CPU time of the running thread, in millions. */
        public double cpuMips() { return cpuNanos <= 0 ? 0 : retired * 1e3 / cpuNanos; }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String isa;
    private final byte[] kernel;
    private final MachineMemory machine = new MachineMemory(256L << 20);
    private final DomainBuilder builder = new DomainBuilder(IsaCatalog.load(), machine, new HypervisorLog());
    private final DomainConfig config;

    /** A runner for {@code kernel} as a {@code memoryMiB} PV domain of {@code isa} with the command line {@code cmdline}. */
    public DirectRun(String isa, byte[] kernel, int memoryMiB, String cmdline) throws ConfigException {
        this.isa = isa;
        this.kernel = kernel;
        this.config = DomainConfig.parse("bench-" + isa, String.join("\n",
                "name = \"bench-" + isa + "\"", "type = \"pv\"", "isa = \"" + isa + "\"", "kernel = \"" + BenchImages.IMAGE + "\"",
                "memory = " + memoryMiB, "vcpus = 1", "cmdline = \"" + cmdline + "\"") + "\n", Path.of("."));
    }

    /** Builds the domain afresh and runs it to its poweroff. */
    public Result run() throws Exception {
        Domain d = builder.build(1, config, kernel);
        try {
            Vcpu v = d.vcpus().get(0).vcpu();
            HypercallAbi abi = d.isa().hypercallAbi();
            int op = abi.opRegister(), result = abi.resultRegister();
            int a0 = abi.argumentRegisters().get(0), a1 = abi.argumentRegisters().get(1), a2 = abi.argumentRegisters().get(2);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            long start = System.nanoTime(), cpuStart = THREADS.getCurrentThreadCpuTime();
            boolean poweredOff = false;
            while (!poweredOff) {
                VcpuExit exit = v.run(BUDGET);
                switch (exit) {
                    case VcpuExit.BudgetSpent _ -> { }
                    case VcpuExit.Hypercall _ -> {
                        long number = v.register(op), arg0 = v.register(a0);
                        if (number == SCHED_OP && arg0 == SCHEDOP_SHUTDOWN) {
                            poweredOff = true;
                        } else if (number == CONSOLE_IO && arg0 == CONSOLEIO_WRITE) {
                            long n = v.register(a1);
                            v.setRegister(result, write(d, v, v.register(a2), n < 0 || n > WRITE_MAX ? WRITE_MAX : (int) n, console));
                        } else {
                            v.setRegister(result, -ENOSYS);
                        }
                    }
                    case VcpuExit.PortIo _, VcpuExit.Mmio _, VcpuExit.Halt _, VcpuExit.Shutdown _, VcpuExit.Breakpoint _,
                         VcpuExit.Fault _ -> throw new IllegalStateException(isa + ": unexpected exit " + exit + " after "
                            + v.retired() + " instructions; console so far: " + console.toString(StandardCharsets.UTF_8));
                }
            }
            long nanos = System.nanoTime() - start, cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
            return new Result(v.retired(), console.toString(StandardCharsets.UTF_8), nanos, cpuNanos);
        } finally {
            d.memory().close();
        }
    }

    /**
     * Copies {@code count} bytes at guest-virtual {@code va} to {@code out}, byte by byte through the guest's MMU, up
     * to {@link #CONSOLE_MAX} bytes in all. Returns the count written, or -EFAULT.
     */
    private static long write(Domain d, Vcpu v, long va, int count, ByteArrayOutputStream out) {
        for (int i = 0; i < count; i++) {
            if (out.size() >= CONSOLE_MAX) return count;
            long gpa = v.translate(va + i, false);
            if (gpa < 0 || !d.memory().isRam(gpa, 1)) return -14; // -EFAULT
            out.write((int) d.memory().read(gpa, 1));
        }
        return count;
    }

    @Override
    public void close() { machine.close(); }
}
