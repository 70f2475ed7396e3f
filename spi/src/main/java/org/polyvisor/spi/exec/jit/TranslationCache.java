package org.polyvisor.spi.exec.jit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Translations by {@link CodeKey}, bounded, least recently used first out, safe to share between vCPU threads. It is
 * consulted only when a block becomes hot (once per decoded block), never on the execution path, so one lock is
 * enough. An evicted translation stays valid where it is already linked; it is only no longer found here, and its
 * class can be unloaded once no decoded block links it.
 *
 * @param <T> what a translation is (the ISA's interface to its translated code)
 */
public final class TranslationCache<T> {
    private final int capacity;
    private final LinkedHashMap<CodeKey, T> entries;
    private long hits, misses, evictions, translationNanos;

    public TranslationCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("translation cache capacity must be positive: " + capacity);
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CodeKey, T> eldest) {
                if (size() <= TranslationCache.this.capacity) return false;
                evictions++;
                return true;
            }
        };
    }

    /**
     * The translation of {@code key}: the cached one, else {@code translate}'s (null when the code cannot be
     * translated; nothing is cached then). Translation runs under the lock, so two vCPUs never translate the same
     * block twice.
     */
    public synchronized T get(CodeKey key, Function<CodeKey, T> translate) {
        T t = entries.get(key);
        if (t != null) {
            hits++;
            return t;
        }
        misses++;
        long begin = System.nanoTime();
        t = translate.apply(key);
        translationNanos += System.nanoTime() - begin;
        if (t != null) entries.put(key, t);
        return t;
    }

    /** The cached translation of {@code key} without translating, or null. */
    public synchronized T peek(CodeKey key) { return entries.get(key); }

    /** A snapshot of the cache's counters. */
    public synchronized Stats stats() {
        return new Stats(entries.size(), capacity, hits, misses, evictions, translationNanos);
    }

    /** Drops every translation and zeroes the counters (tests, benchmarks). */
    public synchronized void clear() {
        entries.clear();
        hits = misses = evictions = translationNanos = 0;
    }

    /**
     * Counters: translations held, the bound, look-ups that found one, look-ups that translated (or found the code
     * untranslatable), translations evicted, and the total time spent translating.
     */
    public record Stats(int size, int capacity, long hits, long misses, long evictions, long translationNanos) { }
}
