/* hvm-c-mmu: VMSAv8-64 stage 1 on the arm64 virt board, self-checking, with both the 4 KiB and the 64 KiB
 * granule. The 4 KiB tables (T0SZ = 25: level 1 -> level 2 -> level 3) identity-map the first 16 MiB of RAM, the
 * first 2 MiB with pages, and the devices with a 1 GiB Device-nGnRE block; among the pages one is left invalid,
 * one is read-only, one has its access flag clear and one holds EL0's code (EL0 read/execute only). The checks:
 * a load through the MMU, data aborts with the right ESR_EL1 (EC 0x25, DFSC, WnR) and FAR_EL1 for a translation,
 * a permission and an access-flag fault at level 3, and an SVC round trip from EL0 (EC 0x15 with its immediate).
 * Then the MMU goes off, the 64 KiB tables (T0SZ = 25: level 2 -> level 3, 512 MiB per level-2 entry) replace
 * them, and a load and a level-3 translation fault are checked again. Prints PASS/FAIL lines on the PL011 and
 * powers off with PSCI SYSTEM_OFF. */

#define UART_DR ((volatile unsigned int *) 0x09000000ul)
#define PSCI_SYSTEM_OFF 0x84000008ul
#define RAM 0x40000000ul
#define FAULT_PAGE (RAM + 0x10000)
#define RO_PAGE (RAM + 0x11000)
#define NOAF_PAGE (RAM + 0x12000)

#define D_VALID 1ul
#define D_TABLE 3ul                    /* table (levels 0-2) or page (level 3) */
#define D_AF (1ul << 10)
#define D_SH_INNER (3ul << 8)
#define D_AP_RO (2ul << 6)             /* AP[2:1] = 10: EL1 read-only, no EL0 */
#define D_AP_RO_ALL (3ul << 6)         /* AP[2:1] = 11: read-only at EL1 and EL0 */
#define D_UXN (1ul << 54)
#define D_PXN (1ul << 53)
#define D_NORMAL (0ul << 2)            /* MAIR attribute 0 */
#define D_DEVICE (1ul << 2)            /* MAIR attribute 1 */
#define MAIR 0x04fful                  /* attr0 Normal WB, attr1 Device-nGnRE */
#define TCR_4K (25ul | 1ul << 8 | 1ul << 10 | 3ul << 12 | 1ul << 23)                /* T0SZ 25, TG0 4K, EPD1 */
#define TCR_64K (25ul | 1ul << 8 | 1ul << 10 | 3ul << 12 | 1ul << 14 | 1ul << 23)   /* TG0 = 01: 64K */

static unsigned long l1_4k[512] __attribute__((aligned(4096)));
static unsigned long l2_4k[512] __attribute__((aligned(4096)));
static unsigned long l3_4k[512] __attribute__((aligned(4096)));
static unsigned long l2_64k[1024] __attribute__((aligned(65536)));
static unsigned long l3_64k[8192] __attribute__((aligned(65536)));
static char stack[16384] __attribute__((aligned(16), used));
volatile unsigned long last_esr, last_far, last_elr, el0_x0;

