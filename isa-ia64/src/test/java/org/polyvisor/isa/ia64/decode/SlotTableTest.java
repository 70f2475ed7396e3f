package org.polyvisor.isa.ia64.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decode table is unambiguous (no slot matches two patterns of a unit) and covers every template. */
class SlotTableTest {

    @Test
    void noTwoPatternsOfAUnitOverlap() {
        List<Pattern> all = SlotTable.INSTANCE.patterns();
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < all.size(); i++)
            for (int j = i + 1; j < all.size(); j++) {
                Pattern p = all.get(i), q = all.get(j);
                if (p.unit() == q.unit() && ((p.match() ^ q.match()) & p.mask() & q.mask()) == 0)
                    overlaps.add("ia64 " + p.unit() + ": " + p.name() + " / " + q.name());
            }
        assertTrue(overlaps.isEmpty(), String.join("\n", overlaps));
    }

    @Test
    void reservedTemplatesAreExactlyTheManualsEight() {
        List<Integer> reserved = new ArrayList<>();
        for (int t = 0; t < 32; t++) if (Template.of(t).reserved()) reserved.add(t);
        assertEquals(List.of(0x06, 0x07, 0x14, 0x15, 0x1a, 0x1b, 0x1e, 0x1f), reserved);
        assertEquals("MLX", Template.of(5).objdumpName());
        assertTrue(Template.of(0x0a).stopAfter(0) && !Template.of(0x0a).stopAfter(2));
    }
}
