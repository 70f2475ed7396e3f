/* bench-sort: the benchmark workload (images/bench-native/workload.c) as a ppc PV guest with translation on.
 * Entry (images/README.md): supervisor state, real mode (MSR[IR,DR] = 0), r3 = start_info. The start-up builds a
 * hashed page table (OEA, 7.6: 256 KiB, HTABMASK = 3) holding a PTE for each 4 KiB page of the domain's RAM
 * (start_info.nr_pages), identity-mapped, PP = 0b10 (read/write), in the primary PTEG of its hash or else the
 * secondary one; loads SDR1, gives segment registers 0-15 the VSIDs 0x100 + n (Ks = Kp = 0), invalidates the TLB
 * with tlbie over its congruence classes and sets MSR[IR] and MSR[DR]. The BATs stay invalid, so every access
 * goes through the segment registers and the page table. Then it runs the workload with the arguments of
 * start_info.cmd_line ("words=<n> rounds=<r>") and powers off. Hypercalls: sc 1, op in r3, arguments in r4-r6. */
static void bench_console_write(const char *text, unsigned length);
#include "../../bench-native/workload.c"

#define START_INFO_NR_PAGES 32
#define START_INFO_CMD_LINE 80
#define MAP_MAX_PAGES (64u << 8)             /* 64 MiB of 4 KiB pages */
#define HTAB_BYTES (256u << 10)
#define HTAB_MASK 3u                          /* SDR1[HTABMASK]: 2^2 x 64 KiB */
#define VSID_BASE 0x100u
#define PTE_PP_RW 2u

static unsigned int bench_htab[HTAB_BYTES / 4] __attribute__((aligned(HTAB_BYTES)));
static char bench_stack[16384] __attribute__((aligned(16), used));
static const unsigned int bench_poweroff = 0;   /* struct sched_shutdown { reason = SHUTDOWN_poweroff } */

void bench_guest_main(const char *start_info);

__asm__(".text\n"
        ".globl _start\n"
        "_start:\n"
        "    lis   1, (bench_stack + 16384 - 16)@ha\n"
        "    addi  1, 1, (bench_stack + 16384 - 16)@l\n"
        "    li    0, 0\n"
        "    stw   0, 0(1)\n"
        "    bl    bench_guest_main\n"
        "1:  b     1b\n");

static long bench_hypercall(unsigned long op, unsigned long a1, unsigned long a2, unsigned long a3) {
    register unsigned long r3 __asm__("r3") = op;
    register unsigned long r4 __asm__("r4") = a1;
    register unsigned long r5 __asm__("r5") = a2;
    register unsigned long r6 __asm__("r6") = a3;
    __asm__ volatile("sc 1" : "+r"(r3) : "r"(r4), "r"(r5), "r"(r6) : "memory", "cr0");
    return (long) r3;
}

static void bench_console_write(const char *text, unsigned length) {
    bench_hypercall(18, 0, length, (unsigned long) text);          /* console_io(CONSOLEIO_write) */
}

/* Puts the PTE mapping effective address ea to pa into its primary PTEG, else its secondary one (OEA 7.6.1). */
static int bench_htab_insert(unsigned int ea, unsigned int pa) {
    unsigned int vsid = VSID_BASE + (ea >> 28);
    unsigned int page_index = ea >> 12 & 0xFFFF;
    unsigned int hash = (vsid & 0x7FFFF) ^ page_index;
    unsigned int groups = HTAB_MASK << 10 | 0x3FF;
    for (unsigned int h = 0; h < 2; h++) {
        unsigned int *pteg = bench_htab + ((h ? ~hash : hash) & groups) * 16;
        for (int i = 0; i < 8; i++) {
            if (pteg[2 * i] & 0x80000000u) continue;
            pteg[2 * i + 1] = (pa & 0xFFFFF000u) | PTE_PP_RW;
            pteg[2 * i] = 0x80000000u | vsid << 7 | h << 6 | page_index >> 10;
            return 1;
        }
    }
    return 0;
}

static void bench_translation_on(unsigned long pages) {
    if (pages > MAP_MAX_PAGES) pages = MAP_MAX_PAGES;
    for (unsigned long p = 0; p < pages; p++) bench_htab_insert(p << 12, p << 12);
    __asm__ volatile("sync\n"
                     "mtsdr1 %0\n"
                     "isync" : : "r"((unsigned long) bench_htab | HTAB_MASK) : "memory");
    for (unsigned long sr = 0; sr < 16; sr++)
        __asm__ volatile("mtsrin %0, %1" : : "r"(VSID_BASE + sr), "r"(sr << 28) : "memory");
    for (unsigned long ea = 0; ea < (64ul << 12); ea += 4096) __asm__ volatile("tlbie %0" : : "r"(ea) : "memory");
    __asm__ volatile("sync\n"
                     "tlbsync\n"
                     "sync" : : : "memory");
    unsigned long msr;
    __asm__ volatile("mfmsr %0" : "=r"(msr));
    __asm__ volatile("mtmsr %0\n"
                     "isync" : : "r"(msr | 0x30) : "memory");          /* IR, DR */
}

void bench_guest_main(const char *start_info) {
    bench_translation_on(*(const unsigned long *) (start_info + START_INFO_NR_PAGES));
    bench_main(start_info + START_INFO_CMD_LINE);
    for (;;) bench_hypercall(29, 2, (unsigned long) &bench_poweroff, 0);  /* sched_op(SCHEDOP_shutdown) */
}
