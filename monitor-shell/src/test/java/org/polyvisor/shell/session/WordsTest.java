package org.polyvisor.shell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void splitsLikeAShell() {
        assertEquals(List.of("create", "my file.cfg"), Words.split("  create 'my file.cfg' "));
        assertEquals(List.of("a b", "c\"d", "e f"), Words.split("\"a b\" \"c\\\"d\" e\\ f"));
        assertEquals(List.of(""), Words.split("''"));
        assertEquals(List.of(), Words.split("   "));
        assertThrows(IllegalArgumentException.class, () -> Words.split("x \"y"));
    }
}
