package org.polyvisor.kernel.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console ring behind XEN_SYSCTL_readconsole: Xen's read_console_ring semantics, before and after it wraps. */
class HypervisorLogTest {
    private static String text(HypervisorLog.RingRead r) { return new String(r.bytes(), StandardCharsets.ISO_8859_1); }

    private record Row(String name, boolean clear, boolean incremental, int index, int max, String expected) { }

    @Test
    void readsClearsAndReadsIncrementallyAsXen() {
        HypervisorLog log = new HypervisorLog();
        log.xen("one");   // "(XEN) one\n" = bytes 0..9
        log.xen("two");   // bytes 10..19
        List<Row> rows = List.of(
            new Row("everything", false, false, 0, 100, "(XEN) one\n(XEN) two\n@20"),
            new Row("at most 4 bytes", false, false, 0, 4, "(XEN@4"),
            new Row("incremental from 10", false, true, 10, 100, "(XEN) two\n@20"),
            new Row("incremental from the producer: nothing new", false, true, 20, 100, "@20"),
            new Row("incremental from 0 (not after the consumer): from the consumer", false, true, 0, 100, "(XEN) one\n(XEN) two\n@20"),
            new Row("incremental from beyond the producer: from the consumer", false, true, 99, 100, "(XEN) one\n(XEN) two\n@20"),
            new Row("read 10 and clear", true, false, 0, 10, "(XEN) one\n@10"),
            new Row("after the clear", false, false, 0, 100, "(XEN) two\n@20"),
            new Row("clear the rest", true, false, 0, 100, "(XEN) two\n@20"),
            new Row("empty", false, false, 0, 100, "@20"));
        for (Row r : rows) {
            HypervisorLog.RingRead got = log.readRing(r.clear(), r.incremental(), r.index(), r.max());
            assertEquals(r.expected(), text(got) + "@" + got.nextIndex(), r.name());
        }
    }

    @Test
    void aWrappedRingKeepsTheNewestSixteenKiB() {
        HypervisorLog log = new HypervisorLog();
        String line = "x".repeat(92);                        // 100 bytes a line with "(XEN) " and '\n'
        for (int i = 0; i < 200; i++) log.xen(line + (i % 10));
        HypervisorLog.RingRead all = log.readRing(false, false, 0, 1 << 20);
        assertEquals(HypervisorLog.CONRING_SIZE, all.bytes().length, "the ring holds 16 KiB");
        assertEquals(20_000, all.nextIndex(), "the producer index counts every byte written");
        String t = text(all);
        assertEquals("(XEN) " + line + "9\n", t.substring(t.length() - 100), "the newest line is last");
        HypervisorLog.RingRead stale = log.readRing(false, true, 100, 50);
        assertEquals(20_000 - HypervisorLog.CONRING_SIZE + 50, stale.nextIndex(), "an index overwritten since reads from the consumer");
    }
}