__asm__(".section .text.start, \"ax\"\n"
        ".globl _start\n"
        "_start:\n"
        "    adrp x1, stack\n"
        "    add x1, x1, :lo12:stack\n"
        "    add sp, x1, #16384\n"
        "    adrp x1, vectors\n"
        "    add x1, x1, :lo12:vectors\n"
        "    msr vbar_el1, x1\n"
        "    bl mmu_main\n"
        "1:  b 1b\n"
        /* Vector table: synchronous exceptions from EL1 (SPx) and from EL0; everything else reports and stops. */
        "    .balign 2048\n"
        "vectors:\n"
        "    .rept 4\n    b unexpected\n    .balign 128\n    .endr\n"
        "    b sync_el1\n    .balign 128\n"
        "    .rept 3\n    b unexpected\n    .balign 128\n    .endr\n"
        "    b sync_el0\n    .balign 128\n"
        "    .rept 7\n    b unexpected\n    .balign 128\n    .endr\n"
        /* A data abort from a test access: record ESR/FAR/ELR and skip the faulting instruction. */
        "sync_el1:\n"
        "    mrs x9, esr_el1\n    mrs x10, far_el1\n    mrs x11, elr_el1\n"
        "    adrp x12, last_esr\n    str x9, [x12, :lo12:last_esr]\n"
        "    adrp x12, last_far\n    str x10, [x12, :lo12:last_far]\n"
        "    adrp x12, last_elr\n    str x11, [x12, :lo12:last_elr]\n"
        "    add x11, x11, #4\n    msr elr_el1, x11\n    eret\n"
        /* SVC from EL0: #7 returns to EL0, #8 ends EL0 and resumes run_el0's caller at EL1. */
        "sync_el0:\n"
        "    mrs x9, esr_el1\n"
        "    adrp x12, last_esr\n    str x9, [x12, :lo12:last_esr]\n"
        "    adrp x12, el0_x0\n    str x0, [x12, :lo12:el0_x0]\n"
        "    and x10, x9, #0xffff\n    cmp x10, #8\n    b.eq 1f\n    eret\n"
        "1:  adr x11, el0_done\n    msr elr_el1, x11\n    mov x11, #0x3c5\n    msr spsr_el1, x11\n    eret\n"
        "unexpected:\n"
        "    bl report_unexpected\n"
        "2:  b 2b\n"
        /* run_el0(entry): ERET to EL0t at entry; comes back at el0_done once EL0 makes SVC #8. */
        ".globl run_el0\n"
        "run_el0:\n"
        "    stp x29, x30, [sp, #-16]!\n"
        "    msr elr_el1, x0\n    msr spsr_el1, xzr\n    eret\n"
        "el0_done:\n"
        "    ldp x29, x30, [sp], #16\n    ret\n"
        /* EL0's code, alone in its page: x0 = 41, SVC #7, x0 += 1, SVC #8. */
        "    .balign 4096\n"
        ".globl el0_code\n"
        "el0_code:\n"
        "    mov x0, #41\n    svc #7\n    add x0, x0, #1\n    svc #8\n3:  b 3b\n"
        "    .balign 4096\n"
        ".text\n");

extern char el0_code[];
void run_el0(void *entry);

static void puts(const char *s) { while (*s) *UART_DR = (unsigned char) *s++; }

static void psci_off(void) {
    register unsigned long x0 __asm__("x0") = PSCI_SYSTEM_OFF;
    __asm__ volatile("hvc #0" : "+r"(x0) : : "memory");
}

static int failures;

static void check(int ok, const char *what) {
    puts(ok ? "PASS " : "FAIL ");
    puts(what);
    puts("\n");
    if (!ok) failures++;
}

void report_unexpected(void) {
    puts("FAIL unexpected exception\n");
    psci_off();
}

/* A load or store that may fault: the handler records the syndrome and skips it. */
static unsigned long load(unsigned long va) {
    unsigned long v = 0xdead;
    __asm__ volatile("ldr %0, [%1]" : "+r"(v) : "r"(va) : "x9", "x10", "x11", "x12", "memory");
    return v;
}

static void store(unsigned long va, unsigned long value) {
    __asm__ volatile("str %0, [%1]" : : "r"(value), "r"(va) : "x9", "x10", "x11", "x12", "memory");
}

static int abort_is(unsigned long dfsc, unsigned long wnr, unsigned long va) {
    unsigned long esr = last_esr;
    return (esr >> 26) == 0x25 && (esr & 0x3f) == dfsc && ((esr >> 6) & 1) == wnr && last_far == va;
}

static void mmu_on(unsigned long ttbr, unsigned long tcr) {
    __asm__ volatile("msr mair_el1, %0\n msr tcr_el1, %1\n msr ttbr0_el1, %2\n isb\n tlbi vmalle1\n dsb sy\n isb\n"
                     "mrs x9, sctlr_el1\n orr x9, x9, #1\n orr x9, x9, #(1 << 2)\n orr x9, x9, #(1 << 12)\n"
                     "msr sctlr_el1, x9\n isb\n"
                     : : "r"(MAIR), "r"(tcr), "r"(ttbr) : "x9", "memory");
}

