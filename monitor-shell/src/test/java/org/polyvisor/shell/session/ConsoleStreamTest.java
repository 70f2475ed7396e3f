package org.polyvisor.shell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.polyvisor.kernel.console.ConsoleBuffer;

/** History then live output, each byte once, also while a guest is writing. */
@SuppressWarnings("try")
class ConsoleStreamTest {
    private static byte[] b(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    @Test
    void historyThenLive() {
        ConsoleBuffer c = new ConsoleBuffer();
        c.write(b("abc"));
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        try (ConsoleStream s = ConsoleStream.open(c, seen::writeBytes)) {
            c.write(b("def"));
        }
        c.write(b("ghi"));
        assertEquals("abcdef", seen.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void eachByteOnceWhileAWriterRuns() throws Exception {
        for (int round = 0; round < 20; round++) {
            ConsoleBuffer c = new ConsoleBuffer();
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 2000; i++) expected.append(i).append('\n');
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2000; i++) c.write(b(i + "\n"));
            });
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            Thread.sleep(round % 3);
            try (ConsoleStream s = ConsoleStream.open(c, seen::writeBytes)) {
                writer.join();
            }
            assertEquals(expected.toString(), seen.toString(StandardCharsets.US_ASCII), "round " + round);
        }
    }
}
