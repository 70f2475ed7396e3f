/* pvh-boot: a PVH kernel (xl type = "pvh"), for x86 and (through x86_64/pvh-boot.c, which switches to long mode
 * after saving the entry state) x86_64. Its ELF carries Xen's XEN_ELFNOTE_PHYS32_ENTRY note (18), and the board
 * must enter it there, not at the ELF entry (_start, which crashes): in 32-bit flat protected mode with paging off,
 * EBX = the guest-physical address of an hvm_start_info (public/arch-x86/hvm/start_info.h). The checks: the start
 * info's magic and version, the machine state (CR0.PE set, CR0.PG clear, CR4 = 0, IF = 0), the command line (xl's
 * cmdline after the builder's "domid=N"), the memory map (24-byte entries, RAM below 640 KiB and from 1 MiB covering
 * the kernel and the start info), then Xen through CPUID 0x40000000 and the hypercall page (MSR from leaf
 * 0x40000002), xen_version through it. Output goes through console_io; PASS/FAIL lines, the verdict line, then
 * sched_op(SCHEDOP_shutdown) with poweroff (crash when a check failed). */
#define HVM_START_MAGIC 0x336ec578u
#define TYPE_RAM 1
#define HYPERVISOR_console_io 18
#define HYPERVISOR_sched_op 29
#define HYPERVISOR_xen_version 17
#define SHUTDOWN_poweroff 0
#define SHUTDOWN_crash 3
#ifdef __x86_64__
#define ISA "x86_64"
#else
#define ISA "x86"
#endif

struct hvm_start_info {
    unsigned magic, version, flags, nr_modules;
    unsigned long long modlist_paddr, cmdline_paddr, rsdp_paddr, memmap_paddr;
    unsigned memmap_entries, reserved;
};
struct hvm_memmap_table_entry { unsigned long long addr, size; unsigned type, reserved; };

static char stack[8192] __attribute__((aligned(16), used));
static char hypercall_page[4096] __attribute__((aligned(4096)));
extern char image_start[], image_end[];
static unsigned failures;

/* The machine state at the PVH entry, saved by the 32-bit entry code before it changes anything. */
unsigned long entry_cr0, entry_cr4, entry_eflags, entry_ebx;

__asm__(".pushsection .note.Xen, \"a\", @note\n"
        ".balign 4\n"
        ".long 4, 4, 18\n"                              /* namesz, descsz, XEN_ELFNOTE_PHYS32_ENTRY */
        ".asciz \"Xen\"\n"
        ".balign 4\n"
        ".long pvh_start\n"
        ".popsection\n"
        ".text\n"
        ".code32\n"
        ".globl _start, pvh_start\n"
        "_start:\n"                                     /* the ELF entry: a PVH boot never comes here */
        "    ud2\n"
        "pvh_start:\n"
        "    movl $stack + 8192, %esp\n"                 /* the entry leaves ESP to the kernel */
        "    mov %ebx, entry_ebx\n"
        "    mov %cr0, %eax\n"
        "    mov %eax, entry_cr0\n"
        "    mov %cr4, %eax\n"
        "    mov %eax, entry_cr4\n"
        "    pushfl\n"
        "    popl entry_eflags\n"
#ifdef __x86_64__
        /* Long mode: 1 GiB mapped 1:1 with 2 MiB pages, PAE, EFER.LME, paging, a 64-bit code segment. */
        "    mov $pd, %edi\n"
        "    mov $0x83, %eax\n"                         /* P | RW | PS */
        "    xor %ecx, %ecx\n"
        "1:  mov %eax, (%edi,%ecx,8)\n"
        "    add $0x200000, %eax\n"
        "    inc %ecx\n"
        "    cmp $512, %ecx\n"
        "    jb 1b\n"
        "    movl $pd + 3, pdpt\n"
        "    movl $pdpt + 3, pml4\n"
        "    mov $pml4, %eax\n"
        "    mov %eax, %cr3\n"
        "    mov %cr4, %eax\n"
        "    or $0x20, %eax\n"
        "    mov %eax, %cr4\n"
        "    mov $0xC0000080, %ecx\n"
        "    rdmsr\n"
        "    or $0x100, %eax\n"
        "    wrmsr\n"
        "    mov %cr0, %eax\n"
        "    or $0x80000000, %eax\n"
        "    mov %eax, %cr0\n"
        "    lgdt gdt_desc\n"
        "    ljmp $0x08, $2f\n"
        ".code64\n"
        "2:  mov $0x10, %eax\n"
        "    mov %eax, %ds\n"
        "    mov %eax, %es\n"
        "    mov %eax, %ss\n"
        "    lea stack+8192(%rip), %rsp\n"
        "    mov entry_ebx(%rip), %edi\n"
        "    call c_main\n"
        "3:  hlt\n"
        "    jmp 3b\n"
        ".section .rodata\n"
        ".balign 8\n"
        "gdt:\n"
        "    .quad 0, 0x00AF9A000000FFFF, 0x00CF92000000FFFF\n"
        "gdt_desc:\n"
        "    .word 23\n"
        "    .long gdt\n"
        ".text\n");
#else
        "    pushl %ebx\n"
        "    call c_main\n"
        "1:  hlt\n"
        "    jmp 1b\n");
#endif

#ifdef __x86_64__
static unsigned long pml4[512] __attribute__((aligned(4096), used));
static unsigned long pdpt[512] __attribute__((aligned(4096), used));
static unsigned long pd[512] __attribute__((aligned(4096), used));

