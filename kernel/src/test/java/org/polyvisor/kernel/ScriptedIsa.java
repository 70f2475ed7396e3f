package org.polyvisor.kernel;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.polyvisor.spi.BootProtocol;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.Disassembly;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.HypercallAbi;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.Register;
import org.polyvisor.spi.RegisterSet;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;

/**
 * A test ISA whose vCPU runs a script of steps instead of instructions: each step may touch registers and memory
 * and returns the exit the kernel must handle. After the script, the vCPU spins (spends its budget) forever.
 * Registers: r0 = hypercall op, r1..r5 = arguments, r6 = result, r7 = start_info pointer.
 */
public final class ScriptedIsa implements IsaProvider {
    public static final int MACHINE = 0x5C;
    /** Xen's arch_0 hypercall number, which the scripted vCPU answers itself (Vcpu.archHypercall). */
    public static final int ARCH_0 = 48;
    /** __HYPERVISOR_iret, which the scripted vCPU answers as x86 PV does: pc from args[0], the result args[1]. */
    public static final int IRET = 23;
    private final List<Function<ScriptedVcpu, VcpuExit>> script;
    private final int wordBits;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    @SafeVarargs
    public ScriptedIsa(int wordBits, Function<ScriptedVcpu, VcpuExit>... steps) {
        this.wordBits = wordBits;
        this.script = List.of(steps);
    }

    /** The same ISA, big-endian (ppc-like). */
    public ScriptedIsa bigEndian() {
        order = ByteOrder.BIG_ENDIAN;
        return this;
    }

    private boolean guestContext;

    /**
     * The same ISA with a vcpu_guest_context: r0..r7 then pc as words of the ISA's size and order; a context whose pc
     * is 0 is refused (no entry point).
     */
    public ScriptedIsa withGuestContext() {
        guestContext = true;
        return this;
    }

