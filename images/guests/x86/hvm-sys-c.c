/* hvm-sys-c: exceptions taken from compiled C code on the x86 PC board (Multiboot v1). The image loads its own GDT
 * and IDT (built in C from gate records), assembly stubs hand each exception's frame to a C handler, which records
 * vector, error code, EIP and CR2 and returns with IRET to the check's landing label. The checks: #DE from a
 * division, #BP (a trap: EIP after int3), #UD, #GP with a selector error code, and #PF with 4 MiB pages (CR4.PSE)
 * for supervisor reads and writes, error codes and CR2 predicted in C. Prints PASS/FAIL per check and a summary,
 * powers off (port 0x604) only when all pass, else exits through isa-debug-exit (port 0xF4). */
#define COM1 0x3F8
#define NO_EXC 0xFF

struct frame { unsigned vec, err, eip, cs, eflags; };
struct gate { unsigned short off_lo, sel; unsigned char zero, type; unsigned short off_hi; };

static unsigned long long gdt[3] __attribute__((aligned(8))) = {
    0, 0x00CF9A000000FFFFull /* 0x08 code */, 0x00CF92000000FFFFull /* 0x10 data */ };
static struct gate idt[32] __attribute__((aligned(8)));
static unsigned pd[1024] __attribute__((aligned(4096)));
static char stack[16384] __attribute__((aligned(16), used));
extern void (*const exc_stubs[32])(void);
volatile unsigned got_vec, got_err, got_eip, got_cr2, resume;
static unsigned checks, failures;

__asm__(".text\n"
        ".balign 4\n"
        ".long 0x1BADB002, 3, -(0x1BADB002 + 3)\n"     /* Multiboot v1 header: page-aligned modules, memory info */
        ".globl _start\n"
        "_start:\n"
        "    movl $stack + 16384, %esp\n"
        "    call c_main\n"
        "1:  hlt\n"
        "    jmp 1b\n"
        "exc_common:\n"                                 /* vector, error code, EIP, CS, EFLAGS */
        "    pushl %eax\n"
        "    pushl %ecx\n"
        "    pushl %edx\n"
        "    leal 12(%esp), %eax\n"
        "    pushl %eax\n"
        "    call c_trap\n"
        "    addl $4, %esp\n"
        "    popl %edx\n"
        "    popl %ecx\n"
        "    popl %eax\n"
        "    addl $8, %esp\n"
        "    iret\n"
        ".irp v, 0,1,2,3,4,5,6,7,9,15,16,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
        "exc_\\v: pushl $0\n"
        "    pushl $\\v\n"
        "    jmp exc_common\n"
        ".endr\n"
        ".irp v, 8,10,11,12,13,14,17\n"
        "exc_\\v: pushl $\\v\n"
        "    jmp exc_common\n"
        ".endr\n"
        ".section .rodata\n"
        ".balign 4\n"
        "exc_stubs:\n"
        ".irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
        ".long exc_\\v\n"
        ".endr\n"
        ".text\n");

static inline void outb(unsigned short port, unsigned char v) { __asm__ volatile("outb %0, %1" :: "a"(v), "Nd"(port)); }
static inline void outw(unsigned short port, unsigned short v) { __asm__ volatile("outw %0, %1" :: "a"(v), "Nd"(port)); }
static inline unsigned char inb(unsigned short port) { unsigned char v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }

static void putc(char c) { while (!(inb(COM1 + 5) & 0x20)) { } outb(COM1, (unsigned char)c); }
static void puts(const char *s) { while (*s) putc(*s++); }
static void puthex(unsigned v) { for (int i = 28; i >= 0; i -= 4) putc("0123456789abcdef"[(v >> i) & 0xF]); }
static void putdec(unsigned v) { char b[12]; int n = 0; do { b[n++] = (char)('0' + v % 10); v /= 10; } while (v); while (n) putc(b[--n]); }

void c_trap(struct frame *f)
{
    unsigned cr2;
    __asm__ volatile("movl %%cr2, %0" : "=r"(cr2));
    got_vec = f->vec;
    got_err = f->err;
    got_eip = f->eip;
    got_cr2 = cr2;
    if (resume) f->eip = resume;
}

static void check(unsigned actual, unsigned expected, const char *name)
{
    checks++;
    if (actual == expected) { puts("PASS "); puts(name); putc('\n'); return; }
    failures++;
    puts("FAIL "); puts(name); puts(": got "); puthex(actual); puts(" want "); puthex(expected); putc('\n');
}

