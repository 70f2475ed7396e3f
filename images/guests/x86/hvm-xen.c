/* hvm-xen: the Xen HVM guest interface from a Multiboot kernel on the PC board (xl type = "hvm"), in three modes:
 * this file as is (hvm32: 32-bit protected mode, paging off), x86/hvm-xen-pae.c (hvm32pae: PAE paging, 2 MiB pages)
 * and x86_64/hvm-xen.c (hvm64: long mode, 4-level paging); the 32-bit Multiboot entry builds the mode, loads a GDT
 * (flat ring 0 and ring 3 segments, a TSS) and an IDT with the event-callback vector and a ring-3 return gate.
 * The checks, each printed PASS/FAIL with what it got and wanted:
 * - Xen through CPUID 0x40000000 ("XenVMMXenVMM", leaves up to 0x40000005), leaf 0x40000002 naming the hypercall-page
 *   MSR, WRMSR filling the page with 32-byte `mov $nr, %eax; vmcall; ret` stubs (ud2 for iret, int3 between);
 *   xen_version and console_io through it; the MSR reading 0, #GP for a page index, a frame outside RAM, MSR + 1;
 * - the mode itself (CR0, CR4, EFER); hvm_op get_param of the store and console rings, set_param of
 *   HVM_PARAM_CALLBACK_IRQ (type 2 = vector in bits 63:56), of the store ring's frame (-EPERM) and event channel
 *   (allowed), a bad index -EINVAL, a domain that does not exist -ESRCH;
 * - memory_op: add_to_physmap of shared_info and grant-table frame 0 at free frames, current/maximum_reservation;
 * - event channels: a loopback pair (alloc_unbound to itself, bind_interdomain), send arriving on the callback vector
 *   through the IDT, the pending bit in shared_info while masked, unmask delivering it, close, status of a closed port;
 * - grant tables: query_size/setup_table, a read-only grant to itself mapped read-only, a writable map of it refused
 *   (GNTST_permission_denied), unmap, a bad reference and handle, gnttab copy to a frame and to a read-only grant;
 * - bad arguments: wild pointers -EFAULT, unknown hypercalls -ENOSYS, vmcall from ring 3 -EPERM, ports out of range
 *   -EINVAL.
 * A check where Polyvisor's kernel answers differently from Xen prints KNOWN (what Xen gives) and is not counted as
 * a failure. Then the summary, `Test result: SUCCESS` (or FAILURE), and sched_op(SCHEDOP_shutdown): poweroff, or crash
 * when a check failed, so `polyvisor run` exits with the verdict. */
#define HYPERVISOR_memory_op 12
#define HYPERVISOR_xen_version 17
#define HYPERVISOR_console_io 18
#define HYPERVISOR_grant_table_op 20
#define HYPERVISOR_sched_op 29
#define HYPERVISOR_event_channel_op 32
#define HYPERVISOR_hvm_op 34
#define SHUTDOWN_poweroff 0
#define SHUTDOWN_crash 3
#define DOMID_SELF 0x7FF0
#define EPERM 1
#define ESRCH 3
#define EFAULT 14
#define EINVAL 22
#define ENOSYS 38
#define HVMOP_set_param 0
#define HVMOP_get_param 1
#define HVM_PARAM_CALLBACK_IRQ 0
#define HVM_PARAM_STORE_PFN 1
#define HVM_PARAM_STORE_EVTCHN 2
#define HVM_PARAM_CONSOLE_PFN 17
#define HVM_PARAM_CONSOLE_EVTCHN 18
#define XENMEM_current_reservation 3
#define XENMEM_maximum_reservation 4
#define XENMEM_add_to_physmap 7
#define XENMAPSPACE_shared_info 0
#define XENMAPSPACE_grant_table 1
#define EVTCHNOP_bind_interdomain 0
#define EVTCHNOP_close 3
#define EVTCHNOP_send 4
#define EVTCHNOP_status 5
#define EVTCHNOP_alloc_unbound 6
#define EVTCHNOP_unmask 9
#define EVTCHNSTAT_closed 0
#define EVTCHNSTAT_interdomain 2
#define GNTTABOP_map_grant_ref 0
#define GNTTABOP_unmap_grant_ref 1
#define GNTTABOP_setup_table 2
#define GNTTABOP_copy 5
#define GNTTABOP_query_size 6
#define GNTMAP_host_map 2
#define GNTMAP_readonly 4
#define GTF_permit_access 1
#define GTF_readonly 4
#define GNTCOPY_dest_gref 2
#define GNTST_bad_gntref (-3)
#define GNTST_bad_handle (-4)
#define GNTST_permission_denied (-8)
#define CALLBACK_VECTOR 0xF3
#define RING3_RETURN_VECTOR 0x81
#define GRANT_REF 10
#define WILD 0xE0000000ul                               /* far above the 16 MiB of RAM */
#ifdef __x86_64__
#define MODE "hvm64"
#elif defined HVM_XEN_PAE
#define MODE "hvm32pae"
#else
#define MODE "hvm32"
#endif

