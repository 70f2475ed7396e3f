/* bench-sort: the benchmark workload (images/bench-native/workload.c) as an arm64 PV guest with the MMU on.
 * Entry (images/README.md): EL1h, MMU off, x0 = start_info, RAM at 0x40000000. The start-up builds VMSAv8-64
 * stage-1 tables for TTBR0_EL1 with the 4 KiB granule (T0SZ = 25: a level-1 table, one level-2 table and level-3
 * tables of 4 KiB pages) identity-mapping the domain's RAM (start_info.nr_pages) as Normal write-back memory
 * (MAIR_EL1 attribute 0 = 0xff), disables TTBR1 walks (EPD1), invalidates the TLB and sets SCTLR_EL1.M, C and I.
 * Then it runs the workload with the arguments of start_info.cmd_line ("words=<n> rounds=<r>") and powers off.
 * Hypercalls: hvc #0xea1, op in x16, arguments in x0-x2, result in x0. */
static void bench_console_write(const char *text, unsigned length);
#include "../../bench-native/workload.c"

#define RAM_BASE 0x40000000ul
#define START_INFO_NR_PAGES 32
#define START_INFO_CMD_LINE 128
#define MAP_MAX_PAGES (64u << 8)             /* 64 MiB of 4 KiB pages */
#define DESC_TABLE 3ul                       /* valid, table */
#define DESC_PAGE (3ul | 3ul << 8 | 1ul << 10) /* valid, page, inner shareable, AF; AttrIndx 0, AP = EL1 RW */
#define TCR (25ul | 1ul << 8 | 1ul << 10 | 3ul << 12 | 1ul << 23)  /* T0SZ 25, WBWA walks, inner shareable, EPD1 */

static unsigned long bench_l1[512] __attribute__((aligned(4096)));
static unsigned long bench_l2[512] __attribute__((aligned(4096)));
static unsigned long bench_l3[MAP_MAX_PAGES / 512][512] __attribute__((aligned(4096)));
static char bench_stack[16384] __attribute__((aligned(16), used));
static const unsigned int bench_poweroff = 0;   /* struct sched_shutdown { reason = SHUTDOWN_poweroff } */

void bench_guest_main(const char *start_info);

__asm__(".section .text.start, \"ax\"\n"
        ".globl _start\n"
        "_start:\n"
        "    adrp x1, bench_stack\n"
        "    add  x1, x1, :lo12:bench_stack\n"
        "    add  x1, x1, #16384\n"
        "    mov  sp, x1\n"
        "    bl   bench_guest_main\n"
        "1:  wfi\n"
        "    b    1b\n"
        ".text\n");

static long bench_hypercall(unsigned long op, unsigned long a1, unsigned long a2, unsigned long a3) {
    register unsigned long x16 __asm__("x16") = op;
    register unsigned long x0 __asm__("x0") = a1;
    register unsigned long x1 __asm__("x1") = a2;
    register unsigned long x2 __asm__("x2") = a3;
    __asm__ volatile("hvc #0xea1" : "+r"(x0) : "r"(x16), "r"(x1), "r"(x2) : "memory");
    return (long) x0;
}

static void bench_console_write(const char *text, unsigned length) {
    bench_hypercall(18, 0, length, (unsigned long) text);          /* console_io(CONSOLEIO_write) */
}

static void bench_mmu_on(unsigned long pages) {
    if (pages > MAP_MAX_PAGES) pages = MAP_MAX_PAGES;
    for (unsigned long p = 0; p < pages; p++) bench_l3[p / 512][p % 512] = (RAM_BASE + (p << 12)) | DESC_PAGE;
    for (unsigned long t = 0; t < (pages + 511) / 512; t++)
        bench_l2[(RAM_BASE >> 21 & 511) + t] = (unsigned long) bench_l3[t] | DESC_TABLE;
    bench_l1[RAM_BASE >> 30] = (unsigned long) bench_l2 | DESC_TABLE;
    unsigned long sctlr;
    __asm__ volatile("dsb ishst\n"
                     "msr mair_el1, %0\n"
                     "msr tcr_el1, %1\n"
                     "msr ttbr0_el1, %2\n"
                     "isb\n"
                     "tlbi vmalle1\n"
                     "dsb ish\n"
                     "isb" : : "r"(0xfful), "r"(TCR), "r"((unsigned long) bench_l1) : "memory");
    __asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
    sctlr |= 1ul << 0 | 1ul << 2 | 1ul << 12;                      /* M, C, I */
    __asm__ volatile("msr sctlr_el1, %0\n"
                     "isb" : : "r"(sctlr) : "memory");
}

void bench_guest_main(const char *start_info) {
    bench_mmu_on(*(const unsigned long *) (start_info + START_INFO_NR_PAGES));
    bench_main(start_info + START_INFO_CMD_LINE);
    for (;;) bench_hypercall(29, 2, (unsigned long) &bench_poweroff, 0);  /* sched_op(SCHEDOP_shutdown) */
}
