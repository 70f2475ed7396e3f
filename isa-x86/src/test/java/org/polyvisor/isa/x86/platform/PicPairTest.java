package org.polyvisor.isa.x86.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.spi.platform.Device;

/**
 * The 8259A pair driven by scripts of port writes, IRQ line changes and acknowledge cycles. Steps, separated by ';':
 * {@code init} (ICW1-ICW4 to both chips: vectors 0x20/0x28, cascade on IRQ 2, 8086 mode, then all unmasked),
 * {@code out P V} (hex), {@code irq N 1|0}, {@code in P V} (expects the byte), {@code posted V|-} (the vector INTR
 * offers the CPU), {@code ack V} (the INTA cycle answers V), {@code owns V true|false} (whose acknowledge it is).
 */
class PicPairTest {
    private int posted = -1;

    private final PicPair pic = new PicPair(new InterruptPin() {
        @Override public void post(int vector) { posted = vector; }

        @Override public void withdraw(int vector) { if (posted == vector) posted = -1; }
    });

    private void port(int p, boolean write, int value, String step) {
        Device d = p >= 0x4D0 ? pic.elcr() : pic.ports(p >= 0xA0);
        int off = p & 1;
        if (write) d.write(off, 1, value);
        else assertEquals(value, (int) d.read(off, 1), step + ": in 0x" + Integer.toHexString(p));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "reset state masks everything | irq 1 1; posted -; in 21 ff",
            "IRQ 1 to vector 0x21, ISR after INTA, EOI | init; irq 1 1; posted 21; in 20 02; ack 21; posted -; out 20 0b; in 20 02; out 20 20; in 20 00",
            "vector base as programmed by ICW2 | out 20 11; out 21 f0; out 21 04; out 21 01; out 21 00; irq 3 1; ack f3",
            "masked line waits in IRR, unmasking posts it | init; out 21 08; irq 3 1; posted -; in 20 08; out 21 00; posted 23",
            "fixed priority: IRQ 0 beats IRQ 5 | init; irq 5 1; irq 0 1; posted 20; ack 20; posted -; out 20 20; posted 25; ack 25",
            "in-service IRQ 1 holds back IRQ 3, not IRQ 0 | init; irq 1 1; ack 21; irq 3 1; posted -; irq 0 1; posted 20; ack 20; out 20 20; posted -; out 20 20; posted 23",
            "slave IRQ 10 cascades through IRQ 2 | init; irq 10 1; posted 2a; ack 2a; out 20 0b; in 20 04; out a0 0b; in a0 04; out a0 20; out 20 20; in 20 00; in a0 00",
            "specific EOI ends the named level | init; irq 4 1; ack 24; irq 6 1; out 20 0b; in 20 10; out 20 66; in 20 10; out 20 64; in 20 00; posted 26",
            "edge request is taken once | init; irq 1 1; ack 21; out 20 20; posted -; irq 1 0; irq 1 1; posted 21",
            "request gone before INTA: spurious IRQ 7 | init; out 4d0 08; irq 3 1; posted 23; irq 3 0; posted -; ack 27; out 20 0b; in 20 00",
            "slave level request gone before INTA: spurious IRQ 7 | init; out 4d1 04; irq 10 1; irq 10 0; ack 27",
            "ICW1.LTIM: level requests stay while high | out 20 19; out 21 20; out 21 04; out 21 01; out 21 00; irq 5 1; ack 25; out 20 20; posted 25",
            "OCW3 poll command (INTA by a read) | init; irq 6 1; out 20 0c; in 20 86; posted -; out 20 0b; in 20 40",
            "ELCR reads back, IRQ 0-2 stay edge | out 4d0 ff; in 4d0 f8; out 4d1 ff; in 4d1 de",
            "IMR reads back through OCW1 | init; out 21 a5; in 21 a5; out a1 5a; in a1 5a",
            "the acknowledge of a posted vector belongs here | init; irq 5 1; owns 25 true; owns 99 false; owns 26 false",
            "so does that of a vector withdrawn as the CPU took it | init; irq 5 1; out 21 20; posted -; owns 25 true; ack 27",
            "after INTA nothing is owned | init; irq 5 1; ack 25; owns 25 false"})
    void script(String name, String script) {
        for (String step : script.split(";")) {
            String[] t = step.trim().split(" ");
            switch (t[0]) {
                case "init" -> {
                    int[][] seq = {{0x20, 0x11}, {0xA0, 0x11}, {0x21, 0x20}, {0xA1, 0x28}, {0x21, 4}, {0xA1, 2}, {0x21, 1}, {0xA1, 1}, {0x21, 0}, {0xA1, 0}};
                    for (int[] w : seq) port(w[0], true, w[1], step);
                }
                case "out" -> port(Integer.parseInt(t[1], 16), true, Integer.parseInt(t[2], 16), step);
                case "in" -> port(Integer.parseInt(t[1], 16), false, Integer.parseInt(t[2], 16), name + " / " + step);
                case "irq" -> pic.setLine(Integer.parseInt(t[1]), t[2].equals("1"));
                case "posted" -> assertEquals(t[1].equals("-") ? -1 : Integer.parseInt(t[1], 16), posted,
                        name + " / " + step + ": " + pic.describe());
                case "owns" -> assertEquals(Boolean.parseBoolean(t[2]), pic.owns(Integer.parseInt(t[1], 16)), name + " / " + step);
                case "ack" -> {  // the CPU takes the posted vector, then runs the INTA cycle
                    posted = -1;
                    assertEquals(Integer.parseInt(t[1], 16), pic.acknowledge(), name + " / " + step + ": " + pic.describe());
                }
                default -> throw new IllegalArgumentException(step);
            }
        }
    }
}
