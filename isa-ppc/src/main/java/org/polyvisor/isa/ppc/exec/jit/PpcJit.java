package org.polyvisor.isa.ppc.exec.jit;

import java.lang.invoke.MethodHandles;

import org.polyvisor.spi.exec.jit.CodeKey;
import org.polyvisor.spi.exec.jit.HiddenClassDefiner;
import org.polyvisor.spi.exec.jit.TranslationCache;

/**
 * The translating tier's settings and its one translation cache, shared by every ppc vCPU of every domain.
 * <ul>
 *   <li>{@code -Dpolyvisor.ppc.jit=off} turns the tier off (the interpreter alone runs, as the reference);
 *   <li>{@code -Dpolyvisor.ppc.jit.threshold=N}: a block is translated at its first entry after N entries
 *       (default {@value #DEFAULT_THRESHOLD}; 0 translates every block at its first entry, as the tests do);
 *   <li>{@code -Dpolyvisor.ppc.jit.cache=N}: the most translations held (default {@value #DEFAULT_CAPACITY});
 *   <li>{@code -Dpolyvisor.ppc.jit.stats=true} prints the cache's counters to standard error when the JVM exits.
 * </ul>
 * A vCPU reads the threshold when it is made; {@link #setThreshold} changes it for vCPUs made afterwards.
 */
public final class PpcJit {
    private PpcJit() { }

    public static final int DEFAULT_THRESHOLD = 32, DEFAULT_CAPACITY = 8192;
    /** {@link #threshold()} when the tier is off. */
    public static final int OFF = -1;

    private static volatile int threshold = "off".equals(System.getProperty("polyvisor.ppc.jit"))
            ? OFF : Integer.getInteger("polyvisor.ppc.jit.threshold", DEFAULT_THRESHOLD);

    private static final TranslationCache<TranslatedBlock> CACHE =
            new TranslationCache<>(Integer.getInteger("polyvisor.ppc.jit.cache", DEFAULT_CAPACITY));
    private static final HiddenClassDefiner DEFINER = new HiddenClassDefiner(MethodHandles.lookup());

    static {
        if (Boolean.getBoolean("polyvisor.ppc.jit.stats")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("ppc jit: " + CACHE.stats())));
        }
    }

    /** Entries before a block is translated, or {@link #OFF}. */
    public static int threshold() { return threshold; }

    /** Sets {@link #threshold()} for vCPUs made from now on: {@link #OFF}, or the entries before translating. */
    public static void setThreshold(int entries) {
        if (entries < OFF) throw new IllegalArgumentException("jit threshold must be -1 (off) or >= 0: " + entries);
        threshold = entries;
    }

    /** The shared cache (its counters: translations, hits, evictions, time spent). */
    public static TranslationCache<TranslatedBlock> cache() { return CACHE; }

    /**
     * The translation of the block whose packed ops (the block runner's form) are {@code ops} and whose instruction
     * words are {@code words}: from the cache, else newly made (null when its first op is not one the translator
     * handles). The packed ops are a function of the words, so the words are the key.
     */
    public static TranslatedBlock translation(long[] ops, int[] words) {
        return CACHE.get(CodeKey.of(words, 0), key -> {
            byte[] bytes = BlockTranslator.generate(ops);
            return bytes == null ? null : DEFINER.instantiate(bytes, TranslatedBlock.class);
        });
    }
}
