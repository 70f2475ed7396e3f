package org.polyvisor.isa.ppc.platform;

import org.polyvisor.spi.platform.Device;

/**
 * The ePAPR spin tables (ePAPR 1.1, 5.5.2) of the secondary CPUs, one 32-byte entry per CPU at {@code 32 * cpu}:
 * entry_addr (64 bits, big-endian, 1 while the CPU spins), r3 (64 bits), a reserved word and PIR. The board puts
 * them in an MMIO window instead of RAM, so the release is seen: when the boot CPU writes the low word of
 * entry_addr with a value other than 1, {@link Release} starts that CPU at entry_addr with r3 from the table. Each
 * CPU is released once. Reads return what was written, entry_addr 1 before the release, and PIR the CPU number.
 */
public final class SpinTable implements Device {
    public static final int ENTRY = 32;

    /** Starts CPU {@code cpu} at {@code entry} with {@code r3}. */
    public interface Release {
        void start(int cpu, long entry, long r3);
    }

    private final int cpus;
    private final Release release;
    private final long[] words;
    private final boolean[] released;

    public SpinTable(int cpus, Release release) {
        this.cpus = cpus;
        this.release = release;
        this.words = new long[cpus * ENTRY / 4];
        this.released = new boolean[cpus];
        for (int c = 0; c < cpus; c++) {
            words[c * 8 + 1] = 1;   // entry_addr low word: still spinning
            words[c * 8 + 5] = c;   // PIR
        }
    }

    public long size() { return (long) cpus * ENTRY; }

    @Override
    public synchronized long read(long offset, int size) {
        if (size != 4 || (offset & 3) != 0 || offset >= (long) cpus * ENTRY) return 0;
        return words[(int) offset >>> 2] & 0xffff_ffffL;
    }

    @Override
    public void write(long offset, int size, long value) {
        if (size != 4 || (offset & 3) != 0 || offset >= (long) cpus * ENTRY) return;
        int cpu = (int) offset / ENTRY, word = ((int) offset % ENTRY) >>> 2;
        long entry, r3;
        synchronized (this) {
            if (word == 5) return;                               // PIR is read-only
            words[(int) offset >>> 2] = value & 0xffff_ffffL;
            if (word != 1 || value == 1 || cpu == 0 || released[cpu]) return;
            released[cpu] = true;
            entry = words[cpu * 8] << 32 | words[cpu * 8 + 1];
            r3 = words[cpu * 8 + 2] << 32 | words[cpu * 8 + 3];
        }
        release.start(cpu, entry, r3);
    }
}