/* xen_ulong_t and handles are a word of the guest's mode (public/arch-x86/xen-x86_32.h, xen-x86_64.h). */
typedef unsigned long xen_ulong_t;
struct xen_hvm_param { unsigned short domid, pad; unsigned index; unsigned long long value; };
struct xen_add_to_physmap { unsigned short domid, size; unsigned space; xen_ulong_t idx, gpfn; };
struct evtchn_alloc_unbound { unsigned short dom, remote_dom; unsigned port; };
struct evtchn_bind_interdomain { unsigned short remote_dom; unsigned remote_port, local_port; };
struct evtchn_status {
    unsigned short dom;
    unsigned port, status, vcpu;
    union { unsigned short unbound_dom; struct { unsigned short dom; unsigned port; } interdomain; } u;
};
struct gnttab_setup_table { unsigned short dom; unsigned nr_frames; short status; xen_ulong_t *frame_list; };
struct gnttab_query_size { unsigned short dom; unsigned nr_frames, max_nr_frames; short status; };
struct gnttab_map_grant_ref {
    unsigned long long host_addr;
    unsigned flags, ref;
    unsigned short dom;
    short status;
    unsigned handle;
    unsigned long long dev_bus_addr;
};
struct gnttab_unmap_grant_ref { unsigned long long host_addr, dev_bus_addr; unsigned handle; short status; };
struct gnttab_copy_ptr { union { unsigned ref; xen_ulong_t gmfn; } u; unsigned short domid, offset; };
struct gnttab_copy { struct gnttab_copy_ptr source, dest; unsigned short len, flags; short status; };
struct grant_entry_v1 { unsigned short flags, domid; unsigned frame; };
struct vcpu_info { unsigned char upcall_pending, upcall_mask, pad[sizeof(xen_ulong_t) - 2]; xen_ulong_t pending_sel; };
#define BITS (8 * sizeof(xen_ulong_t))
#define EVTCHN_PENDING 2048                             /* shared_info: 32 vcpu_info slots of 64 bytes first */
#define EVTCHN_MASK (EVTCHN_PENDING + BITS * sizeof(xen_ulong_t))

static char stack[16384] __attribute__((aligned(16), used));
static char user_stack[4096] __attribute__((aligned(16), used));
static char hypercall_page[4096] __attribute__((aligned(4096)));
static char shinfo_page[4096] __attribute__((aligned(4096)));   /* free frames that add_to_physmap and maps cover */
static char grant_page[4096] __attribute__((aligned(4096)));
static char map_page[4096] __attribute__((aligned(4096)));
static char map_page2[4096] __attribute__((aligned(4096)));
static char source_page[4096] __attribute__((aligned(4096)));
static char copy_page[4096] __attribute__((aligned(4096)));
static unsigned long long gdt[8] __attribute__((aligned(16), used));
static unsigned tss[32] __attribute__((aligned(16), used));
#ifdef __x86_64__
struct gate { unsigned short off_lo, sel; unsigned char ist, type; unsigned short off_mid; unsigned off_hi, zero; };
static unsigned long long pml4[512] __attribute__((aligned(4096), used));
static unsigned long long pdpt[512] __attribute__((aligned(4096), used));
#else
struct gate { unsigned short off_lo, sel; unsigned char zero, type; unsigned short off_hi; };
static unsigned long long pdpt[4] __attribute__((aligned(32), used));
#endif
static unsigned long long pd[512] __attribute__((aligned(4096), used));
static struct gate idt[256] __attribute__((aligned(16)));
struct { unsigned short limit; unsigned long base; } __attribute__((packed)) gdtr, idtr;
extern char callback_entry[], ring3_return[], gp_entry[];
volatile unsigned gp_faults;
unsigned long ring0_sp;
unsigned multiboot_magic, multiboot_info;           /* saved by _start */
static unsigned passes, failures, knowns;

/* Multiboot v1 entry (32-bit, paging off, EAX = magic, EBX = information): the mode's paging, then c_main.
 * The PAE and long-mode tables map the first GiB 1:1 with 2 MiB pages, user-accessible for the ring-3 check. */
__asm__(".text\n"
        ".code32\n"
        ".balign 4\n"
        ".long 0x1BADB002, 3, -(0x1BADB002 + 3)\n"     /* Multiboot v1 header: page-aligned modules, memory info */
        ".globl _start\n"
        "_start:\n"
        "    movl $stack + 16384, %esp\n"
        "    movl %eax, multiboot_magic\n"
        "    movl %ebx, multiboot_info\n"
#if defined __x86_64__ || defined HVM_XEN_PAE
        "    xorl %ecx, %ecx\n"
        "1:  movl %ecx, %eax\n"
        "    shll $21, %eax\n"
        "    orl $0x87, %eax\n"                          /* P RW US PS */
        "    movl %eax, pd(,%ecx,8)\n"
        "    incl %ecx\n"
        "    cmpl $512, %ecx\n"
        "    jb 1b\n"
#ifdef __x86_64__
        "    movl $pd + 7, pdpt\n"                       /* P RW US */
        "    movl $pdpt + 7, pml4\n"
        "    movl $pml4, %eax\n"
#else
        "    movl $pd + 1, pdpt\n"                       /* a PAE PDPTE has only P (RW and US are reserved) */
        "    movl $pdpt, %eax\n"
#endif
        "    movl %eax, %cr3\n"
        "    movl %cr4, %eax\n"
        "    orl $0x20, %eax\n"                          /* PAE */
        "    movl %eax, %cr4\n"
#ifdef __x86_64__
        "    movl $0xC0000080, %ecx\n"
        "    rdmsr\n"
        "    orl $0x100, %eax\n"                         /* EFER.LME */
        "    wrmsr\n"
#endif
        "    movl %cr0, %eax\n"
        "    orl $0x80000000, %eax\n"                    /* PG */
        "    movl %eax, %cr0\n"
#endif
#ifdef __x86_64__
        "    lgdt boot_gdtr\n"
        "    ljmp $0x08, $2f\n"
        ".code64\n"
        "2:  movl $0x10, %eax\n"
        "    movw %ax, %ds\n"
        "    movw %ax, %es\n"
        "    movw %ax, %ss\n"
        "    call c_main\n"
        "3:  hlt\n"
        "    jmp 3b\n"
        /* The event callback: an interrupt gate, so IF is clear until IRETQ. */
        "callback_entry:\n"
        "    pushq %rax\n pushq %rcx\n pushq %rdx\n pushq %rsi\n pushq %rdi\n"
        "    pushq %r8\n pushq %r9\n pushq %r10\n pushq %r11\n"
        "    call upcall\n"
        "    popq %r11\n popq %r10\n popq %r9\n popq %r8\n"
        "    popq %rdi\n popq %rsi\n popq %rdx\n popq %rcx\n popq %rax\n"
        "    iretq\n"
        /* #GP from RDMSR/WRMSR (both 2 bytes): count it and step over the instruction. */
        "gp_entry:\n"
        "    addq $8, %rsp\n"                          /* the error code */
        "    addq $2, (%rsp)\n"
        "    incl gp_faults(%rip)\n"
        "    iretq\n"
        /* long ring3_vmcall(long op): IRETQ to ring 3, vmcall there, int $0x81 back to ring 0 with the result. */
        ".globl ring3_vmcall\n"
        "ring3_vmcall:\n"
        "    pushq %rbx\n pushq %rbp\n pushq %r12\n pushq %r13\n pushq %r14\n pushq %r15\n"
        "    movq %rsp, ring0_sp(%rip)\n"
        "    movq %rdi, %rax\n"
        "    pushq $0x23\n"                              /* SS: ring-3 data */
        "    leaq user_stack+4096(%rip), %rcx\n"
        "    pushq %rcx\n"
        "    pushfq\n"
        "    pushq $0x1B\n"                              /* CS: ring-3 64-bit code */
        "    leaq 4f(%rip), %rcx\n"
        "    pushq %rcx\n"
        "    xorl %edi, %edi\n"
        "    xorl %esi, %esi\n"
        "    iretq\n"
        "4:  vmcall\n"
        "    int $0x81\n"
        "ring3_return:\n"
        "    movq ring0_sp(%rip), %rsp\n"
        "    popq %r15\n popq %r14\n popq %r13\n popq %r12\n popq %rbp\n popq %rbx\n"
        "    ret\n"
        ".section .rodata\n"
        ".balign 8\n"
        "boot_gdt:\n"
        "    .quad 0, 0x00AF9A000000FFFF, 0x00CF92000000FFFF\n"
        "boot_gdtr:\n"
        "    .word 23\n"
        "    .long boot_gdt\n"
        ".text\n");
