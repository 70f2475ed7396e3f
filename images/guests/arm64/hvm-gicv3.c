/* hvm-gicv3: the arm64 virt board with gic_version = "v3", self-checking. vCPU 0 enters at _start per the Linux
 * arm64 boot protocol, checks the distributor (GICD_PIDR2, GICD_CTLR.ARE) and the redistributors (GICR_TYPER.Last
 * on the second, GICR_WAKER), wakes its redistributor, enables the system-register CPU interface (ICC_SRE_EL1,
 * ICC_PMR_EL1, ICC_BPR1_EL1, ICC_IGRPEN1_EL1) and takes the virtual timer's PPI 27 as an IRQ through
 * ICC_IAR1_EL1/ICC_EOIR1_EL1. It then starts vCPU 1 with PSCI CPU_ON; vCPU 1 sets up its own redistributor and
 * CPU interface, and vCPU 0 sends it SGI 1 with ICC_SGI1R_EL1. PASS/FAIL lines and a summary on the PL011, then PSCI
 * SYSTEM_OFF. */

#define UART_DR ((volatile unsigned int *) 0x09000000ul)
#define GICD 0x08000000ul
#define GICR 0x080a0000ul
#define GICR_STRIDE 0x20000ul
#define SGI_FRAME 0x10000ul
#define PSCI_CPU_OFF 0x84000002ul
#define PSCI_CPU_ON 0xc4000003ul
#define PSCI_SYSTEM_OFF 0x84000008ul
#define STACK 8192
#define PATIENCE 2000000
#define PPI_VTIMER 27
#define SGI_PING 1

static char stacks[2][STACK] __attribute__((aligned(16), used));

__asm__(".section .text.start, \"ax\"\n"
        ".globl _start\n"
        "_start:\n"
        "    mrs x1, mpidr_el1\n"
        "    and x1, x1, #0xff\n"
        "    adrp x2, stacks\n"
        "    add x2, x2, :lo12:stacks\n"
        "    add x3, x1, #1\n"
        "    lsl x3, x3, #13\n"
        "    add sp, x2, x3\n"
        "    mov x0, x1\n"
        "    bl gic_main\n"
        "1:  wfi\n"
        "    b 1b\n"
        ".text\n"
        ".balign 2048\n"
        ".globl vectors\n"
        "vectors:\n"
        "    .rept 5\n"
        "    b    bad_vector\n"
        "    .balign 128\n"
        "    .endr\n"
        "    b    irq_entry\n"               /* 0x280: IRQ, current EL with SP_ELx */
        "    .balign 128\n"
        "    .rept 10\n"
        "    b    bad_vector\n"
        "    .balign 128\n"
        "    .endr\n"
        "bad_vector:\n"
        "    bl   unexpected_exception\n"
        "2:  b    2b\n"
        "irq_entry:\n"
        "    sub  sp, sp, #176\n"
        "    stp  x0, x1, [sp, #0]\n"
        "    stp  x2, x3, [sp, #16]\n"
        "    stp  x4, x5, [sp, #32]\n"
        "    stp  x6, x7, [sp, #48]\n"
        "    stp  x8, x9, [sp, #64]\n"
        "    stp  x10, x11, [sp, #80]\n"
        "    stp  x12, x13, [sp, #96]\n"
        "    stp  x14, x15, [sp, #112]\n"
        "    stp  x16, x17, [sp, #128]\n"
        "    stp  x18, x29, [sp, #144]\n"
        "    str  x30, [sp, #160]\n"
        "    bl   irq_handler\n"
        "    ldr  x30, [sp, #160]\n"
        "    ldp  x18, x29, [sp, #144]\n"
        "    ldp  x16, x17, [sp, #128]\n"
        "    ldp  x14, x15, [sp, #112]\n"
        "    ldp  x12, x13, [sp, #96]\n"
        "    ldp  x10, x11, [sp, #80]\n"
        "    ldp  x8, x9, [sp, #64]\n"
        "    ldp  x6, x7, [sp, #48]\n"
        "    ldp  x4, x5, [sp, #32]\n"
        "    ldp  x2, x3, [sp, #16]\n"
        "    ldp  x0, x1, [sp, #0]\n"
        "    add  sp, sp, #176\n"
        "    eret\n");

