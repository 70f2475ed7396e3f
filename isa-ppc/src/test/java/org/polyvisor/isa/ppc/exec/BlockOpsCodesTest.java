package org.polyvisor.isa.ppc.exec;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packed codes' invariants the block runner relies on: every code (the int constants of {@link BlockOps}) is
 * distinct and below 64, since each case of {@code BlockRunner.runBlocks} makes its own zero as
 * {@code (op - its first label) & 0xc0}, which is 0 only for the codes from that label up to 63 above it.
 */
class BlockOpsCodesTest {
    @Test
    void codesAreDistinctAndBelow64() throws IllegalAccessException {
        Map<Integer, String> seen = new HashMap<>();
        for (Field f : BlockOps.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (f.getType() != int.class || !Modifier.isStatic(m) || !Modifier.isFinal(m)) continue;
            int code = f.getInt(null);
            assertTrue(code >= 0 && code < 64, "BlockOps." + f.getName() + " = " + code + ": expected 0..63");
            String other = seen.put(code, f.getName());
            assertEquals(null, other, "BlockOps." + f.getName() + " = " + code + " is also " + other);
        }
        assertTrue(seen.size() > 50, "expected the codes of BlockOps, found " + seen.size());
    }
}
