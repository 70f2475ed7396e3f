package org.polyvisor.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The ways a guest ends a test run: the test finisher, isa-debug-exit; and the 0xE9 console. */
class ExitDevicesTest {
    @ParameterizedTest(name = "finisher write 0x{0} -> {1}")
    @CsvSource({"5555, exit 0", "3333, exit 1", "00073333, exit 7", "7777, shutdown REBOOT"})
    void testFinisher(String value, String expected) {
        RecordingHost host = new RecordingHost();
        new TestFinisher(host).write(0, 4, Long.parseLong(value, 16));
        assertEquals(List.of(expected), host.events);
    }

    @Test
    void anUnknownFinisherValueIsLoggedAndIgnored() {
        RecordingHost host = new RecordingHost();
        new TestFinisher(host).write(0, 4, 0x1234);
        assertEquals(1, host.events.size());
        assertEquals(true, host.events.get(0).startsWith("log "));
    }

    @ParameterizedTest(name = "isa-debug-exit write {0} (size {1}) -> exit {2}")
    @CsvSource({"0, 1, 1", "1, 1, 3", "0x10, 4, 33", "0x1ff, 1, 511"})
    void isaDebugExit(String value, int size, int code) {
        RecordingHost host = new RecordingHost();
        new IsaDebugExit(host).write(0, size, Long.decode(value));
        assertEquals(List.of("exit " + code), host.events);
    }

    @Test
    void debugConsolePortEchoesAndIdentifiesItself() {
        RecordingHost host = new RecordingHost();
        DebugConsolePort port = new DebugConsolePort(host::consoleOutput);
        port.write(0, 1, 'x');
        assertEquals("x", host.console.toString());
        assertEquals(0xE9, port.read(0, 1));
    }
}