#else
        "    call c_main\n"
        "3:  hlt\n"
        "    jmp 3b\n"
        "callback_entry:\n"
        "    pushl %eax\n pushl %ecx\n pushl %edx\n"
        "    call upcall\n"
        "    popl %edx\n popl %ecx\n popl %eax\n"
        "    iret\n"
        "gp_entry:\n"
        "    addl $4, %esp\n"
        "    addl $2, (%esp)\n"
        "    incl gp_faults\n"
        "    iret\n"
        /* long ring3_vmcall(long op): IRET to ring 3 (data segments ring 3 too), vmcall there, int $0x81 back. */
        ".globl ring3_vmcall\n"
        "ring3_vmcall:\n"
        "    movl 4(%esp), %eax\n"
        "    pushl %ebx\n pushl %ebp\n pushl %esi\n pushl %edi\n"
        "    movl %esp, ring0_sp\n"
        "    pushl $0x23\n"                              /* SS: ring-3 data */
        "    pushl $user_stack + 4096\n"
        "    pushfl\n"
        "    pushl $0x1B\n"                              /* CS: ring-3 code */
        "    pushl $4f\n"
        "    movw $0x23, %cx\n"
        "    movw %cx, %ds\n"
        "    movw %cx, %es\n"
        "    xorl %ebx, %ebx\n"
        "    xorl %ecx, %ecx\n"
        "    iret\n"
        "4:  vmcall\n"
        "    int $0x81\n"
        "ring3_return:\n"
        "    movw $0x10, %cx\n"
        "    movw %cx, %ds\n"
        "    movw %cx, %es\n"
        "    movl ring0_sp, %esp\n"
        "    popl %edi\n popl %esi\n popl %ebp\n popl %ebx\n"
        "    ret\n");
#endif

long ring3_vmcall(long op);

/* Xen's HVM hypercall registers: 64-bit rdi, rsi, rdx, r10, r8; 32-bit ebx, ecx, edx, esi, edi (result in eax). */
static long call_at(const char *stub, long op, unsigned long a1, unsigned long a2, unsigned long a3) {
    long r;
#ifdef __x86_64__
    __asm__ volatile("call *%[stub]" : "=a"(r), "+D"(a1), "+S"(a2), "+d"(a3) : [stub] "r"(stub), "a"(op)
                     : "memory", "rcx", "r8", "r9", "r10", "r11");
#else
    __asm__ volatile("call *%[stub]" : "=a"(r), "+b"(a1), "+c"(a2), "+d"(a3) : [stub] "r"(stub), "a"(op)
                     : "memory", "esi", "edi");
#endif
    return r;
}

static long hypercall(int op, unsigned long a1, unsigned long a2, unsigned long a3) {
    return call_at(hypercall_page + op * 32, op, a1, a2, a3);
}

/* A vmcall outside the page, for numbers the page has no stub for. */
static long raw_vmcall(long op) {
    static const unsigned char stub[] = { 0x0F, 0x01, 0xC1, 0xC3 };  /* vmcall; ret */
    return call_at((const char *)stub, op, 0, 0, 0);
}

/* Until the hypercall page is installed, output waits in a buffer. */
static char early[512];
static unsigned early_len, page_ready;

static unsigned length(const char *s) { unsigned n = 0; while (s[n]) n++; return n; }

static void puts(const char *s) {
    unsigned n = length(s);
    if (!page_ready) {
        for (unsigned i = 0; i < n && early_len < sizeof early; i++) early[early_len++] = s[i];
        return;
    }
    hypercall(HYPERVISOR_console_io, 0, n, (unsigned long)s);
}

