/* bench-sort: the benchmark workload (images/bench-native/workload.c) as an x86 (IA-32) PV guest with paging on.
 * Entry (images/README.md): flat protected mode with CR0.PG = 0, CPL 0, esi = start_info. The start-up builds
 * 32-bit paging structures (a page directory and page tables of 4 KiB pages, no PSE) identity-mapping the domain's
 * RAM (start_info.nr_pages), loads CR3 and sets CR0.PG and CR0.WP. Then it runs the workload with the arguments
 * of start_info.cmd_line ("words=<n> rounds=<r>") and powers off.
 * Hypercalls: int $0x82, op in eax, arguments in ebx, ecx, edx. */
static void bench_console_write(const char *text, unsigned length);
#include "../../bench-native/workload.c"

#define START_INFO_NR_PAGES 32
#define START_INFO_CMD_LINE 80
#define MAP_MAX_PAGES (64u << 8)             /* 64 MiB of 4 KiB pages */
#define PTE_P_RW 3u

static unsigned int bench_pd[1024] __attribute__((aligned(4096)));
static unsigned int bench_pt[MAP_MAX_PAGES / 1024][1024] __attribute__((aligned(4096)));
static char bench_stack[16384] __attribute__((aligned(16), used));
static const unsigned int bench_poweroff = 0;   /* struct sched_shutdown { reason = SHUTDOWN_poweroff } */

void bench_guest_main(const char *start_info);

__asm__(".text\n"
        ".globl _start\n"
        "_start:\n"
        "    movl $bench_stack + 16384, %esp\n"
        "    pushl %esi\n"
        "    call bench_guest_main\n"
        "1:  hlt\n"
        "    jmp 1b\n");

static long bench_hypercall(unsigned long op, unsigned long a1, unsigned long a2, unsigned long a3) {
    long r;
    __asm__ volatile("int $0x82" : "=a"(r) : "a"(op), "b"(a1), "c"(a2), "d"(a3) : "memory");
    return r;
}

static void bench_console_write(const char *text, unsigned length) {
    bench_hypercall(18, 0, length, (unsigned long) text);          /* console_io(CONSOLEIO_write) */
}

static void bench_paging_on(unsigned long pages) {
    if (pages > MAP_MAX_PAGES) pages = MAP_MAX_PAGES;
    for (unsigned long p = 0; p < pages; p++) bench_pt[p / 1024][p % 1024] = p << 12 | PTE_P_RW;
    for (unsigned long t = 0; t < (pages + 1023) / 1024; t++) bench_pd[t] = (unsigned long) bench_pt[t] | PTE_P_RW;
    unsigned long cr0;
    __asm__ volatile("mov %0, %%cr3" : : "r"((unsigned long) bench_pd) : "memory");
    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    __asm__ volatile("mov %0, %%cr0" : : "r"(cr0 | 1ul << 31 | 1ul << 16) : "memory"); /* PG, WP */
}

void bench_guest_main(const char *start_info) {
    bench_paging_on(*(const unsigned long *) (start_info + START_INFO_NR_PAGES));
    bench_main(start_info + START_INFO_CMD_LINE);
    for (;;) bench_hypercall(29, 2, (unsigned long) &bench_poweroff, 0);  /* sched_op(SCHEDOP_shutdown) */
}
