package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.polyvisor.isa.x86.testing.PagingAccess;

/** Every leaf PTE flag combination × WP × NXE × user/supervisor × read/write/fetch, 32-bit and PAE paging. */
class PagingAccessTest {
    @ParameterizedTest
    @EnumSource(value = PagingAccess.Model.class, names = {"BITS32", "PAE"})
    void everyCombinationAgreesWithTheModel(PagingAccess.Model model) {
        int[] count = {0};
        List<String> failures = PagingAccess.run(new X86IsaProvider(), model, ProtectedModeTest::toRing3, ProtectedModeTest.TO_RING3_LENGTH, count);
        assertEquals(model == PagingAccess.Model.BITS32 ? 96 : 384, count[0]);
        assertTrue(failures.isEmpty(), failures.size() + " of " + count[0] + " differ:\n" + String.join("\n", failures));
    }
}