static void puthex(unsigned long v) {
    char out[2 + 2 * sizeof v + 1];
    int k = 0;
    out[k++] = '0';
    out[k++] = 'x';
    int shift = 4 * (2 * sizeof v - 1);
    while (shift > 0 && !(v >> shift & 0xF)) shift -= 4;
    for (; shift >= 0; shift -= 4) out[k++] = "0123456789abcdef"[v >> shift & 0xF];
    out[k] = 0;
    puts(out);
}

/* Decimal, or hexadecimal from 0x10000 up (addresses, magic numbers, versions). */
static void putnum(long v) {
    if ((unsigned long)v >= 0x10000 && v > 0) { puthex((unsigned long)v); return; }
    char b[24];
    int n = 0;
    unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
    do { b[n++] = (char)('0' + u % 10); u /= 10; } while (u);
    if (v < 0) b[n++] = '-';
    char out[24];
    int k = 0;
    while (n) out[k++] = b[--n];
    out[k] = 0;
    puts(out);
}

/* PASS/FAIL "what: got G" (", wanted W" when they differ). */
static int check(const char *what, long got, long want) {
    int ok = got == want;
    puts(ok ? "PASS " : "FAIL ");
    puts(what);
    puts(": got ");
    putnum(got);
    if (!ok) { puts(", wanted "); putnum(want); }
    puts("\n");
    if (ok) passes++; else failures++;
    return ok;
}

static int check_true(const char *what, int ok) { return check(what, ok, 1); }

/* PASS/FAIL "what: got G" for 0 <= G < limit. */
static void check_below(const char *what, unsigned long long got, unsigned long long limit) {
    int ok = got < limit;
    puts(ok ? "PASS " : "FAIL ");
    puts(what);
    puts(": got ");
    putnum(got > 0x7FFFFFFF ? -1 : (long)got);
    if (!ok) { puts(", wanted below "); putnum((long)limit); }
    puts("\n");
    if (ok) passes++; else failures++;
}

/* Xen answers `xen`; Polyvisor's kernel is known to answer `known` (reported, outside this image's area). */
static void check_known(const char *what, long got, long xen, long known, const char *where) {
    if (got != known || got == xen) { check(what, got, xen); return; }
    puts("KNOWN ");
    puts(what);
    puts(": got ");
    putnum(got);
    puts(", Xen gives ");
    putnum(xen);
    puts(" (");
    puts(where);
    puts(")\n");
    knowns++;
}

/* Event upcalls: the callback vector's handler takes every pending, unmasked port off shared_info. */
static volatile struct vcpu_info *vcpu0;
static volatile xen_ulong_t *evtchn_pending, *evtchn_mask;
static volatile unsigned upcalls;
static volatile unsigned seen;                          /* the ports below 32 the upcalls took (no 64-bit shifts) */

void upcall(void) {
    upcalls++;
    vcpu0->upcall_pending = 0;
    xen_ulong_t sel = __atomic_exchange_n(&vcpu0->pending_sel, 0, __ATOMIC_SEQ_CST);
    for (unsigned w = 0; w < BITS; w++) {
        if (!(sel & (1ul << w))) continue;
        xen_ulong_t bits = evtchn_pending[w] & ~evtchn_mask[w];
        for (unsigned b = 0; b < BITS; b++)
            if (bits & (1ul << b)) {
                __atomic_and_fetch(&evtchn_pending[w], ~(1ul << b), __ATOMIC_SEQ_CST);
                if (w * BITS + b < 32) seen |= 1u << (w * BITS + b);
            }
    }
}

static void wait_upcalls(unsigned n) {
    for (unsigned i = 0; i < 100000 && upcalls < n; i++) __asm__ volatile("pause" ::: "memory");
}

static void set_gate(int vector, void *handler, int dpl) {
    unsigned long at = (unsigned long)handler;
    struct gate *g = &idt[vector];
    g->off_lo = (unsigned short)at;
    g->sel = 0x08;
    g->type = (unsigned char)(0x8E | dpl << 5);        /* present interrupt gate */
#ifdef __x86_64__
    g->off_mid = (unsigned short)(at >> 16);
    g->off_hi = (unsigned)(at >> 32);
#else
    g->off_hi = (unsigned short)(at >> 16);
#endif
}

/* GDT: 0x08 ring-0 code, 0x10 ring-0 data, 0x18 ring-3 code, 0x20 ring-3 data, 0x28 the TSS (ring-0 stack for
 * interrupts from ring 3: ESP0/SS0 at 4/8 in a 32-bit TSS, RSP0 at 4 in a 64-bit one). */
static void load_descriptor_tables(void) {
#ifdef __x86_64__
    gdt[1] = 0x00AF9A000000FFFFull;
    gdt[3] = 0x00AFFA000000FFFFull;
#else
    gdt[1] = 0x00CF9A000000FFFFull;
    gdt[3] = 0x00CFFA000000FFFFull;
#endif
    gdt[2] = 0x00CF92000000FFFFull;
    gdt[4] = 0x00CFF2000000FFFFull;
    unsigned long base = (unsigned long)tss;
    unsigned *tss_desc = (unsigned *)(void *)&gdt[5];   /* built from 32-bit halves: no 64-bit shifts on x86 */
    tss_desc[0] = 103 | (unsigned)(base & 0xFFFF) << 16;
    tss_desc[1] = (unsigned)(base >> 16 & 0xFF) | 0x89u << 8 | (unsigned)(base >> 24 & 0xFF) << 24;
#ifdef __x86_64__
    gdt[6] = base >> 32;
    tss[1] = (unsigned)(unsigned long)(stack + 8192);  /* RSP0, at offset 4 */
    tss[2] = (unsigned)((unsigned long)(stack + 8192) >> 32);
#else
    tss[1] = (unsigned long)(stack + 8192);             /* ESP0 */
    tss[2] = 0x10;                                      /* SS0 */
#endif
    gdtr.limit = sizeof gdt - 1;
    gdtr.base = (unsigned long)gdt;
    set_gate(13, gp_entry, 0);
    set_gate(CALLBACK_VECTOR, callback_entry, 0);
    set_gate(RING3_RETURN_VECTOR, ring3_return, 3);
    idtr.limit = sizeof idt - 1;
    idtr.base = (unsigned long)idt;
    __asm__ volatile("lgdt %0\n lidt %1\n ltr %w2" : : "m"(gdtr), "m"(idtr), "r"(0x28) : "memory");
}