/* Xen's 64-bit HVM hypercall registers: rdi, rsi, rdx. */
static long hypercall2(int op, unsigned long a1, unsigned long a2) {
    long r;
    __asm__ volatile("call *%[stub]" : "=a"(r), "+D"(a1), "+S"(a2) : [stub] "r"(hypercall_page + op * 32) : "memory", "rdx", "rcx", "r8", "r9", "r10", "r11");
    return r;
}

static long hypercall3(int op, unsigned long a1, unsigned long a2, const void *a3) {
    long r;
    __asm__ volatile("call *%[stub]" : "=a"(r), "+D"(a1), "+S"(a2), "+d"(a3) : [stub] "r"(hypercall_page + op * 32) : "memory", "rcx", "r8", "r9", "r10", "r11");
    return r;
}
#else
static long hypercall2(int op, unsigned a1, unsigned a2) {
    long r;
    __asm__ volatile("call *%[stub]" : "=a"(r), "+b"(a1), "+c"(a2) : [stub] "r"(hypercall_page + op * 32) : "memory", "edx", "esi", "edi");
    return r;
}

static long hypercall3(int op, unsigned a1, unsigned a2, const void *a3) {
    long r;
    __asm__ volatile("call *%[stub]" : "=a"(r), "+b"(a1), "+c"(a2), "+d"(a3) : [stub] "r"(hypercall_page + op * 32) : "memory", "esi", "edi");
    return r;
}
#endif

/* Until the hypercall page is installed, output waits in a buffer. */
static char early[2048];
static unsigned early_len, page_ready;

static unsigned length(const char *s) { unsigned n = 0; while (s[n]) n++; return n; }

static void puts(const char *s) {
    unsigned n = length(s);
    if (!page_ready) {
        for (unsigned i = 0; i < n && early_len < sizeof early; i++) early[early_len++] = s[i];
        return;
    }
    hypercall3(HYPERVISOR_console_io, 0, n, s);
}

static void check(int ok, const char *what) {
    puts(ok ? "PASS " : "FAIL ");
    puts(what);
    puts("\n");
    if (!ok) failures++;
}

static int starts_with(const char *s, const char *p) {
    while (*p) if (*s++ != *p++) return 0;
    return 1;
}

static int ends_with(const char *s, const char *p) {
    unsigned n = length(s), m = length(p);
    return n >= m && starts_with(s + n - m, p);
}

static int covered(const struct hvm_memmap_table_entry *map, unsigned n, unsigned long long from, unsigned long long to) {
    for (unsigned i = 0; i < n; i++)
        if (map[i].type == TYPE_RAM && map[i].addr <= from && to <= map[i].addr + map[i].size) return 1;
    return 0;
}

void c_main(const struct hvm_start_info *si) {
    unsigned long cr0 = entry_cr0, cr4 = entry_cr4, eflags = entry_eflags;
    puts("pvh: " ISA " PVH guest entered at the PHYS32_ENTRY note\n");
    check(si != 0 && si->magic == HVM_START_MAGIC && si->version >= 1, "hvm_start_info magic 0x336ec578, version 1");
    check((cr0 & 1) && !(cr0 & 0x80000000u) && cr4 == 0 && !(eflags & 0x200),
          "32-bit protected mode with paging off (CR0.PE = 1, CR0.PG = 0, CR4 = 0, IF = 0)");
    check(si->nr_modules == 0 && si->modlist_paddr == 0 && si->reserved == 0, "no modules, reserved field 0");
    const char *cmd = (const char *)(unsigned long)si->cmdline_paddr;
    check(si->cmdline_paddr != 0 && si->cmdline_paddr < 0x100000000ull && starts_with(cmd, "domid=") && ends_with(cmd, " pvh=check"),
          "command line \"domid=N pvh=check\"");
    const struct hvm_memmap_table_entry *map = (const void *)(unsigned long)si->memmap_paddr;
    unsigned n = si->memmap_entries, reserved = 0;
    for (unsigned i = 0; i < n; i++) reserved |= map[i].reserved;
    check(n >= 1 && n <= 128 && reserved == 0 && covered(map, n, 0, 0xA0000) && covered(map, n, 0x100000, 0x200000)
          && covered(map, n, (unsigned long)image_start, (unsigned long)image_end),
          "memory map: RAM below 640 KiB and from 1 MiB, covering the kernel");
    unsigned long at = (unsigned long)si;
    check(covered(map, n, at, at + sizeof *si) && (at + sizeof *si <= (unsigned long)image_start || at >= (unsigned long)image_end),
          "hvm_start_info in RAM, outside the kernel image");
    unsigned a, b, c, d;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x40000000));
    int xen = b == 0x566e6558 && c == 0x65584d4d && d == 0x4d4d566e;
    if (xen) {
        __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x40000002));
        __asm__ volatile("wrmsr" : : "c"(b), "a"((unsigned)(unsigned long)hypercall_page), "d"(0));
        page_ready = 1;
        hypercall3(HYPERVISOR_console_io, 0, early_len, early);
        check(hypercall2(HYPERVISOR_xen_version, 0, 0) == 0x00040013, "Xen 4.19 through the hypercall page (CPUID 0x40000000: XenVMMXenVMM)");
    }
    puts(failures == 0 ? "Test result: SUCCESS\n" : "Test result: FAILURE\n");
    static unsigned reason;
    reason = failures == 0 ? SHUTDOWN_poweroff : SHUTDOWN_crash;
    hypercall3(HYPERVISOR_sched_op, 2, (unsigned long)&reason, 0);
}
