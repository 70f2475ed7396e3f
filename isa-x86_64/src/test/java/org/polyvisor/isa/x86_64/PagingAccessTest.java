package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.PagingAccess;

/** Every leaf PTE flag combination × WP × NXE × user/supervisor × read/write/fetch under 4-level paging. */
class PagingAccessTest {
    @Test
    void everyCombinationAgreesWithTheModel() {
        int[] count = {0};
        List<String> failures = PagingAccess.run(new X86_64IsaProvider(), PagingAccess.Model.LEVEL4, LongModeSystemTest::toRing3, 17, count);
        assertEquals(384, count[0]);
        assertTrue(failures.isEmpty(), failures.size() + " of " + count[0] + " differ:\n" + String.join("\n", failures));
    }
}