static unsigned long pfn(const void *p) { return (unsigned long)p >> 12; }

/* The "domid=N" the domain builder puts first on the Multiboot command line (flags bit 2, cmdline at 16). */
static unsigned short own_domid(void) {
    const unsigned *mbi = (const unsigned *)(unsigned long)multiboot_info;
    if (!(mbi[0] & 4)) return DOMID_SELF;
    const char *c = (const char *)(unsigned long)mbi[4];
    const char *p = "domid=";
    while (*p) if (*c++ != *p++) return DOMID_SELF;
    unsigned n = 0;
    while (*c >= '0' && *c <= '9') n = n * 10 + (unsigned)(*c++ - '0');
    return (unsigned short)n;
}

static void xen_discovery(void) {
    unsigned a, b, c, d;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x40000000));
    check_true("CPUID 0x40000000 signature XenVMMXenVMM", b == 0x566e6558 && c == 0x65584d4d && d == 0x4d4d566e);
    check("CPUID 0x40000000 last leaf", a, 0x40000005);
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x40000002));
    check("CPUID 0x40000002 hypercall pages", a, 1);
    check("CPUID 0x40000002 hypercall MSR", b, 0x40000000);
    __asm__ volatile("wrmsr" : : "c"(b), "a"((unsigned)(unsigned long)hypercall_page), "d"(0));
    page_ready = 1;
    hypercall(HYPERVISOR_console_io, 0, early_len, (unsigned long)early);
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x40000004), "c"(0));
    check("CPUID 0x40000004 XEN_HVM_CPUID_VCPU_ID_PRESENT", (a >> 3) & 1, 1);
    check("CPUID 0x40000004 EBX: vCPU ID", b, 0);
    check_known("CPUID 0x40000004 XEN_HVM_CPUID_DOMID_PRESENT, ECX = domid", (a >> 4) & 1 && c == own_domid(), 1, 0,
                "PcBoard/XenHvmInterface do not give leaf 4 the domain ID");
    const unsigned char *stub = (const unsigned char *)hypercall_page + HYPERVISOR_sched_op * 32;
    check_true("hypercall page stub 29 is mov $29,%eax; vmcall; ret", stub[0] == 0xB8 && stub[1] == 29 && stub[2] == 0
               && stub[3] == 0 && stub[4] == 0 && stub[5] == 0x0F && stub[6] == 0x01 && stub[7] == 0xC1 && stub[8] == 0xC3);
    const unsigned char *iret = (const unsigned char *)hypercall_page + 23 * 32;
    check_true("hypercall page stub 23 (iret) is ud2, the rest int3", iret[0] == 0x0F && iret[1] == 0x0B && iret[2] == 0xCC
               && stub[9] == 0xCC && stub[31] == 0xCC);
    check("xen_version(XENVER_version)", hypercall(HYPERVISOR_xen_version, 0, 0, 0), 0x00040013);
    static const char line[] = "console_io write through the hypercall page\n";
    check("console_io(CONSOLEIO_write) of 44 bytes",
          hypercall(HYPERVISOR_console_io, 0, sizeof line - 1, (unsigned long)line), 0);
}

static long get_param(unsigned short domid, unsigned index, unsigned long long *value) {
    static struct xen_hvm_param p;
    p.domid = domid;
    p.index = index;
    p.value = 0;
    long r = hypercall(HYPERVISOR_hvm_op, HVMOP_get_param, (unsigned long)&p, 0);
    *value = p.value;
    return r;
}

static long set_param(unsigned short domid, unsigned index, unsigned long long value) {
    static struct xen_hvm_param p;
    p.domid = domid;
    p.index = index;
    p.value = value;
    return hypercall(HYPERVISOR_hvm_op, HVMOP_set_param, (unsigned long)&p, 0);
}

/* RDMSR/WRMSR; the #GP handler steps over a refused one. Returns the number of #GPs taken. */
static unsigned rdmsr_gp(unsigned msr, unsigned long long *value) {
    unsigned lo = 0, hi = 0, before = gp_faults;
    __asm__ volatile("rdmsr" : "+a"(lo), "=d"(hi) : "c"(msr), "d"(0) : "memory");
    *value = (unsigned long long)hi << 32 | lo;
    return gp_faults - before;
}

static unsigned wrmsr_gp(unsigned msr, unsigned lo, unsigned hi) {
    unsigned before = gp_faults;
    __asm__ volatile("wrmsr" : : "c"(msr), "a"(lo), "d"(hi) : "memory");
    return gp_faults - before;
}

/* Xen's guest_rdmsr_xen/guest_wrmsr_xen: the hypercall MSR reads 0; a page index above 0, a frame that is not the
 * domain's RAM and the MSRs after it are #GP. The page installed first stays intact. */
