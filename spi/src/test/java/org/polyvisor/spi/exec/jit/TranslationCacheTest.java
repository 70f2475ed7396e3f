package org.polyvisor.spi.exec.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The shared translation cache: keyed by content, bounded (least recently used out), one translation per key. */
class TranslationCacheTest {
    private static CodeKey key(int... words) { return CodeKey.of(words, 0); }

    @Test
    void keysAreTheirContent() {
        int[] words = {0x91000421, 0xd65f03c0};
        CodeKey a = key(words);
        words[0] = 0; // the key copied the words
        assertEquals(key(0x91000421, 0xd65f03c0), a, "same words, same key");
        assertEquals(key(0x91000421, 0xd65f03c0).hashCode(), a.hashCode(), "same words, same hash");
        assertNotEquals(key(0x91000421), a, "a prefix is another key");
        assertNotEquals(CodeKey.of(new int[] {0x91000421, 0xd65f03c0}, 1), a, "another mode is another key");
        assertThrows(IllegalArgumentException.class, () -> CodeKey.of(new int[0], 0), "an empty block has no key");
    }

    @Test
    void aHitReturnsTheSameTranslationWithoutTranslating() {
        TranslationCache<String> cache = new TranslationCache<>(4);
        AtomicInteger translations = new AtomicInteger();
        String first = cache.get(key(1, 2), k -> "t" + translations.incrementAndGet());
        String second = cache.get(key(1, 2), k -> "t" + translations.incrementAndGet());
        assertSame(first, second, "the second look-up's translation");
        assertEquals(1, translations.get(), "translations made");
        TranslationCache.Stats s = cache.stats();
        assertEquals(1, s.hits(), "hits");
        assertEquals(1, s.misses(), "misses");
        assertEquals(1, s.size(), "size");
    }

    @Test
    void untranslatableCodeIsNotCached() {
        TranslationCache<String> cache = new TranslationCache<>(4);
        assertNull(cache.get(key(7), k -> null), "no translation");
        assertNull(cache.peek(key(7)), "nothing cached");
        assertEquals(0, cache.stats().size(), "size");
    }

    @Test
    void aFullCacheEvictsTheLeastRecentlyUsed() {
        TranslationCache<String> cache = new TranslationCache<>(2);
        cache.get(key(1), k -> "one");
        cache.get(key(2), k -> "two");
        cache.get(key(1), k -> "again"); // 1 is now the most recently used
        cache.get(key(3), k -> "three");
        assertEquals("one", cache.peek(key(1)), "key 1 (used last) stays");
        assertNull(cache.peek(key(2)), "key 2 (least recently used) is evicted");
        assertEquals("three", cache.peek(key(3)), "key 3");
        TranslationCache.Stats s = cache.stats();
        assertEquals(2, s.size(), "size at capacity");
        assertEquals(1, s.evictions(), "evictions");
        assertThrows(IllegalArgumentException.class, () -> new TranslationCache<String>(0), "capacity 0");
    }

    @Test
    void vcpusRacingForOneBlockGetOneTranslation() throws InterruptedException {
        TranslationCache<Object> cache = new TranslationCache<>(16);
        AtomicInteger translations = new AtomicInteger();
        Object[] seen = new Object[4];
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[seen.length];
        for (int t = 0; t < threads.length; t++) {
            int i = t;
            threads[t] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                seen[i] = cache.get(key(42, 43), k -> {
                    translations.incrementAndGet();
                    return new Object();
                });
            });
            threads[t].start();
        }
        go.countDown();
        for (Thread t : threads) t.join();
        assertEquals(1, translations.get(), "translations made");
        for (int t = 1; t < seen.length; t++) assertSame(seen[0], seen[t], "thread " + t + "'s translation");
    }
}
