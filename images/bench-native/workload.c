/* The benchmark workload of Polyvisor (benchmarks/README.md), in portable freestanding C: no library calls, no
 * floating point, 32-bit unsigned arithmetic only, so that every ISA and byte order computes the same checksum.
 *
 * Included by the guest images (images/guests/<isa>/bench-sort.c, which boot it under Polyvisor with the MMU on)
 * and by the qemu-user builds (images/bench-native/native.c, scripts/bench-qemu.sh). The includer defines
 *     static void bench_console_write(const char *text, unsigned length);
 * before including this file, and calls bench_main(arguments) with a space-separated argument string.
 *
 * Arguments: "words=<n>" (array length, 1 .. BENCH_MAX_WORDS) and "rounds=<r>"; other tokens are ignored.
 * Per round r (0-based):
 *   1. fill words[0..n) from an LCG (x = x * 1664525 + 1013904223, seed 0x12345678 + r * 0x9E3779B9), each
 *      word x ^ (x >> 15);
 *   2. heapsort it (ascending, unsigned);
 *   3. count descents (words[i-1] > words[i]; 0 when the sort is right);
 *   4. n / 4 lookups of LCG keys by binary search (lower bound), summing the indices;
 *   5. CRC-32 (IEEE, reflected, table-driven) over the words, each as its 4 bytes least significant first;
 * the round's value is crc + descents * 7 + index_sum, and result = (result ^ value) * 16777619 (mod 2^32),
 * starting from 2166136261 (FNV-1a's basis and prime, over whole words).
 * Output: "bench words=<n> rounds=<r>\nchecksum 0x<8 lowercase hex digits>\n".
 * The ia64 image (images/guests/ia64/bench-sort.S) is the same algorithm written in assembly.
 */

typedef unsigned int bench_u32;

#define BENCH_MAX_WORDS (1u << 20)          /* 4 MiB of data */
#define BENCH_DEFAULT_WORDS (1u << 18)      /* the benchmark's default (1 MiB): ~1.2 * 10^8 guest instructions a round */
#define BENCH_DEFAULT_ROUNDS 1u

static bench_u32 bench_data[BENCH_MAX_WORDS];
static bench_u32 bench_crc_table[256];

static bench_u32 bench_lcg(bench_u32 x) { return x * 1664525u + 1013904223u; }

static void bench_crc_init(void) {
    for (bench_u32 i = 0; i < 256; i++) {
        bench_u32 c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
        bench_crc_table[i] = c;
    }
}

static void bench_sift(bench_u32 *a, bench_u32 root, bench_u32 end) {
    bench_u32 v = a[root];
    for (;;) {
        bench_u32 child = 2 * root + 1;
        if (child >= end) break;
        if (child + 1 < end && a[child] < a[child + 1]) child++;
        if (a[child] <= v) break;
        a[root] = a[child];
        root = child;
    }
    a[root] = v;
}

static void bench_heapsort(bench_u32 *a, bench_u32 n) {
    for (bench_u32 i = n / 2; i-- > 0;) bench_sift(a, i, n);
    for (bench_u32 end = n - 1; end > 0; end--) {
        bench_u32 t = a[0];
        a[0] = a[end];
        a[end] = t;
        bench_sift(a, 0, end);
    }
}

static bench_u32 bench_round(bench_u32 n, bench_u32 round) {
    bench_u32 *a = bench_data;
    bench_u32 x = 0x12345678u + round * 0x9E3779B9u;
    for (bench_u32 i = 0; i < n; i++) {
        x = bench_lcg(x);
        a[i] = x ^ (x >> 15);
    }
    bench_heapsort(a, n);
    bench_u32 descents = 0;
    for (bench_u32 i = 1; i < n; i++) descents += a[i - 1] > a[i];
    bench_u32 index_sum = 0;
    for (bench_u32 k = 0; k < n / 4; k++) {
        x = bench_lcg(x);
        bench_u32 lo = 0, hi = n;
        while (lo < hi) {
            bench_u32 mid = lo + (hi - lo) / 2;
            if (a[mid] < x) lo = mid + 1; else hi = mid;
        }
        index_sum += lo;
    }
    bench_u32 crc = 0xFFFFFFFFu;
    for (bench_u32 i = 0; i < n; i++) {
        bench_u32 w = a[i];
        crc = bench_crc_table[(crc ^ w) & 0xFF] ^ (crc >> 8);
        crc = bench_crc_table[(crc ^ (w >> 8)) & 0xFF] ^ (crc >> 8);
        crc = bench_crc_table[(crc ^ (w >> 16)) & 0xFF] ^ (crc >> 8);
        crc = bench_crc_table[(crc ^ (w >> 24)) & 0xFF] ^ (crc >> 8);
    }
    return (crc ^ 0xFFFFFFFFu) + descents * 7u + index_sum;
}

/** The whole workload: the checksum of {@code rounds} rounds over {@code n} words. */
static bench_u32 bench_run(bench_u32 n, bench_u32 rounds) {
    bench_crc_init();
    bench_u32 result = 2166136261u;
    for (bench_u32 r = 0; r < rounds; r++) result = (result ^ bench_round(n, r)) * 16777619u;
    return result;
}

/* Parses "<key>=<decimal>" from a space-separated string; keeps *value when the key is absent or malformed. */
static void bench_arg(const char *s, const char *key, bench_u32 *value) {
    while (*s) {
        while (*s == ' ') s++;
        const char *k = key, *p = s;
        while (*k && *p == *k) { k++; p++; }
        if (!*k && *p == '=' && p[1] >= '0' && p[1] <= '9') {
            bench_u32 v = 0;
            for (p++; *p >= '0' && *p <= '9'; p++) v = v * 10 + (bench_u32) (*p - '0');
            *value = v;
        }
        while (*s && *s != ' ') s++;
    }
}

static char *bench_put_str(char *out, const char *s) {
    while (*s) *out++ = *s++;
    return out;
}

static char *bench_put_dec(char *out, bench_u32 v) {
    char digits[10];
    int n = 0;
    do { digits[n++] = (char) ('0' + v % 10); v /= 10; } while (v);
    while (n) *out++ = digits[--n];
    return out;
}

static char *bench_put_hex(char *out, bench_u32 v) {
    for (int shift = 28; shift >= 0; shift -= 4) *out++ = "0123456789abcdef"[(v >> shift) & 15];
    return out;
}

/** Runs the workload with the arguments in {@code args} and prints its two lines; returns the checksum. */
static bench_u32 bench_main(const char *args) {
    bench_u32 words = BENCH_DEFAULT_WORDS, rounds = BENCH_DEFAULT_ROUNDS;
    bench_arg(args, "words", &words);
    bench_arg(args, "rounds", &rounds);
    if (words < 1) words = 1;
    if (words > BENCH_MAX_WORDS) words = BENCH_MAX_WORDS;
    char line[64];
    char *p = bench_put_str(line, "bench words=");
    p = bench_put_dec(p, words);
    p = bench_put_str(p, " rounds=");
    p = bench_put_dec(p, rounds);
    *p++ = '\n';
    bench_console_write(line, (unsigned) (p - line));
    bench_u32 sum = bench_run(words, rounds);
    p = bench_put_str(line, "checksum 0x");
    p = bench_put_hex(p, sum);
    *p++ = '\n';
    bench_console_write(line, (unsigned) (p - line));
    return sum;
}