static void hypercall_msr(void) {
    unsigned long long v = ~0ull;
    unsigned page = (unsigned)(unsigned long)hypercall_page;
    check("RDMSR 0x40000000: #GPs", rdmsr_gp(0x40000000, &v), 0);
    check("RDMSR 0x40000000 reads 0", v == 0, 1);
    check("WRMSR 0x40000000 with page index 1: #GPs", wrmsr_gp(0x40000000, page | 1, 0), 1);
    check("WRMSR 0x40000000 with a frame outside RAM: #GPs", wrmsr_gp(0x40000000, (unsigned)WILD, 0), 1);
    check("WRMSR 0x40000000 with a frame above 4 GiB: #GPs", wrmsr_gp(0x40000000, page, 1), 1);
    check("RDMSR 0x40000001: #GPs", rdmsr_gp(0x40000001, &v), 1);
    check("WRMSR 0x40000001: #GPs", wrmsr_gp(0x40000001, page, 0), 1);
    check("xen_version through the page after the refused writes", hypercall(HYPERVISOR_xen_version, 0, 0, 0), 0x00040013);
}

static void hvm_params(void) {
    unsigned long long v;
    static const struct { unsigned index; const char *name; int pfn; } rings[] = {
        { HVM_PARAM_STORE_PFN, "get_param(STORE_PFN)", 1 }, { HVM_PARAM_STORE_EVTCHN, "get_param(STORE_EVTCHN)", 0 },
        { HVM_PARAM_CONSOLE_PFN, "get_param(CONSOLE_PFN)", 1 }, { HVM_PARAM_CONSOLE_EVTCHN, "get_param(CONSOLE_EVTCHN)", 0 },
    };
    for (unsigned i = 0; i < sizeof rings / sizeof rings[0]; i++) {
        v = ~0ull;
        check(rings[i].name, get_param(DOMID_SELF, rings[i].index, &v), 0);
        /* The builder's ring frames lie in the domain's 16 MiB; ports are below Xen's 2-level limit of 1024/4096. */
        check_below(rings[i].pfn ? "  a frame of the domain's RAM (or 0: none)" : "  a port of the 2-level ABI (or 0: none)",
                    v, rings[i].pfn ? 4096 : BITS * BITS);
    }
    /* Xen's hvm_allow_set_param: a guest may set the callback and a few others (the store and console event
     * channels among them), not the ring frames: -EPERM. Setting them to the values they have changes nothing. */
    get_param(DOMID_SELF, HVM_PARAM_STORE_PFN, &v);
    check("set_param(STORE_PFN) by the guest", set_param(DOMID_SELF, HVM_PARAM_STORE_PFN, v), -EPERM);
    get_param(DOMID_SELF, HVM_PARAM_STORE_EVTCHN, &v);
    check_known("set_param(STORE_EVTCHN) by the guest, same value", set_param(DOMID_SELF, HVM_PARAM_STORE_EVTCHN, v), 0, -EPERM,
                "kernel HvmParams.guestMaySet allows HVM_PARAM_CALLBACK_IRQ only");
    unsigned long long callback = 2ull << 56 | CALLBACK_VECTOR;       /* HVM_PARAM_CALLBACK_TYPE_VECTOR */
    check("set_param(CALLBACK_IRQ, vector 0xF3)", set_param(DOMID_SELF, HVM_PARAM_CALLBACK_IRQ, callback), 0);
    check("get_param(CALLBACK_IRQ) = 0x02000000000000F3",
          get_param(DOMID_SELF, HVM_PARAM_CALLBACK_IRQ, &v) == 0 && v == callback, 1);
    check("get_param(index 1000) (bad index)", get_param(DOMID_SELF, 1000, &v), -EINVAL);
    check("set_param(index 1000) (bad index)", set_param(DOMID_SELF, 1000, 0), -EINVAL);
    check_known("get_param of domain 1000 (no such domain)", get_param(1000, HVM_PARAM_STORE_PFN, &v), -ESRCH, -EPERM,
                "kernel HvmOp.java checks the caller's privilege before looking the domain up");
    check("get_param with a wild pointer", hypercall(HYPERVISOR_hvm_op, HVMOP_get_param, WILD, 0), -EFAULT);
    check("hvm_op sub-op 99", hypercall(HYPERVISOR_hvm_op, 99, 0, 0), -ENOSYS);
}

static long memop(int cmd, void *arg) { return hypercall(HYPERVISOR_memory_op, cmd, (unsigned long)arg, 0); }

static void memory(void) {
    static struct xen_add_to_physmap x;
    x.domid = DOMID_SELF;
    x.space = XENMAPSPACE_shared_info;
    x.idx = 0;
    x.gpfn = pfn(shinfo_page);
    check("add_to_physmap(shared_info) at a free frame", memop(XENMEM_add_to_physmap, &x), 0);
    x.space = XENMAPSPACE_grant_table;
    x.gpfn = pfn(grant_page);
    check("add_to_physmap(grant_table frame 0) at a free frame", memop(XENMEM_add_to_physmap, &x), 0);
    x.space = XENMAPSPACE_shared_info;
    x.idx = 1;
    check("add_to_physmap(shared_info, idx 1)", memop(XENMEM_add_to_physmap, &x), -EINVAL);
    check("add_to_physmap with a wild pointer", hypercall(HYPERVISOR_memory_op, XENMEM_add_to_physmap, WILD, 0), -EFAULT);
    static unsigned short self = DOMID_SELF;
    long cur = hypercall(HYPERVISOR_memory_op, XENMEM_current_reservation, (unsigned long)&self, 0);
    long max = hypercall(HYPERVISOR_memory_op, XENMEM_maximum_reservation, (unsigned long)&self, 0);
    check_true("current_reservation > 3 MiB of pages", cur > 768);
    check_true("current_reservation <= maximum_reservation <= 16 MiB of pages", cur <= max && max <= 4096);
    check("current_reservation with a wild pointer", memop(XENMEM_current_reservation, (void *)WILD), -EFAULT);
    check("memory_op sub-op 99", hypercall(HYPERVISOR_memory_op, 99, 0, 0), -ENOSYS);
    vcpu0 = (volatile struct vcpu_info *)shinfo_page;
    evtchn_pending = (volatile xen_ulong_t *)(shinfo_page + EVTCHN_PENDING);
    evtchn_mask = (volatile xen_ulong_t *)(shinfo_page + EVTCHN_MASK);
}