    @Override
    public java.util.Optional<org.polyvisor.spi.GuestContext> guestContext() {
        if (!guestContext) return java.util.Optional.empty();
        int word = wordBits / 8;
        return java.util.Optional.of(new org.polyvisor.spi.GuestContext() {
            @Override public int size() { return 9 * word; }

            @Override public String load(byte[] context, Vcpu vcpu) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(context).order(order);
                long pc = word == 8 ? b.getLong(8 * word) : b.getInt(8 * word) & 0xFFFF_FFFFL;
                if (pc == 0) return "no entry point (pc 0)";
                for (int i = 0; i < 9; i++) vcpu.setRegister(i, word == 8 ? b.getLong(i * word) : b.getInt(i * word) & 0xFFFF_FFFFL);
                return null;
            }

            @Override public byte[] store(Vcpu vcpu) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(9 * word).order(order);
                for (int i = 0; i < 9; i++) {
                    if (word == 8) b.putLong(i * word, vcpu.register(i));
                    else b.putInt(i * word, (int) vcpu.register(i));
                }
                return b.array();
            }
        });
    }

    public byte[] elf() { return TestElf.build(MACHINE, elfClass(), byteOrder(), 0x10000, new byte[64], 0); }

    @Override public String id() { return "scripted"; }
    @Override public String description() { return "a scripted test ISA"; }
    @Override public int wordBits() { return wordBits; }
    @Override public ByteOrder byteOrder() { return order; }
    @Override public int elfMachine() { return MACHINE; }
    @Override public int elfClass() { return wordBits == 64 ? 2 : 1; }

    @Override
    public RegisterSet registers() {
        List<Register> r = new ArrayList<>();
        for (int i = 0; i < 8; i++) r.add(new Register("r" + i, i, wordBits));
        r.add(new Register("pc", 8, wordBits));
        return new RegisterSet(r, "pc");
    }

    @Override public Vcpu createVcpu(VcpuConfig config) { return new ScriptedVcpu(config, script, wordBits); }

    @Override public Disassembler disassembler() { return (code, off, addr) -> Disassembly.of(1, addr, "\t.byte 0x" + Integer.toHexString(code[off] & 0xff)); }

    @Override public BootProtocol bootProtocol() { return (v, info) -> { v.setPc(info.entry()); v.setRegister(7, info.startInfo()); }; }

    @Override public HypercallAbi hypercallAbi() { return new HypercallAbi("script", 0, List.of(1, 2, 3, 4, 5), 6); }

    /** The scripted vCPU. Steps run on pCPU threads. */
    public static final class ScriptedVcpu implements Vcpu {
        public final long[] regs = new long[9];
        public final GuestMemory memory;
        private final List<Function<ScriptedVcpu, VcpuExit>> script;
        private final int id;
        private final int wordBits;
        private int next;
        private long retired;
        private boolean again;

        private final org.polyvisor.spi.VirtualClock clock;

        ScriptedVcpu(VcpuConfig config, List<Function<ScriptedVcpu, VcpuExit>> script, int wordBits) {
            this.clock = config.clock();
            this.wordBits = wordBits;
            this.memory = config.memory();
            this.script = script;
            this.id = config.vcpuId();
        }

        /** Where the kernel last said this vCPU's vcpu_info moved ({@link Vcpu#vcpuInfoMoved}), -1 for never. */
        public volatile long vcpuInfoMovedTo = -1;

        @Override public void vcpuInfoMoved(long address) { vcpuInfoMovedTo = address; }

        /** Runs the current step again next time (a guest waiting for something): returns BUDGET_SPENT. */
        public VcpuExit repeat() {
            again = true;
            return VcpuExit.BUDGET_SPENT;
        }

        /** Guest-physical address of shared_info, from start_info. */
        public long sharedInfo() { return memory.read(regs[7] + (wordBits == 64 ? 40 : 36), wordBits / 8); }

        /** Sets up a hypercall: op and arguments. */
        public VcpuExit hypercall(long op, long... args) {
            regs[0] = op;
            for (int i = 0; i < args.length; i++) regs[1 + i] = args[i];
            return VcpuExit.HYPERCALL;
        }

        public long result() { return regs[6]; }

        /** The guest word in bytes, 4 or 8. */
        public int wordBytes() { return wordBits / 8; }

        /** The domain id that the domain builder put first in start_info's cmd_line ("domid=N"). */
        public int domid() {
            byte[] b = new byte[16];
            memory.readBytes(regs[7] + (wordBits == 64 ? 128 : 80), b, 0, 16);
            String s = new String(b, java.nio.charset.StandardCharsets.US_ASCII);
            return Integer.parseInt(s.substring(6).split("[ \\u0000]")[0]);
        }

        @Override public int id() { return id; }

        @Override
        public VcpuExit run(long budget) {
            if (next < script.size()) {
                retired++;
                VcpuExit e = script.get(next).apply(this);
                if (!again) next++;
                again = false;
                return e;
            }
            retired += budget;
            return VcpuExit.BUDGET_SPENT;
        }

        @Override public long retired() { return retired; }

        /**
         * The scripted ISA's own hypercalls: arch_0 (48) answers its first argument plus one, arch_1 (49) the domain's
         * virtual time; nothing else is its.
         */
        @Override
        public long archHypercall(long op, long[] args) {
            if (op == ARCH_0) return args[0] + 1;
            if (op == ARCH_0 + 1) return clock.nanos();
            if (op == IRET) {                       // as x86 PV's iret: the frame's registers, the restored result
                regs[8] = args[0];
                return args[1];
            }
            return NOT_ARCH;
        }

        /** How many event upcalls the kernel raised on this vCPU. */
        public final java.util.concurrent.atomic.AtomicInteger upcalls = new java.util.concurrent.atomic.AtomicInteger();

        @Override public void raiseEventUpcall() { upcalls.incrementAndGet(); }

        /** Interrupt lines (vectors) the kernel raised on this vCPU. */
        public final java.util.List<Integer> interrupts = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override public void raiseInterrupt(int line) { interrupts.add(line); }
        @Override public long pc() { return regs[8]; }
        @Override public void setPc(long pc) { regs[8] = pc; }
        @Override public long register(int n) { return regs[n]; }
        @Override public void setRegister(int n, long v) { regs[n] = v; }
        @Override public long translate(long va, boolean write) { return va; }

        @Override
        public VcpuState save() {
            Map<String, Long> m = new LinkedHashMap<>();
            for (int i = 0; i < regs.length; i++) m.put(i == 8 ? "pc" : "r" + i, regs[i]);
            return new VcpuState("scripted", m, null);
        }

        @Override public void restore(VcpuState s) { }
    }
}
