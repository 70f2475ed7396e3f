package org.polyvisor.isa.ppc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyvisor.isa.ppc.PpcRegisters.CR;
import static org.polyvisor.isa.ppc.PpcRegisters.XER;

/**
 * Replays the semantics vectors recorded under qemu-ppc (conformance/qemu: harness.c, stub.S, generate.sh): each
 * instruction runs once with r5, r6, r7, XER and CR as recorded, and the five must end as QEMU left them. This
 * includes the results the architecture leaves undefined (divide by zero, divw of 0x80000000 by -1), as QEMU
 * gives them.
 */
class PpcSemanticsVectorTest {
    private static final long CODE = 0x1000;
    private static final int[] REGS = {5, 6, 7, XER, CR};
    private static final String[] NAMES = {"r5", "r6", "r7", "xer", "cr"};

    @Test
    void everyRecordedCaseMatchesQemu() throws IOException {
        List<long[]> cases = load();
        assertTrue(cases.size() >= 10_000, "ppc: at least 10,000 vectors, found " + cases.size());
        FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, (int) ((CODE + 4L * cases.size() + 8191) & ~4095L));
        for (int k = 0; k < cases.size(); k++) mem.write(CODE + 4L * k, 4, cases.get(k)[0]);
        Vcpu v = new PpcIsaProvider().createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> 0));
        List<String> failures = new ArrayList<>();
        for (int k = 0; k < cases.size(); k++) {
            long[] c = cases.get(k);
            v.setPc(CODE + 4L * k);
            for (int r = 0; r < 5; r++) v.setRegister(REGS[r], c[1 + r]);
            VcpuExit exit = v.run(1);
            StringBuilder diff = new StringBuilder();
            if (exit != VcpuExit.BUDGET_SPENT) diff.append(" exit ").append(exit);
            for (int r = 0; r < 5; r++) {
                long actual = v.register(REGS[r]);
                if (actual != c[6 + r])
                    diff.append(String.format(" %s expected %08x actual %08x", NAMES[r], c[6 + r], actual));
            }
            if (!diff.isEmpty() && failures.size() < 25)
                failures.add(String.format("ppc %08x (r5=%08x r6=%08x r7=%08x xer=%08x cr=%08x):%s",
                        c[0], c[1], c[2], c[3], c[4], c[5], diff));
            else if (!diff.isEmpty()) failures.add("");
        }
        assertEquals(0, failures.size(), failures.size() + " of " + cases.size() + " vectors differ from qemu-ppc:\n"
                + String.join("\n", failures.subList(0, Math.min(25, failures.size()))));
    }

    private static List<long[]> load() throws IOException {
        List<long[]> out = new ArrayList<>();
        try (InputStream raw = PpcSemanticsVectorTest.class.getResourceAsStream("/conformance/qemu/vectors.txt.gz")) {
            if (raw == null) throw new IOException("missing test resource conformance/qemu/vectors.txt.gz");
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.replace(" : ", " ").split(" ");
                long[] c = new long[11];
                for (int i = 0; i < 11; i++) c[i] = Long.parseLong(f[i], 16);
                out.add(c);
            }
        }
        return out;
    }
}