static long evtchn(int cmd, void *arg) { return hypercall(HYPERVISOR_event_channel_op, cmd, (unsigned long)arg, 0); }

static int pending(unsigned port) { return (evtchn_pending[port / BITS] >> (port % BITS)) & 1; }

static void event_channels(void) {
    static struct evtchn_alloc_unbound a;
    static struct evtchn_bind_interdomain b;
    static struct evtchn_status st;
    static unsigned port;
    a.dom = DOMID_SELF;
    a.remote_dom = DOMID_SELF;
    check("EVTCHNOP_alloc_unbound to itself", evtchn(EVTCHNOP_alloc_unbound, &a), 0);
    b.remote_dom = DOMID_SELF;
    b.remote_port = a.port;
    check("EVTCHNOP_bind_interdomain to that port (loopback)", evtchn(EVTCHNOP_bind_interdomain, &b), 0);
    st.dom = DOMID_SELF;
    st.port = a.port;
    check("EVTCHNOP_status of the unbound end", evtchn(EVTCHNOP_status, &st) == 0 && st.status == EVTCHNSTAT_interdomain
          && st.u.interdomain.port == b.local_port, 1);
    /* Xen's bind_interdomain conservatively sets the new local port pending (notifications the unbound end may have
     * missed): with IF = 1 that port's upcall comes as well, in the same upcall as the send's or before it. */
    check_true("ports below 32 (for the upcall record)", a.port < 32 && b.local_port < 32);
    vcpu0->upcall_mask = 0;
    __asm__ volatile("sti");
    port = b.local_port;
    check("EVTCHNOP_send on the bound end", evtchn(EVTCHNOP_send, &port), 0);
    for (unsigned i = 0; i < 100000 && !(seen & 1u << a.port); i++) __asm__ volatile("pause" ::: "memory");
    check_true("upcall on vector 0xF3 through the IDT", upcalls >= 1);
    check("the upcall took the other end's port", (seen >> a.port) & 1, 1);
    check("the upcall took the bound port (bind_interdomain's notification)", (seen >> b.local_port) & 1, 1);
    unsigned before = upcalls;
    __atomic_or_fetch(&evtchn_mask[a.port / BITS], 1ul << (a.port % BITS), __ATOMIC_SEQ_CST);
    check("EVTCHNOP_send to a masked port", evtchn(EVTCHNOP_send, &port), 0);
    wait_upcalls(before + 1);
    check("upcalls while the port is masked", upcalls - before, 0);
    check("pending bit in shared_info (through the add_to_physmap frame)", pending(a.port), 1);
    port = a.port;
    check("EVTCHNOP_unmask", evtchn(EVTCHNOP_unmask, &port), 0);
    wait_upcalls(before + 1);
    check("upcalls after unmask", upcalls - before, 1);
    check("pending bit after the upcall", pending(a.port), 0);
    check("EVTCHNOP_close of one end", evtchn(EVTCHNOP_close, &port), 0);
    check("EVTCHNOP_status of the closed port", evtchn(EVTCHNOP_status, &st) == 0 ? (long)st.status : -1, EVTCHNSTAT_closed);
    check("EVTCHNOP_send on a closed port", evtchn(EVTCHNOP_send, &port), -EINVAL);
    port = b.local_port;
    check("EVTCHNOP_close of the other end", evtchn(EVTCHNOP_close, &port), 0);
    port = 100000;
    check("EVTCHNOP_send on port 100000 (out of range)", evtchn(EVTCHNOP_send, &port), -EINVAL);
    check("EVTCHNOP_unmask of port 100000", evtchn(EVTCHNOP_unmask, &port), -EINVAL);
    st.port = 100000;
    check("EVTCHNOP_status of port 100000", evtchn(EVTCHNOP_status, &st), -EINVAL);
    check("EVTCHNOP_send with a wild pointer", hypercall(HYPERVISOR_event_channel_op, EVTCHNOP_send, WILD, 0), -EFAULT);
    check("event_channel_op sub-op 99", evtchn(99, &port), -ENOSYS);
    __asm__ volatile("cli");
}

static long gnttab(int cmd, void *arg, unsigned count) {
    return hypercall(HYPERVISOR_grant_table_op, cmd, (unsigned long)arg, count);
}

/* One entry of a batched op: its status field when the call itself succeeded, else -100. */
static long gnttab1(int cmd, void *arg, const volatile short *status) { return gnttab(cmd, arg, 1) == 0 ? *status : -100; }

