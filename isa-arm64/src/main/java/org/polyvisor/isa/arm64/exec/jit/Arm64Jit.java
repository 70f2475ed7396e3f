package org.polyvisor.isa.arm64.exec.jit;

import java.lang.invoke.MethodHandles;

import org.polyvisor.isa.arm64.exec.FastOp;
import org.polyvisor.spi.exec.jit.CodeKey;
import org.polyvisor.spi.exec.jit.HiddenClassDefiner;
import org.polyvisor.spi.exec.jit.TranslationCache;

/**
 * The translating tier's settings and its one translation cache, shared by every arm64 vCPU of every domain.
 * <ul>
 *   <li>{@code -Dpolyvisor.arm64.jit=off} turns the tier off (the interpreter alone runs, as the reference);
 *   <li>{@code -Dpolyvisor.arm64.jit.threshold=N}: a block is translated when it is entered for the N-th time
 *       (default {@value #DEFAULT_THRESHOLD}; 0 translates every block at its first entry, as the tests do);
 *   <li>{@code -Dpolyvisor.arm64.jit.cache=N}: the most translations held (default {@value #DEFAULT_CAPACITY});
 *   <li>{@code -Dpolyvisor.arm64.jit.stats=true} prints the cache's counters to standard error when the JVM exits.
 * </ul>
 * A vCPU reads the threshold when it is made ({@link #threshold()}); {@link #setThreshold} changes it for vCPUs made
 * afterwards (tests, tools).
 */
public final class Arm64Jit {
    private Arm64Jit() { }

    public static final int DEFAULT_THRESHOLD = 32, DEFAULT_CAPACITY = 8192;
    /** {@link #threshold()} when the tier is off. */
    public static final int OFF = -1;

    private static volatile int threshold = "off".equals(System.getProperty("polyvisor.arm64.jit"))
            ? OFF : Integer.getInteger("polyvisor.arm64.jit.threshold", DEFAULT_THRESHOLD);

    private static final TranslationCache<TranslatedBlock> CACHE =
            new TranslationCache<>(Integer.getInteger("polyvisor.arm64.jit.cache", DEFAULT_CAPACITY));
    private static final HiddenClassDefiner DEFINER = new HiddenClassDefiner(MethodHandles.lookup());

    static {
        if (Boolean.getBoolean("polyvisor.arm64.jit.stats")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("arm64 jit: " + CACHE.stats())));
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
     * The translation of the block {@code ops} whose instruction words are {@code words}: from the cache, else newly
     * made (null when its first instruction is not one the translator handles).
     */
    public static TranslatedBlock translation(FastOp[] ops, int[] words) {
        return CACHE.get(CodeKey.of(words, 0), key -> {
            byte[] bytes = BlockTranslator.generate(ops);
            return bytes == null ? null : DEFINER.instantiate(bytes, TranslatedBlock.class);
        });
    }
}
