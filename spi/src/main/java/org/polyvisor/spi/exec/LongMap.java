package org.polyvisor.spi.exec;

import java.util.Arrays;
import java.util.function.Consumer;

/** An open-addressing map from long keys to values: no boxing on the decode path. Not thread-safe. */
final class LongMap<V> {
    private long[] keys = new long[64];
    private Object[] values = new Object[64];
    private int size;

    @SuppressWarnings("unchecked")
    V get(long key) {
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) return null;
            if (keys[i] == key) return (V) v;
        }
    }

    void put(long key, V value) {
        if (value == null) throw new IllegalArgumentException("null value");
        if (2 * (size + 1) > keys.length) grow();
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            if (values[i] == null) { keys[i] = key; values[i] = value; size++; return; }
            if (keys[i] == key) { values[i] = value; return; }
        }
    }

    /** Calls {@code action} with every value. */
    @SuppressWarnings("unchecked")
    void forEachValue(Consumer<? super V> action) {
        for (Object v : values) if (v != null) action.accept((V) v);
    }

    void clear() {
        Arrays.fill(values, null);
        size = 0;
    }

    private void grow() {
        long[] k = keys;
        Object[] v = values;
        keys = new long[k.length * 2];
        values = new Object[v.length * 2];
        size = 0;
        for (int i = 0; i < k.length; i++) if (v[i] != null) put(k[i], castValue(v[i]));
    }

    @SuppressWarnings("unchecked")
    private V castValue(Object o) { return (V) o; }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