static void grant_tables(unsigned short domid) {
    static struct gnttab_query_size q;
    static struct gnttab_setup_table s;
    static xen_ulong_t frames[1];
    q.dom = DOMID_SELF;
    check("GNTTABOP_query_size", gnttab1(GNTTABOP_query_size, &q, &q.status), 0);
    check_true("query_size: 1 <= nr_frames <= max_nr_frames", q.nr_frames >= 1 && q.nr_frames <= q.max_nr_frames);
    s.dom = DOMID_SELF;
    s.nr_frames = 1;
    s.frame_list = frames;
    check("GNTTABOP_setup_table of 1 frame", gnttab1(GNTTABOP_setup_table, &s, &s.status), 0);
    s.frame_list = (xen_ulong_t *)WILD;
    check("GNTTABOP_setup_table with a wild frame list", gnttab(GNTTABOP_setup_table, &s, 1), -EFAULT);

    /* A read-only grant of source_page to ourselves, written through the frame add_to_physmap showed. */
    for (int i = 0; i < 16; i++) source_page[i] = (char)('A' + i);
    volatile struct grant_entry_v1 *e = (volatile struct grant_entry_v1 *)grant_page + GRANT_REF;
    e->domid = domid;
    e->frame = (unsigned)pfn(source_page);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    e->flags = GTF_permit_access | GTF_readonly;
    static struct gnttab_map_grant_ref m;
    m.host_addr = (unsigned long)map_page;
    m.flags = GNTMAP_host_map | GNTMAP_readonly;
    m.ref = GRANT_REF;
    m.dom = domid;
    check("GNTTABOP_map_grant_ref read-only of a grant to itself", gnttab1(GNTTABOP_map_grant_ref, &m, &m.status), 0);
    unsigned handle = m.handle;
    check_true("the mapped frame shows the granted page", map_page[0] == 'A' && map_page[15] == 'P');
    m.host_addr = (unsigned long)map_page2;
    m.flags = GNTMAP_host_map;
    check("GNTTABOP_map_grant_ref writable of the read-only grant", gnttab1(GNTTABOP_map_grant_ref, &m, &m.status),
          GNTST_permission_denied);
    m.flags = GNTMAP_host_map | GNTMAP_readonly;
    m.ref = 100000;
    check("GNTTABOP_map_grant_ref of reference 100000", gnttab1(GNTTABOP_map_grant_ref, &m, &m.status), GNTST_bad_gntref);
    static struct gnttab_unmap_grant_ref u;
    u.host_addr = (unsigned long)map_page;
    u.handle = handle;
    check("GNTTABOP_unmap_grant_ref", gnttab1(GNTTABOP_unmap_grant_ref, &u, &u.status), 0);
    check("GNTTABOP_unmap_grant_ref of the same handle again", gnttab1(GNTTABOP_unmap_grant_ref, &u, &u.status),
          GNTST_bad_handle);
    check("GNTTABOP_map_grant_ref with a wild pointer", gnttab(GNTTABOP_map_grant_ref, (void *)WILD, 1), -EFAULT);

    static struct gnttab_copy c;
    c.source.u.ref = GRANT_REF;
    c.source.domid = domid;
    c.source.offset = 4;
    c.dest.u.gmfn = pfn(copy_page);
    c.dest.domid = DOMID_SELF;
    c.dest.offset = 100;
    c.len = 8;
    c.flags = 1;                                        /* GNTCOPY_source_gref */
    check("GNTTABOP_copy from the grant to a frame", gnttab1(GNTTABOP_copy, &c, &c.status), 0);
    check_true("the copy landed: EFGHIJKL at offset 100",
               copy_page[100] == 'E' && copy_page[107] == 'L' && copy_page[108] == 0);
    c.source.u.gmfn = pfn(copy_page);
    c.source.domid = DOMID_SELF;
    c.dest.u.ref = GRANT_REF;
    c.dest.domid = domid;
    c.flags = GNTCOPY_dest_gref;
    check("GNTTABOP_copy into the read-only grant", gnttab1(GNTTABOP_copy, &c, &c.status), GNTST_permission_denied);
    e->flags = 0;
}

static void bad_calls(void) {
    check("console_io write of a wild buffer", hypercall(HYPERVISOR_console_io, 0, 16, WILD), -EFAULT);
    check("hypercall 60 (unknown) through the page", hypercall(60, 0, 0, 0), -ENOSYS);
    check("vmcall with eax = 1000 (unknown)", raw_vmcall(1000), -ENOSYS);
    check("vmcall from ring 3 (xen_version)", ring3_vmcall(HYPERVISOR_xen_version), -EPERM);
    check("xen_version from ring 0 afterwards", hypercall(HYPERVISOR_xen_version, 0, 0, 0), 0x00040013);
}

void c_main(void) {
    puts("hvm-xen: " MODE " guest of the Xen HVM interface (Multiboot on the PC board)\n");
    check("Multiboot magic in EAX", multiboot_magic, 0x2BADB002);
    load_descriptor_tables();
    unsigned long cr0, cr4;
    __asm__ volatile("mov %%cr0, %0\n mov %%cr4, %1" : "=r"(cr0), "=r"(cr4));
#ifdef __x86_64__
    unsigned long long efer;
    rdmsr_gp(0xC0000080, &efer);
    check_true("long mode: CR0.PG, CR4.PAE, EFER.LMA", (cr0 >> 31 & 1) && (cr4 >> 5 & 1) && (efer >> 10 & 1));
#elif defined HVM_XEN_PAE
    check_true("PAE paging: CR0.PG, CR4.PAE", (cr0 >> 31 & 1) && (cr4 >> 5 & 1));
#else
    check_true("32-bit protected mode, paging off: CR0.PE, not CR0.PG", (cr0 & 1) && !(cr0 >> 31 & 1));
#endif
    unsigned short domid = own_domid();
    xen_discovery();
    if (page_ready) {
        hypercall_msr();
        hvm_params();
        memory();
        event_channels();
        grant_tables(domid);
        bad_calls();
    }
    puts("hvm-xen: ");
    putnum(passes);
    puts(" passed, ");
    putnum(failures);
    puts(" failed, ");
    putnum(knowns);
    puts(" known\n");
    puts(failures == 0 ? "Test result: SUCCESS\n" : "Test result: FAILURE\n");
    static unsigned reason;
    reason = failures == 0 ? SHUTDOWN_poweroff : SHUTDOWN_crash;
    hypercall(HYPERVISOR_sched_op, 2, (unsigned long)&reason, 0);
}