static void mmu_off(void) {
    __asm__ volatile("mrs x9, sctlr_el1\n bic x9, x9, #1\n msr sctlr_el1, x9\n isb\n" : : : "x9", "memory");
}

static const unsigned long PAGE_RW = D_TABLE | D_AF | D_SH_INNER | D_NORMAL | D_UXN;

static void tables_4k(void) {
    l1_4k[0] = 0x00000000ul | D_VALID | D_AF | D_DEVICE | D_UXN | D_PXN;   /* 1 GiB of devices */
    l1_4k[1] = (unsigned long) l2_4k | D_TABLE;
    l2_4k[0] = (unsigned long) l3_4k | D_TABLE;
    for (unsigned long k = 1; k < 8; k++) l2_4k[k] = (RAM + (k << 21)) | D_VALID | D_AF | D_SH_INNER | D_NORMAL | D_UXN;
    for (unsigned long k = 0; k < 512; k++) l3_4k[k] = (RAM + (k << 12)) | PAGE_RW;
    l3_4k[(FAULT_PAGE - RAM) >> 12] = 0;
    l3_4k[(RO_PAGE - RAM) >> 12] |= D_AP_RO;
    l3_4k[(NOAF_PAGE - RAM) >> 12] &= ~D_AF;
    unsigned long el0 = (unsigned long) el0_code;
    l3_4k[(el0 - RAM) >> 12] = el0 | D_TABLE | D_AF | D_SH_INNER | D_NORMAL | D_AP_RO_ALL | D_PXN;
}

static void tables_64k(void) {
    l2_64k[0] = 0x00000000ul | D_VALID | D_AF | D_DEVICE | D_UXN | D_PXN;  /* 512 MiB of devices */
    l2_64k[RAM >> 29] = (unsigned long) l3_64k | D_TABLE;
    for (unsigned long k = 0; k < 256; k++) l3_64k[k] = (RAM + (k << 16)) | PAGE_RW;   /* 16 MiB of pages */
    l3_64k[(FAULT_PAGE - RAM) >> 16] = 0;
}

static volatile unsigned long marker = 0x1234abcd5678ef90ul;

void mmu_main(void) {
    puts("Hello from an arm64 HVM guest in C: the MMU with 4K and 64K granules\n");
    tables_4k();
    mmu_on((unsigned long) l1_4k, TCR_4K);
    check(load((unsigned long) &marker) == 0x1234abcd5678ef90ul, "4K granule: a load through the identity map");
    load(FAULT_PAGE + 8);
    check(abort_is(0x07, 0, FAULT_PAGE + 8), "4K granule: translation fault, level 3, ESR/FAR");
    store(RO_PAGE + 16, 1);
    check(abort_is(0x0f, 1, RO_PAGE + 16), "4K granule: permission fault on a store to a read-only page, WnR");
    check(load(RO_PAGE + 16) != 0xdead, "4K granule: the read-only page still reads");
    load(NOAF_PAGE);
    check(abort_is(0x0b, 0, NOAF_PAGE), "4K granule: access flag fault, level 3");
    last_esr = 0;
    run_el0(el0_code);
    check(last_esr == 0x56000008ul && el0_x0 == 42, "SVC #7 and #8 from EL0 round trip (EC 0x15, imm16)");
    mmu_off();
    tables_64k();
    mmu_on((unsigned long) l2_64k, TCR_64K);
    check(load((unsigned long) &marker) == 0x1234abcd5678ef90ul, "64K granule: a load through the identity map");
    load(FAULT_PAGE + 0x2000);
    check(abort_is(0x07, 0, FAULT_PAGE + 0x2000), "64K granule: translation fault, level 3, ESR/FAR");
    puts(failures ? "hvm-c-mmu: some checks FAILED\n" : "hvm-c-mmu: all checks passed\n");
    psci_off();
}
