package org.polyvisor.isa.x86.testing;

import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.ArrayList;
import java.util.List;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * The access test of kvm-unit-tests (x86/access.c) in small: for every combination of leaf PTE flags (P, R/W, U/S
 * and, with eight-byte entries, NX) × CR0.WP × EFER.NXE × user/supervisor × read/write/fetch, a guest maps
 * {@link #VA} with those flags, makes the access, and the outcome (no fault, or #PF with its error code and CR2,
 * and the A/D bits) is compared with {@link #expectedError}, a model written from the SDM (Vol. 3, 4.6 and 4.7).
 */
public final class PagingAccess {
    private PagingAccess() { }

    /** The paging models. */
    public enum Model { BITS32, PAE, LEVEL4 }

    public static final long VA = 0x40_0000, FRAME = 0x8_0000, TABLES = 0x2_0000;
    static final int READ = 0, WRITE = 1, FETCH = 2;
    static final String[] ACCESS = {"read", "write", "fetch"};
    static final long P = 1, RW = 2, US = 4, A = 0x20, D = 0x40, NX = 1L << 63;

    /**
     * The #PF error code the model predicts, or -1 for no fault. NX in an entry while EFER.NXE = 0 is a reserved
     * bit; I/D is reported only where NX exists and is enabled.
     */
    static int expectedError(Model model, long pte, boolean wp, boolean nxe, boolean user, int access) {
        boolean nxOn = model != Model.BITS32 && nxe;
        int bits = (access == WRITE ? 2 : 0) | (user ? 4 : 0) | (access == FETCH && nxOn ? 16 : 0);
        if ((pte & P) == 0) return bits;
        if ((pte & NX) != 0 && !nxOn) return bits | 1 | 8;
        boolean ok = (!user || (pte & US) != 0) && (access != WRITE || (pte & RW) != 0 || (!user && !wp))
                && (access != FETCH || (pte & NX) == 0);
        return ok ? -1 : bits | 1;
    }

    /** Guest code that builds nothing (the test writes the tables) and turns paging on for {@code model}. */
    public static String enablePaging(Model model, boolean wp, boolean nxe) {
        StringBuilder b = new StringBuilder();
        b.append("b8").append(le32(TABLES)).append("0f22d8");                                     // mov $root,%eax; mov %eax,%cr3
        long cr4 = model == Model.BITS32 ? 0x10 : 0x20;                                           // PSE, or PAE
        b.append("b8").append(le32(cr4)).append("0f22e0");
        long efer = (model == Model.LEVEL4 ? 0x500 : 0) | (nxe ? 0x800 : 0);
        b.append("b9").append(le32(0xC000_0080L)).append("b8").append(le32(efer)).append("31d2").append("0f30");
        b.append("0f20c0").append("0d").append(le32(0x8000_0000L | (wp ? 0x1_0000 : 0))).append("0f22c0");
        return b.toString();
    }

    public static String le32(long v) {
        return String.format("%02x%02x%02x%02x", v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF, (v >> 24) & 0xFF);
    }

    /** Identity-maps the first 2 MiB with P|RW|US 4 KiB pages and maps {@link #VA} to {@link #FRAME} with {@code pte}. */
    public static void writeTables(Machine m, Model model, long pte) {
        switch (model) {
            case BITS32 -> {
                m.memory.write(TABLES, 4, (TABLES + 0x1000) | 7);
                m.memory.write(TABLES + 4, 4, (TABLES + 0x2000) | 7);
                for (int i = 0; i < 512; i++) m.memory.write(TABLES + 0x1000 + 4L * i, 4, (0x1000L * i) | 7);
                m.memory.write(TABLES + 0x2000, 4, FRAME | pte);
            }
            case PAE -> {
                m.memory.write(TABLES, 8, (TABLES + 0x1000) | 1);
                m.memory.write(TABLES + 0x1000, 8, (TABLES + 0x2000) | 7);
                m.memory.write(TABLES + 0x1000 + 16, 8, (TABLES + 0x3000) | 7);
                for (int i = 0; i < 512; i++) m.memory.write(TABLES + 0x2000 + 8L * i, 8, (0x1000L * i) | 7);
                m.memory.write(TABLES + 0x3000, 8, FRAME | pte);
            }
            case LEVEL4 -> {
                m.memory.write(TABLES, 8, (TABLES + 0x1000) | 7);
                m.memory.write(TABLES + 0x1000, 8, (TABLES + 0x2000) | 7);
                m.memory.write(TABLES + 0x2000, 8, (TABLES + 0x3000) | 7);
                m.memory.write(TABLES + 0x2000 + 16, 8, (TABLES + 0x4000) | 7);
                for (int i = 0; i < 512; i++) m.memory.write(TABLES + 0x3000 + 8L * i, 8, (0x1000L * i) | 7);
                m.memory.write(TABLES + 0x4000, 8, FRAME | pte);
            }
        }
    }

    static long leafAddress(Model model) {
        return switch (model) { case BITS32 -> TABLES + 0x2000; case PAE -> TABLES + 0x3000; case LEVEL4 -> TABLES + 0x4000; };
    }

    /**
     * Runs every combination for {@code model} on {@code isa} and returns the rows that disagree with the model
     * (empty when all agree). {@code toRing3} makes the guest code that enters ring 3 at the address it is given,
     * {@code toRing3Length} bytes long.
     */
    public static List<String> run(IsaProvider isa, Model model, java.util.function.LongFunction<String> toRing3,
            int toRing3Length, int[] count) {
        List<String> failures = new ArrayList<>();
        boolean longMode = model == Model.LEVEL4;
        int flagCombos = model == Model.BITS32 ? 8 : 16;
        String[] accessCode = {"8b00", "8900", "ffe0"};
        for (int combo = 0; combo < flagCombos; combo++) {
            long pte = (combo & 7) | ((combo & 8) != 0 ? NX : 0);
            for (int wpNxe = 0; wpNxe < (model == Model.BITS32 ? 2 : 4); wpNxe++) {
                boolean wp = (wpNxe & 1) != 0, nxe = (wpNxe & 2) != 0;
                for (int u = 0; u < 2; u++) {
                    boolean user = u == 1;
                    for (int access = 0; access < 3; access++) {
                        count[0]++;
                        String head = PROLOGUE + enablePaging(model, wp, nxe);
                        long userAt = Machine.CODE + head.length() / 2 + toRing3Length;
                        String code = head + (user ? toRing3.apply(userAt) : "")
                                + "b8" + le32(VA) + accessCode[access] + "f4";
                        String what = isa.id() + " " + model + " pte=0x" + Long.toHexString(pte) + (wp ? " WP" : "")
                                + (nxe ? " NXE" : "") + (user ? " user " : " supervisor ") + ACCESS[access];
                        try (Machine m = new Machine(isa, code)) {
                            SystemTables.install(m, longMode);
                            writeTables(m, model, pte);
                            m.memory.write(FRAME, 1, 0xF4);
                            VcpuExit exit = m.cpu.run(200);
                            int expected = expectedError(model, pte, wp, nxe, user, access);
                            long pc = m.cpu.pc();
                            boolean pf = exit == VcpuExit.HALT && pc == handler(14) + 1;
                            String actual;
                            if (pf) {
                                long sp = m.cpu.register(m.reg(longMode ? "rsp" : "esp"));
                                actual = "#PF 0x" + Long.toHexString(m.memory.read(sp, longMode ? 8 : 4))
                                        + " cr2=0x" + Long.toHexString(m.cpu.register(m.reg("cr2")));
                            } else if (exit == VcpuExit.HALT) {
                                actual = "no fault";
                                long leaf = m.memory.read(leafAddress(model), 4);
                                boolean aOk = (leaf & A) != 0, dOk = ((leaf & D) != 0) == (access == WRITE);
                                if (!aOk || !dOk) actual += " but A/D = " + ((leaf >> 5) & 3);
                            } else {
                                actual = "exit " + exit;
                            }
                            String want = expected < 0 ? "no fault" : "#PF 0x" + Integer.toHexString(expected) + " cr2=0x" + Long.toHexString(VA);
                            if (!want.equals(actual)) failures.add(what + ": expected " + want + ", actual " + actual);
                        }
                    }
                }
            }
        }
        return failures;
    }
}