extern char _start[], vectors[];
void irq_handler(void);
void unexpected_exception(void);
void gic_main(unsigned long cpu);

static long psci(unsigned long fn, unsigned long a1, unsigned long a2, unsigned long a3) {
    register unsigned long x0 __asm__("x0") = fn;
    register unsigned long x1 __asm__("x1") = a1;
    register unsigned long x2 __asm__("x2") = a2;
    register unsigned long x3 __asm__("x3") = a3;
    __asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
    return (long) x0;
}

static void puts(const char *s) { while (*s) *UART_DR = (unsigned char) *s++; }

static void put_dec(unsigned long v) {
    char b[24];
    int n = 0;
    do { b[n++] = (char) ('0' + v % 10); v /= 10; } while (v);
    while (n) *UART_DR = (unsigned char) b[--n];
}

static volatile unsigned int *reg32(unsigned long a) { return (volatile unsigned int *) a; }
static volatile unsigned long *reg64(unsigned long a) { return (volatile unsigned long *) a; }
static volatile unsigned char *reg8(unsigned long a) { return (volatile unsigned char *) a; }

#define READ_SYSREG(name) ({ unsigned long v_; __asm__ volatile("mrs %0, " #name : "=r"(v_)); v_; })
#define WRITE_SYSREG(name, v) __asm__ volatile("msr " #name ", %0\n isb" : : "r"((unsigned long) (v)) : "memory")

static volatile unsigned int timer_irqs[2], sgi_irqs[2], last_intid[2], unexpected, cpu1_ready;
static volatile unsigned long rpr_in_handler[2];
static int passed, failed;

static unsigned long cpu_index(void) { return READ_SYSREG(mpidr_el1) & 0xff; }

void irq_handler(void) {
    unsigned long cpu = cpu_index();
    unsigned long intid = READ_SYSREG(icc_iar1_el1) & 0xffffff;
    last_intid[cpu] = (unsigned int) intid;
    rpr_in_handler[cpu] = READ_SYSREG(icc_rpr_el1);
    if (intid == PPI_VTIMER) {
        WRITE_SYSREG(cntv_ctl_el0, 0);               /* disarm: the level falls */
        timer_irqs[cpu]++;
    } else if (intid == SGI_PING) {
        sgi_irqs[cpu]++;
    }
    if (intid < 1020) WRITE_SYSREG(icc_eoir1_el1, intid);
}

void unexpected_exception(void) {
    unexpected++;
    for (;;) __asm__ volatile("wfi");
}

static void check(int ok, const char *what) {
    puts(ok ? "PASS " : "FAIL ");
    puts(what);
    puts("\n");
    if (ok) passed++;
    else failed++;
}

/* Wakes this CPU's redistributor and turns on its CPU interface; enables INTID id (an SGI or PPI) at priority 0xa0. */
static int cpu_interface_on(unsigned long cpu, unsigned int id) {
    unsigned long rd = GICR + cpu * GICR_STRIDE;
    *reg32(rd + 0x14) = 0;                                    /* GICR_WAKER.ProcessorSleep = 0 */
    int i = 0;
    while ((*reg32(rd + 0x14) & 4) && i++ < PATIENCE) { }     /* ChildrenAsleep */
    int awake = (*reg32(rd + 0x14) & 4) == 0;
    WRITE_SYSREG(icc_sre_el1, READ_SYSREG(icc_sre_el1) | 1);
    WRITE_SYSREG(icc_pmr_el1, 0xf0);
    WRITE_SYSREG(icc_bpr1_el1, 0);
    WRITE_SYSREG(icc_igrpen1_el1, 1);
    *reg32(rd + SGI_FRAME + 0x080) = ~0u;                      /* GICR_IGROUPR0: SGIs and PPIs in group 1, as Linux sets them */
    *reg8(rd + SGI_FRAME + 0x400 + id) = 0xa0;                 /* GICR_IPRIORITYR */
    *reg32(rd + SGI_FRAME + 0x100) = 1u << id;                 /* GICR_ISENABLER0 */
    WRITE_SYSREG(vbar_el1, vectors);
    __asm__ volatile("msr daifclr, #2" ::: "memory");
    return awake;
}

