/* hvm-c-smp: the arm64 virt board's SMP, self-checking. vCPU 0 enters at _start per the Linux arm64 boot protocol
 * (EL1h, MMU off, x0 = device tree), checks PSCI_VERSION, brings vCPUs 1-3 up with PSCI CPU_ON (entry _start,
 * context id = the vCPU's index), and all four then contend: ROUNDS increments each of a counter guarded by a
 * spinlock built from load-acquire/store-release exclusives (LDAXR/STXR, with SEVL/WFE), of a counter updated with
 * the LSE atomic LDADDAL and of one updated with a CAS loop. The secondaries report done with LDADD and leave
 * with PSCI CPU_OFF; vCPU 0 checks every count and that AFFINITY_INFO says each secondary is off, prints PASS/FAIL
 * lines and a summary on the PL011, and powers off with PSCI SYSTEM_OFF. */

#define UART_DR ((volatile unsigned int *) 0x09000000ul)
#define PSCI_VERSION 0x84000000ul
#define PSCI_CPU_OFF 0x84000002ul
#define PSCI_CPU_ON 0xc4000003ul
#define PSCI_AFFINITY_INFO 0xc4000004ul
#define PSCI_SYSTEM_OFF 0x84000008ul
#ifndef CPUS                          /* hvm-c-smp64.c includes this file with its own counts */
#define CPUS 4
#define ROUNDS 3000
#define COUNTS "4 x 3000"
#define NAME "hvm-c-smp"
#endif
#define STACK 8192

static char stacks[CPUS][STACK] __attribute__((aligned(16), used));

__asm__(".section .text.start, \"ax\"\n"
        ".globl _start\n"
        "_start:\n"
        "    mrs x1, mpidr_el1\n"
        "    ubfx x2, x1, #8, #8\n"                /* Aff1 */
        "    and x1, x1, #0xff\n"                  /* Aff0 */
        "    add x1, x1, x2, lsl #4\n"             /* this vCPU's index: Aff1 * 16 + Aff0 (see mpidr_of) */
        "    adrp x2, stacks\n"
        "    add x2, x2, :lo12:stacks\n"
        "    add x3, x1, #1\n"
        "    lsl x3, x3, #13\n"                    /* (index + 1) * STACK, STACK = 8 KiB */
        "    add sp, x2, x3\n"
        "    mov x0, x1\n"
        "    bl smp_main\n"
        "1:  wfi\n"
        "    b 1b\n"
        ".text\n");

extern char _start[];

static long psci(unsigned long fn, unsigned long a1, unsigned long a2, unsigned long a3) {
    register unsigned long x0 __asm__("x0") = fn;
    register unsigned long x1 __asm__("x1") = a1;
    register unsigned long x2 __asm__("x2") = a2;
    register unsigned long x3 __asm__("x3") = a3;
    __asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
    return (long) x0;
}

/* The MPIDR of vCPU c, as QEMU's virt machine (and Polyvisor's board) number them: Aff0 clusters of 16 with a
 * GICv3; a GICv2 board has at most 8 vCPUs, all in cluster 0, so the same formula serves both. */
static unsigned long mpidr_of(unsigned long c) { return (c / 16) << 8 | (c % 16); }

static void puts(const char *s) { while (*s) *UART_DR = (unsigned char) *s++; }

static volatile unsigned int lock_word, locked_count, lse_count, cas_count, done;
static int failures;

static void lock(volatile unsigned int *l) {
    unsigned int status;
    __asm__ volatile("    sevl\n"
                     "1:  wfe\n"
                     "2:  ldaxr %w0, [%1]\n"
                     "    cbnz %w0, 1b\n"                 /* held: wait for an event (our monitor is armed) */
                     "    stxr %w0, %w2, [%1]\n"
                     "    cbnz %w0, 2b\n"
                     : "=&r"(status) : "r"(l), "r"(1u) : "memory");
}

static void unlock(volatile unsigned int *l) { __asm__ volatile("stlr wzr, [%0]" : : "r"(l) : "memory"); }

static void lse_add(volatile unsigned int *p, unsigned int v) {
    unsigned int old;
    __asm__ volatile(".arch_extension lse\n    ldaddal %w1, %w0, [%2]" : "=&r"(old) : "r"(v), "r"(p) : "memory");
}

static void cas_add(volatile unsigned int *p, unsigned int v) {
    unsigned int seen = *p;
    for (;;) {
        unsigned int expected = seen;
        __asm__ volatile(".arch_extension lse\n    casal %w0, %w2, [%1]" : "+r"(seen) : "r"(p), "r"(expected + v) : "memory");
        if (seen == expected) return;
    }
}

static void work(void) {
    for (int k = 0; k < ROUNDS; k++) {
        lock(&lock_word);
        locked_count = locked_count + 1;
        unlock(&lock_word);
        lse_add(&lse_count, 1);
        cas_add(&cas_count, 1);
    }
}

static void check(int ok, const char *what) {
    puts(ok ? "PASS " : "FAIL ");
    puts(what);
    puts("\n");
    if (!ok) failures++;
}

void smp_main(unsigned long cpu) {
    if (cpu != 0) {
        work();
        lse_add(&done, 1);
        psci(PSCI_CPU_OFF, 0, 0, 0);
        return;
    }
    puts(CPUS == 4 ? "Hello from an arm64 HVM guest in C: 4 vCPUs on the virt board\n"
                   : "Hello from an arm64 HVM guest in C: 64 vCPUs on the virt board\n");
    unsigned long version = psci(PSCI_VERSION, 0, 0, 0);  /* 0.2 here, 1.1 on QEMU's virt: any 0.2 or later */
    check(!(version & 0x80000000ul) && (version & 0xfffffffful) >= 2, "PSCI_VERSION is 0.2 or later");
    int started = 1;
    for (unsigned long c = 1; c < CPUS; c++) started &= psci(PSCI_CPU_ON, mpidr_of(c), (unsigned long) _start, c) == 0;
    check(started, CPUS == 4 ? "PSCI CPU_ON brought vCPUs 1-3 up" : "PSCI CPU_ON brought vCPUs 1-63 up");
    check(psci(PSCI_CPU_ON, 0, (unsigned long) _start, 0) == -4, "PSCI CPU_ON of the running vCPU 0 is ALREADY_ON");
    work();
    while (done != CPUS - 1) __asm__ volatile("yield" ::: "memory");
    check(locked_count == CPUS * ROUNDS, "counter under an LDAXR/STXR spinlock is " COUNTS);
    check(lse_count == CPUS * ROUNDS, "counter under LDADDAL is " COUNTS);
    check(cas_count == CPUS * ROUNDS, "counter under a CASAL loop is " COUNTS);
    int off = 1;
    for (unsigned long c = 1; c < CPUS; c++) {
        long state;
        for (int tries = 0; (state = psci(PSCI_AFFINITY_INFO, mpidr_of(c), 0, 0)) != 1 && tries < 1000000; tries++) { }
        off &= state == 1;
    }
    check(off, CPUS == 4 ? "AFFINITY_INFO reports vCPUs 1-3 off after CPU_OFF" : "AFFINITY_INFO reports vCPUs 1-63 off after CPU_OFF");
    puts(failures ? NAME ": some checks FAILED\n" : NAME ": all checks passed\n");
    psci(PSCI_SYSTEM_OFF, 0, 0, 0);
}
