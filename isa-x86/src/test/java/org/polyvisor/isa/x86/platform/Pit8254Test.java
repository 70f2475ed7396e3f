package org.polyvisor.isa.x86.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.spi.platform.Device;

/**
 * The 8254 on a settable clock. Steps: {@code t NS} (virtual time), {@code out P V} and {@code in P V} (hex ports
 * 0x40-0x43 and 0x61), {@code poll} (the board's timer poll), {@code edges N} (rising edges on IRQ 0 so far),
 * {@code deadline NS|-} (when IRQ 0 next fires).
 */
class Pit8254Test {
    private long now;
    private int edges;
    private boolean level;
    private final Pit8254 pit = new Pit8254(() -> now, high -> {
        if (high && !level) edges++;
        level = high;
    });

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // 1193 ticks = 999,848 ns; a tick is 838.1 ns.
            "mode 2, LSB then MSB, counts down from the load | out 43 34; out 40 a9; out 40 04; t 0; out 43 00; in 40 a9; in 40 04; t 83810; out 43 00; in 40 45; in 40 04",
            "mode 2 fires once a period | t 1000; out 43 34; out 40 a9; out 40 04; deadline 1000848; t 1000847; poll; edges 0; t 1000848; poll; edges 1; poll; edges 1; deadline 2000695",
            "missed periods coalesce | out 43 34; out 40 a9; out 40 04; t 5000000; poll; edges 1; deadline 5999085",
            "mode 3 square wave fires once a period and counts by two | out 43 36; out 40 e8; out 40 03; t 1676; poll; edges 0; out 43 00; in 40 e6; in 40 03; t 838096; poll; edges 1",
            "mode 0 fires once at terminal count | out 43 30; out 40 64; out 40 00; deadline 83810; t 83810; poll; edges 1; deadline -; t 9000000; poll; edges 1",
            "LSB-only access | out 43 14; out 40 10; t 0; in 40 10; in 40 10",
            "MSB-only access | out 43 24; out 40 02; in 40 02; in 40 02",
            "count 0 is 65536 | out 43 34; out 40 00; out 40 00; deadline 54925402",
            "latch holds the count while time passes | out 43 34; out 40 a9; out 40 04; t 1000; out 43 00; t 500000; in 40 a8; in 40 04",
            "read-back: status then count | out 43 34; out 40 a9; out 40 04; out 43 c2; in 40 b4; in 40 a9; in 40 04",
            "read-back status before the count is written: null count | out 43 34; out 43 e2; in 40 f4",
            "no interrupt before the count is written | out 43 34; t 99999999; poll; edges 0; deadline -",
            "port 0x61 gives counter 2's OUT and the gate bits | out 61 03; out 43 b6; out 42 e8; out 42 03; in 61 23; t 420000; in 61 03",
            "counter 2 does not drive IRQ 0 | out 43 b4; out 42 02; out 42 00; t 9000; poll; edges 0"})
    void script(String name, String script) {
        Device ports = pit.ports(), portB = pit.portB();
        for (String step : script.split(";")) {
            String[] t = step.trim().split(" ");
            switch (t[0]) {
                case "t" -> now = Long.parseLong(t[1]);
                case "out" -> {
                    int p = Integer.parseInt(t[1], 16);
                    (p == 0x61 ? portB : ports).write(p == 0x61 ? 0 : p - 0x40, 1, Integer.parseInt(t[2], 16));
                }
                case "in" -> {
                    int p = Integer.parseInt(t[1], 16);
                    long v = (p == 0x61 ? portB : ports).read(p == 0x61 ? 0 : p - 0x40, 1);
                    if (p == 0x61) v &= ~0x10L;  // the refresh toggle depends on the time; not checked here
                    assertEquals(Integer.parseInt(t[2], 16), v, name + " / " + step);
                }
                case "poll" -> pit.poll();
                case "edges" -> assertEquals(Integer.parseInt(t[1]), edges, name + " / " + step);
                case "deadline" -> assertEquals(t[1].equals("-") ? -1 : Long.parseLong(t[1]), pit.nextDeadline(), name + " / " + step);
                default -> throw new IllegalArgumentException(step);
            }
        }
    }
}
