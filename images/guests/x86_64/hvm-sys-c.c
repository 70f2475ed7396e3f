/* hvm-sys-c (x86_64): exceptions taken from compiled 64-bit C code on the PC board. A 32-bit Multiboot entry in
 * assembly builds 4-level tables (2 MiB pages over 1 GiB, PML4[0] and PDPT[0] only), sets CR4.PAE (and OSFXSR for
 * gcc's SSE), EFER.LME and EFER.NXE, CR0.PG and far-jumps to 64-bit code; C then builds a 64-bit IDT from gate records, assembly stubs hand
 * each frame to a C handler that records vector, error code, RIP and CR2 and returns with IRETQ to the check's
 * landing label. The checks: #DE, #BP (RIP after int3), #UD, #GP(0) for a non-canonical address, and #PF for
 * not-present, read-only (CR0.WP) and NX pages, the error codes predicted in C (SDM Vol. 3 4.7).
 * Prints PASS/FAIL per check and a summary, powers off (port 0x604) only when all pass, else isa-debug-exit. */
#define COM1 0x3F8
#define NO_EXC 0xFF

struct frame { unsigned long vec, err, rip, cs, rflags, rsp, ss; };
struct gate { unsigned short off_lo, sel; unsigned char ist, type; unsigned short off_mid; unsigned off_hi, zero; };

unsigned long long gdt[3] __attribute__((aligned(8))) = {
    0, 0x00AF9A000000FFFFull /* 0x08 64-bit code */, 0x00CF92000000FFFFull /* 0x10 data */ };
unsigned long long pml4[512] __attribute__((aligned(4096)));
unsigned long long pdpt[512] __attribute__((aligned(4096)));
unsigned long long pd[512] __attribute__((aligned(4096)));
static struct gate idt[32] __attribute__((aligned(16)));
char stack[16384] __attribute__((aligned(16), used));
extern void (*const exc_stubs[32])(void);
volatile unsigned long got_vec, got_err, got_rip, got_cr2, resume;
static unsigned checks, failures;

__asm__(".text\n"
        ".code32\n"
        ".balign 4\n"
        ".long 0x1BADB002, 3, -(0x1BADB002 + 3)\n"     /* Multiboot v1 header */
        ".globl _start\n"
        "_start:\n"
        "    movl $stack + 16384, %esp\n"
        "    movl $pdpt + 7, pml4\n"                     /* P RW US */
        "    movl $pd + 7, pdpt\n"
        "    xorl %ecx, %ecx\n"
        "1:  movl %ecx, %eax\n"
        "    shll $21, %eax\n"
        "    orl $0x87, %eax\n"                          /* P RW US PS */
        "    movl %eax, pd(,%ecx,8)\n"
        "    incl %ecx\n"
        "    cmpl $512, %ecx\n"
        "    jb 1b\n"
        "    lgdt gdtr\n"
        "    movl %cr4, %eax\n"
        "    orl $0x620, %eax\n"                         /* PAE, OSFXSR, OSXMMEXCPT: gcc's code uses SSE */
        "    movl %eax, %cr4\n"
        "    movl $pml4, %eax\n"
        "    movl %eax, %cr3\n"
        "    movl $0xC0000080, %ecx\n"
        "    rdmsr\n"
        "    orl $0x900, %eax\n"                         /* LME, NXE */
        "    wrmsr\n"
        "    movl %cr0, %eax\n"
        "    orl $0x80010000, %eax\n"                    /* PG, WP */
        "    movl %eax, %cr0\n"
        "    ljmp $0x08, $2f\n"
        ".code64\n"
        "2:  movl $0x10, %eax\n"
        "    movw %ax, %ds\n"
        "    movw %ax, %es\n"
        "    movw %ax, %ss\n"
        "    movq $stack + 16384, %rsp\n"
        "    call c_main\n"
        "3:  hlt\n"
        "    jmp 3b\n"
        "exc_common:\n"                                 /* vector, error code, RIP, CS, RFLAGS, RSP, SS */
        "    pushq %rax\n    pushq %rcx\n    pushq %rdx\n    pushq %rsi\n    pushq %rdi\n"
        "    pushq %r8\n    pushq %r9\n    pushq %r10\n    pushq %r11\n"
        "    leaq 72(%rsp), %rdi\n"
        "    call c_trap\n"
        "    popq %r11\n    popq %r10\n    popq %r9\n    popq %r8\n"
        "    popq %rdi\n    popq %rsi\n    popq %rdx\n    popq %rcx\n    popq %rax\n"
        "    addq $16, %rsp\n"
        "    iretq\n"
        ".irp v, 0,1,2,3,4,5,6,7,9,15,16,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
        "exc_\\v: pushq $0\n"
        "    pushq $\\v\n"
        "    jmp exc_common\n"
        ".endr\n"
        ".irp v, 8,10,11,12,13,14,17\n"
        "exc_\\v: pushq $\\v\n"
        "    jmp exc_common\n"
        ".endr\n"
        ".section .rodata\n"
        ".balign 8\n"
        "exc_stubs:\n"
        ".irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
        ".quad exc_\\v\n"
        ".endr\n"
        "gdtr:\n"
        ".word 23\n"
        ".quad gdt\n"
        ".text\n");

static inline void outb(unsigned short port, unsigned char v) { __asm__ volatile("outb %0, %1" :: "a"(v), "Nd"(port)); }
static inline void outw(unsigned short port, unsigned short v) { __asm__ volatile("outw %0, %1" :: "a"(v), "Nd"(port)); }
static inline unsigned char inb(unsigned short port) { unsigned char v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }

static void putc(char c) { while (!(inb(COM1 + 5) & 0x20)) { } outb(COM1, (unsigned char)c); }
static void puts(const char *s) { while (*s) putc(*s++); }
static void puthex(unsigned long v) { for (int i = 60; i >= 0; i -= 4) putc("0123456789abcdef"[(v >> i) & 0xF]); }
static void putdec(unsigned v) { char b[12]; int n = 0; do { b[n++] = (char)('0' + v % 10); v /= 10; } while (v); while (n) putc(b[--n]); }

void c_trap(struct frame *f)
{
    unsigned long cr2;
    __asm__ volatile("movq %%cr2, %0" : "=r"(cr2));
    got_vec = f->vec;
    got_err = f->err;
    got_rip = f->rip;
    got_cr2 = cr2;
    if (resume) f->rip = resume;
}

static void check(unsigned long actual, unsigned long expected, const char *name)
{
    checks++;
    if (actual == expected) { puts("PASS "); puts(name); putc('\n'); return; }
    failures++;
    puts("FAIL "); puts(name); puts(": got "); puthex(actual); puts(" want "); puthex(expected); putc('\n');
}

static unsigned long last(void) { return got_vec << 16 | got_err; }

/* A faulting instruction `insn` with its landing label: the handler returns there (rax, rdx free for insn). */
#define TRY(insn, ...) __asm__ volatile("leaq 1f(%%rip), %%rax\n\tmovq %%rax, resume(%%rip)\n\t"                   \
                                        "movq $0xff, got_vec(%%rip)\n\tmovq $0, got_err(%%rip)\n\t" insn "\n1:" \
                                        :: __VA_ARGS__ : "rax", "rdx", "memory", "cc")

/* The #PF error code of a supervisor access (SDM Vol. 3 4.7): P, W, I (fetch, with EFER.NXE). */
static unsigned long pf_error(int present, int write, int fetch)
{
    return (present ? 1ul : 0ul) | (write ? 2ul : 0ul) | (fetch ? 0x10ul : 0ul);
}

static const unsigned char ret_insn[1] __attribute__((section(".text.ret"))) = { 0xC3 };   /* a RET to fetch */

void c_main(void)
{
    struct { unsigned short limit; unsigned long base; } __attribute__((packed)) idtr = { sizeof idt - 1, (unsigned long)idt };
    for (int v = 0; v < 32; v++) {
        unsigned long h = (unsigned long)exc_stubs[v];
        idt[v] = (struct gate){ (unsigned short)h, 0x08, 0, 0x8E, (unsigned short)(h >> 16), (unsigned)(h >> 32), 0 };
    }
    __asm__ volatile("lidt %0" :: "m"(idtr));
    outb(COM1 + 1, 0); outb(COM1 + 3, 0x80); outb(COM1, 1); outb(COM1 + 1, 0); outb(COM1 + 3, 3); outb(COM1 + 2, 7);
    puts("hvm-sys-c (x86_64): exceptions from 64-bit C code\n");

    TRY("movl $1, %%eax\n\txorl %%edx, %%edx\n\tdivl %0", "c"(0u));
    check(last(), 0ul << 16, "#DE: divl by zero, vector 0");
    TRY("ud2", "i"(0));
    check(last(), 6ul << 16, "#UD: ud2, vector 6");
    TRY("movq (%0), %%rax", "r"(0x0000800000000000ul));
    check(last(), 13ul << 16, "#GP(0): load from non-canonical 0x0000800000000000");
    resume = 0;
    unsigned long after;
    __asm__ volatile("int3\n2:\tleaq 2b(%%rip), %0" : "=r"(after) :: "memory");
    check(got_vec, 3, "#BP: int3, vector 3");
    check(got_rip, after, "#BP: return RIP after int3");

    /* pd[8] = 16 MiB: not present; pd[9] = 18 MiB: read-only; pd[10] = 20 MiB: NX, both mapping PA 0. */
    pd[8] = 0;
    pd[9] = 0x81;
    pd[10] = 0x83 | 1ul << 63;
    __asm__ volatile("movq %%cr3, %%rax\n\tmovq %%rax, %%cr3" ::: "rax", "memory");
    static const struct { unsigned long addr; int present, write, fetch; const char *name; } pf_cases[] = {
        { 0x01000010, 0, 0, 0, "#PF: read of a not-present page" },
        { 0x01000020, 0, 1, 0, "#PF: write to a not-present page" },
        { 0x01200030, 1, 1, 0, "#PF: write to a read-only page with CR0.WP" },
        { 0, 1, 0, 1, "#PF: fetch from an NX page (EFER.NXE)" },
    };
    for (unsigned i = 0; i < sizeof pf_cases / sizeof pf_cases[0]; i++) {
        unsigned long a = pf_cases[i].addr ? pf_cases[i].addr : 0x01400000ul + (unsigned long)ret_insn;
        if (pf_cases[i].fetch) TRY("callq *%0", "r"(a));
        else if (pf_cases[i].write) TRY("movq $0, (%0)", "r"(a));
        else TRY("movq (%0), %%rax", "r"(a));
        check(last(), 14ul << 16 | pf_error(pf_cases[i].present, pf_cases[i].write, pf_cases[i].fetch), pf_cases[i].name);
        check(got_cr2, a, "#PF: CR2 = the faulting address");
    }
    puts("hvm-sys-c (x86_64): "); putdec(checks); puts(" checks, "); putdec(failures); puts(" failed\n");
    if (failures == 0) outw(0x604, 0x2000);
    outb(0xF4, 1);
}