static void secondary(void) {
    cpu_interface_on(1, SGI_PING);
    cpu1_ready = 1;
    while (sgi_irqs[1] == 0) __asm__ volatile("wfi");
    psci(PSCI_CPU_OFF, 0, 0, 0);
}

void gic_main(unsigned long cpu) {
    if (cpu != 0) secondary();
    puts("hvm-gicv3: GICv3 distributor, redistributors and ICC_* system registers\n");
    check((*reg32(GICD + 0xffe8) & 0xf0) == 0x30, "GICD_PIDR2.ArchRev = 3");
    *reg32(GICD) = (1u << 4) | 2;                              /* ARE, EnableGrp1 */
    check((*reg32(GICD) & 0x12) == 0x12, "GICD_CTLR: affinity routing and group 1 enabled");
    unsigned long typer0 = *reg64(GICR + 0x8), typer1 = *reg64(GICR + GICR_STRIDE + 0x8);
    check((typer0 & 0x10) == 0 && (typer1 & 0x10) && (typer1 >> 32) == 1,
          "GICR_TYPER: redistributor 1 has affinity 0.0.0.1 and is the Last");
    check(*reg32(GICR + 0x14) == 6, "GICR_WAKER: ProcessorSleep and ChildrenAsleep at reset");
    check(cpu_interface_on(0, PPI_VTIMER), "GICR_WAKER: awake once ProcessorSleep is cleared");
    check((READ_SYSREG(icc_sre_el1) & 1) == 1, "ICC_SRE_EL1.SRE = 1");
    check(READ_SYSREG(icc_pmr_el1) == 0xf0 && READ_SYSREG(icc_rpr_el1) == 0xff, "ICC_PMR_EL1 = 0xf0, ICC_RPR_EL1 idle");

    WRITE_SYSREG(cntv_tval_el0, 1000);
    WRITE_SYSREG(cntv_ctl_el0, 1);
    for (int i = 0; i < PATIENCE && timer_irqs[0] == 0; i++) __asm__ volatile("wfi");
    check(timer_irqs[0] == 1 && last_intid[0] == PPI_VTIMER, "virtual timer: ICC_IAR1_EL1 = 27 (PPI 11)");
    check(rpr_in_handler[0] == 0xa0, "ICC_RPR_EL1 in the handler = the PPI's priority 0xa0");
    check(READ_SYSREG(icc_rpr_el1) == 0xff, "ICC_EOIR1_EL1 dropped the running priority");

    check(psci(PSCI_CPU_ON, 1, (unsigned long) _start, 1) == 0, "PSCI CPU_ON of vCPU 1");
    for (int i = 0; i < PATIENCE && !cpu1_ready; i++) __asm__ volatile("yield");
    WRITE_SYSREG(icc_sgi1r_el1, ((unsigned long) SGI_PING << 24) | (1ul << 1));   /* Aff1 0, target list {1} */
    for (int i = 0; i < PATIENCE && sgi_irqs[1] == 0; i++) __asm__ volatile("yield");
    check(sgi_irqs[1] == 1 && last_intid[1] == SGI_PING, "vCPU 1 took SGI 1 from ICC_SGI1R_EL1");
    check(sgi_irqs[0] == 0, "the SGI reached only its target");
    check(unexpected == 0, "no unexpected exception");

    puts("summary: ");
    put_dec((unsigned long) passed);
    puts(" passed, ");
    put_dec((unsigned long) failed);
    puts(" failed\n");
    psci(PSCI_SYSTEM_OFF, 0, 0, 0);
}