/* The last exception as vector << 16 | error code. */
static unsigned last(void) { return got_vec << 16 | got_err; }

/* A faulting instruction `insn` with its landing label: the handler returns there (eax, edx free for insn). */
#define TRY(insn, ...) __asm__ volatile("movl $1f, resume\n\tmovl $0xff, got_vec\n\tmovl $0, got_err\n\t" insn "\n1:" \
                                        :: __VA_ARGS__ : "eax", "edx", "memory", "cc")

/* The #PF error code a supervisor access to a not-present page makes (SDM Vol. 3 4.7): W in bit 1, P = U = I = 0. */
static unsigned pf_error(int write, int present) { return (write ? 2u : 0u) | (present ? 1u : 0u); }

void c_main(void)
{
    struct { unsigned short limit; unsigned base; } __attribute__((packed)) gdtr = { sizeof gdt - 1, (unsigned)gdt },
        idtr = { sizeof idt - 1, (unsigned)idt };
    __asm__ volatile("lgdt %0\n\tljmp $0x08, $1f\n1:\tmovl $0x10, %%eax\n\tmovw %%ax, %%ds\n\tmovw %%ax, %%es\n\t"
                     "movw %%ax, %%ss\n\tmovw %%ax, %%fs\n\tmovw %%ax, %%gs" :: "m"(gdtr) : "eax", "memory");
    for (int v = 0; v < 32; v++) {
        unsigned h = (unsigned)exc_stubs[v];
        idt[v] = (struct gate){ (unsigned short)h, 0x08, 0, 0x8E, (unsigned short)(h >> 16) };
    }
    __asm__ volatile("lidt %0" :: "m"(idtr));
    outb(COM1 + 1, 0); outb(COM1 + 3, 0x80); outb(COM1, 1); outb(COM1 + 1, 0); outb(COM1 + 3, 3); outb(COM1 + 2, 7);
    puts("hvm-sys-c: exceptions from C code\n");

    TRY("movl $1, %%eax\n\txorl %%edx, %%edx\n\tdivl %0", "c"(0u));
    check(last(), 0u << 16, "#DE: divl by zero, vector 0");
    TRY("ud2", "i"(0));
    check(last(), 6u << 16, "#UD: ud2, vector 6");
    TRY("movw %w0, %%ss", "r"(0x08u));
    check(last(), 13u << 16 | 0x08, "#GP: mov to SS of a code segment, error code 0x08");
    resume = 0;
    unsigned after;
    __asm__ volatile("int3\n2:\tmovl $2b, %0" : "=r"(after) :: "memory");
    check(got_vec, 3, "#BP: int3, vector 3");
    check(got_eip, after, "#BP: return address after int3");

    /* 4 MiB pages: 0-4 MiB present, 4-8 MiB not present, 8-12 MiB read-only; CR0.WP on. */
    pd[0] = 0x00000083;
    pd[2] = 0x00800081;
    __asm__ volatile("movl %%cr4, %%eax\n\torl $0x10, %%eax\n\tmovl %%eax, %%cr4\n\tmovl %0, %%cr3\n\t"
                     "movl %%cr0, %%eax\n\torl $0x80010000, %%eax\n\tmovl %%eax, %%cr0" :: "r"(pd) : "eax", "memory");
    static const struct { unsigned addr; int write, present; const char *name; } pf_cases[] = {
        { 0x00400010, 0, 0, "#PF: read of a not-present page, CR2 and error code predicted" },
        { 0x00400020, 1, 0, "#PF: write to a not-present page, CR2 and error code predicted" },
        { 0x00800030, 1, 1, "#PF: write to a read-only page with CR0.WP, CR2 and error code predicted" },
    };
    for (unsigned i = 0; i < sizeof pf_cases / sizeof pf_cases[0]; i++) {
        if (pf_cases[i].write) TRY("movl $0, (%0)", "r"(pf_cases[i].addr));
        else TRY("movl (%0), %%eax", "r"(pf_cases[i].addr));
        check(last() ^ got_cr2, (14u << 16 | pf_error(pf_cases[i].write, pf_cases[i].present)) ^ pf_cases[i].addr,
              pf_cases[i].name);
    }
    unsigned v;
    TRY("movl (%0), %%eax", "r"(0x00800040u));
    v = got_vec;
    check(v, NO_EXC, "read of a read-only page: no exception");

    puts("hvm-sys-c: "); putdec(checks); puts(" checks, "); putdec(failures); puts(" failed\n");
    if (failures == 0) outw(0x604, 0x2000);
    outb(0xF4, 1);
}
