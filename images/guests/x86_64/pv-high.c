/* pv-high: a Xen PV kernel linked where Linux links one, checking the layout Xen's domain builder gives it there
 * (images/README.md, x86 PV ABI). Built for x86_64 (VIRT_BASE 0xffffffff80000000, __START_KERNEL_map; linked at
 * VIRT_BASE + 1 MiB with p_paddr 1 MiB, PADDR_OFFSET 0, as Linux's vmlinux) and, through x86/pv-high.c, for 32-bit PAE
 * (VIRT_BASE 0xc0000000, __PAGE_OFFSET; p_paddr = p_vaddr and PADDR_OFFSET 0xc0000000, the older kernels' way).
 * Either way pseudo-physical frame pfn is at VIRT_BASE + (pfn << 12), and every address the builder hands over is
 * virtual: the ENTRY note, the HYPERCALL_PAGE note (every hypercall here goes through that page), esi/rsi
 * (start_info), esp/rsp (the top of the boot stack), start_info's pt_base and mfn_list, in xc_dom_x86's order (the
 * image, the P2M, start_info and the other special pages, the tables, the boot stack). The image walks the bootstrap
 * tables from pt_base, each table read at VIRT_BASE + its frame, and checks what they map: itself at its
 * pseudo-physical frames, nothing below VIRT_BASE, the table frames read-only, up to the 4 MiB boundary past the boot
 * stack and 512 KiB. Then the hypercalls with virtual addresses: set_trap_table with handlers up there (#UD, #PF),
 * update_va_mapping and mmu_update of a page above VIRT_BASE and the #PF a write to it makes (CR2 virtual), and the
 * bad cases: a pointer to a kernel object's pseudo-physical address is -EFAULT, update_va_mapping below VIRT_BASE
 * -EINVAL. Last, VCPUOP_register_vcpu_info moves vCPU 0's vcpu_info into a page of its own and the event callback
 * (above VIRT_BASE) shows the mask and pending bits are followed there: masked, delivered on unmasking, masked in the
 * callback, unmasked by HYPERVISOR_iret, the old place ignored. PASS/FAIL lines, "Test result: SUCCESS" (or FAILURE), then power-off. Built with -mno-red-zone: the
 * bounce frames land right below the interrupted code's stack pointer (x86_64 also -mcmodel=kernel). */
#include "xen.h"

typedef unsigned long ulong;
typedef uint64_t pte_t;

#ifdef __x86_64__
#define WIDE 1
#define ISA "x86_64"
#define VIRT_BASE 0xffffffff80000000ul
#define KCS 0xe033
#define MAGIC_TEXT "xen-3.0-x86_64"
#else
#define WIDE 0
#define ISA "x86 (PAE)"
#define VIRT_BASE 0xc0000000ul
#define KCS 0xe019
#define MAGIC_TEXT "xen-3.0-x86_32p"
#endif

#define HYPERVISOR_set_trap_table 0
#define HYPERVISOR_mmu_update 1
#define HYPERVISOR_set_callbacks 4
#define HYPERVISOR_vcpu_op 24
#define VCPUOP_register_vcpu_info 10
#define HYPERVISOR_update_va_mapping 14
#define HYPERVISOR_xen_version 17
#define HYPERVISOR_iret 23
#define HYPERVISOR_mmuext_op 26
#define MMUEXT_INVLPG_LOCAL 7
#define UVMF_INVLPG 2
#define EFAULT 14
#define EINVAL 22
#define P 1ul
#define RW 2ul
#define ADDR 0xffffffffff000ull
#define SI_PT_BASE (WIDE ? 11 : 15)       /* pt_base, nr_pt_frames, mfn_list: words 11-13 (x86_64) / 15-17 (x86) */

struct mmu_update { uint64_t ptr, val; };
struct trap_info { uint8_t vector, flags; uint16_t cs; ulong address; };
struct mmuext_op { unsigned cmd; ulong arg1, arg2; };

extern char hypercall_page[], trap_ud[], trap_pf[], event_entry[], _start[], image_end[];
static char stack[16384] __attribute__((aligned(16), used));
static ulong target[512] __attribute__((aligned(4096)));
static volatile uint8_t info_page[4096] __attribute__((aligned(4096)));   /* the vcpu_info moves here, offset 64 */
volatile unsigned events, mask_in_handler;
volatile ulong entry_sp, entry_si, trap_vector, trap_error, trap_cr2, resume;
static const ulong *start;
static struct pv_info pv;
static unsigned failures;
void guest_main(void *start_info);
void on_event(void);
ulong probe_ud(void), probe_write(volatile ulong *p, ulong v);

/* Xen's notes (public/elfnote.h): the addresses are virtual, as a Linux kernel's. */
#define NOTE_STR(type, str) ".balign 4\n.long 4, 2f - 1f, " #type "\n.asciz \"Xen\"\n.balign 4\n1: .asciz \"" str "\"\n2: .balign 4\n"
#define NOTE_WORD(type, size, word) ".balign 4\n.long 4, " #size ", " #type "\n.asciz \"Xen\"\n.balign 4\n" word "\n"
__asm__(".pushsection .note.Xen, \"a\", @note\n"
        NOTE_STR(6, "Polyvisor-pv-high")        /* XEN_ELFNOTE_GUEST_OS */
        NOTE_STR(5, "xen-3.0")                  /* XEN_ELFNOTE_XEN_VERSION */
        NOTE_STR(8, "generic")                  /* XEN_ELFNOTE_LOADER */
#ifdef __x86_64__
        NOTE_WORD(1, 8, ".quad _start")         /* XEN_ELFNOTE_ENTRY */
        NOTE_WORD(2, 8, ".quad hypercall_page") /* XEN_ELFNOTE_HYPERCALL_PAGE */
        NOTE_WORD(3, 8, ".quad 0xffffffff80000000") /* XEN_ELFNOTE_VIRT_BASE */
        NOTE_WORD(4, 8, ".quad 0")              /* XEN_ELFNOTE_PADDR_OFFSET */
#else
        NOTE_WORD(1, 4, ".long _start")
        NOTE_WORD(2, 4, ".long hypercall_page")
        NOTE_WORD(3, 4, ".long 0xc0000000")
        NOTE_WORD(4, 4, ".long 0xc0000000")     /* p_paddr = p_vaddr: the offset takes VIRT_BASE off again */
        NOTE_STR(9, "yes")                      /* XEN_ELFNOTE_PAE_MODE */
#endif
        ".popsection\n"
        /* The page the builder fills with Xen's stubs (int3 until then), first in .text so it is page-aligned. */
        ".pushsection .text.hypercall, \"ax\"\n"
        ".balign 4096\n"
        ".globl hypercall_page\n"
        "hypercall_page: .fill 4096, 1, 0xcc\n"
        ".popsection\n");

#ifdef __x86_64__
__asm__(".text\n"
        ".globl _start\n"
        "_start:\n"
        "    mov %rsp, entry_sp(%rip)\n"
        "    mov %rsi, entry_si(%rip)\n"
        "    lea stack+16384(%rip), %rsp\n"
        "    mov %rsi, %rdi\n"
        "    call guest_main\n"
        "1:  hlt\n"
        "    jmp 1b\n"
        /* Xen's frame: rcx, r11, [error code], rip, cs, rflags, rsp, ss; back through the page's iret stub. */
        "trap_ud:\n"
        "    pop %rcx\n"
        "    pop %r11\n"
        "    movq $6, trap_vector(%rip)\n"
        "    jmp 2f\n"
        "trap_pf:\n"
        "    pop %rcx\n"
        "    pop %r11\n"
        "    movq $14, trap_vector(%rip)\n"
        "    push %rax\n"
        "    mov %cr2, %rax\n"
        "    mov %rax, trap_cr2(%rip)\n"
        "    pop %rax\n"
        "    popq trap_error(%rip)\n"
        "2:  push %rax\n"
        "    mov resume(%rip), %rax\n"
        "    mov %rax, 8(%rsp)\n"
        "    pop %rax\n"
        "    pushq $0\n"                           /* iret_context's flags: the stub pushes rcx, r11, rax */
        "    jmp hypercall_page + 23 * 32\n"
        /* The event callback: Xen's frame rcx, r11, rip, cs, rflags, rsp, ss; on_event, then HYPERVISOR_iret. */
        "event_entry:\n"
        "    pop %rcx\n"
        "    pop %r11\n"
        "    push %rax\n"
        "    push %rcx\n"
        "    push %rdx\n"
        "    push %rsi\n"
        "    push %rdi\n"
        "    push %r8\n"
        "    push %r9\n"
        "    push %r10\n"
        "    push %r11\n"
        "    call on_event\n"
        "    pop %r11\n"
        "    pop %r10\n"
        "    pop %r9\n"
        "    pop %r8\n"
        "    pop %rdi\n"
        "    pop %rsi\n"
        "    pop %rdx\n"
        "    pop %rcx\n"
        "    pop %rax\n"
        "    pushq $0\n"
        "    jmp hypercall_page + 23 * 32\n"
        "probe_ud:\n"
        "    lea 1f(%rip), %rax\n"
        "    mov %rax, resume(%rip)\n"
        "    ud2\n"
        "1:  ret\n"
        "probe_write:\n"
        "    lea 1f(%rip), %rax\n"
        "    mov %rax, resume(%rip)\n"
        "    mov %rsi, (%rdi)\n"
        "1:  ret\n");

/* A call into the hypercall page: the stub keeps rcx and r11; rax is the result. */
static long hc(ulong op, ulong a1, ulong a2, ulong a3, ulong a4) {
    long r;
    register ulong r10 __asm__("r10") = a4;
    __asm__ volatile("call *%[stub]" : "=a"(r), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10)
                     : [stub] "r"(hypercall_page + op * 32) : "r8", "r9", "memory");
    return r;
}
#else
__asm__(".text\n"
        ".globl _start\n"
        "_start:\n"
        "    mov %esp, entry_sp\n"
        "    mov %esi, entry_si\n"
        "    movl $stack+16384, %esp\n"
        "    pushl %esi\n"
        "    call guest_main\n"
        "1:  hlt\n"
        "    jmp 1b\n"
        /* Xen's same-ring frame: [error code], eip, cs, eflags; back through the page's iret stub. */
        "trap_ud:\n"
        "    movl $6, trap_vector\n"
        "    jmp 2f\n"
        "trap_pf:\n"
        "    movl $14, trap_vector\n"
        "    push %eax\n"
        "    mov %cr2, %eax\n"
        "    mov %eax, trap_cr2\n"
        "    pop %eax\n"
        "    popl trap_error\n"
        "2:  push %eax\n"
        "    mov resume, %eax\n"
        "    mov %eax, 4(%esp)\n"
        "    pop %eax\n"
        "    jmp hypercall_page + 23 * 32\n"
        /* The event callback: Xen's same-ring frame eip, cs, eflags; on_event, then HYPERVISOR_iret. */
        "event_entry:\n"
        "    pushal\n"
        "    call on_event\n"
        "    popal\n"
        "    jmp hypercall_page + 23 * 32\n"
        "probe_ud:\n"
        "    movl $1f, resume\n"
        "    ud2\n"
        "1:  ret\n"
        "probe_write:\n"
        "    movl $1f, resume\n"
        "    mov 4(%esp), %ecx\n"
        "    mov 8(%esp), %edx\n"
        "    mov %edx, (%ecx)\n"
        "1:  ret\n");

static long hc(ulong op, ulong a1, ulong a2, ulong a3, ulong a4) {
    long r;
    __asm__ volatile("call *%[stub]" : "=a"(r), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4)
                     : [stub] "D"(hypercall_page + op * 32) : "memory");
    return r;
}
#endif

long xen_hypercall(ulong op, ulong a1, ulong a2, ulong a3) { return hc(op, a1, a2, a3, 0); }

static void check(int ok, const char *what) {
    con_str(ok ? "PASS " : "FAIL ");
    con_str(what);
    con_str("\n");
    if (!ok) failures++;
}

static int trapped(ulong vector) { ulong v = trap_vector; trap_vector = 0; return v == vector; }

/* The bootstrap tables' L1 entry for va, each table read at VIRT_BASE + its frame (the builder maps them there), or
 * 0 when a level is not present. */
static pte_t *l1_entry(ulong va) {
    pte_t *t = (pte_t *) start[SI_PT_BASE];
#ifdef __x86_64__
    static const int shift[] = {39, 30, 21};
#else
    static const int shift[] = {30, 21};
#endif
    for (unsigned i = 0; i < sizeof shift / sizeof shift[0]; i++) {
        pte_t e = t[(va >> shift[i]) & (!WIDE && i == 0 ? 3 : 511)];
        if (!(e & P)) return 0;
        t = (pte_t *) (VIRT_BASE + (ulong) (e & ADDR));
    }
    return &t[(va >> 12) & 511];
}

static pte_t mapping(ulong va) { pte_t *e = l1_entry(va); return e ? *e : 0; }

static ulong pseudo_physical(const void *p) { return (ulong) p - VIRT_BASE; }

static void layout(void) {
    ulong pt_base = start[SI_PT_BASE], nr_pt = start[SI_PT_BASE + 1];
    const ulong *mfn_list = (const ulong *) start[SI_PT_BASE + 2];
    ulong nr_pages = start[4 * (WIDE ? 1 : 2)];   /* nr_pages: byte 32 */
    const char *magic = (const char *) start;
    int same = 1;
    for (int i = 0; MAGIC_TEXT[i]; i++) same &= magic[i] == MAGIC_TEXT[i];
    check((ulong) start == entry_si && entry_si >= (ulong) image_end && (entry_si & 0xfff) == 0 && same,
          "esi/rsi: start_info at its virtual address after the image, with the magic");
    ulong p2m_bytes = (nr_pages * sizeof(ulong) + 0xfff) & ~0xffful;
    ulong kend = ((ulong) image_end + 0xfff) & ~0xffful;
    check((ulong) mfn_list == kend && entry_si == kend + p2m_bytes && pt_base == entry_si + 4 * 4096,
          "xc_dom_x86's order: the P2M (mfn_list, virtual) right after the image, start_info right after it, "
          "pt_base (virtual) after the four special pages");
    check(mfn_list[0] == 0 && mfn_list[1] == 1 && mfn_list[nr_pages - 1] == nr_pages - 1,
          "the P2M read through mfn_list: the identity");
    check(entry_sp == pt_base + (nr_pt + 1) * 4096, "esp/rsp: the virtual top of the boot stack after the tables");
    pte_t e = mapping((ulong) guest_main);
    check((e & P) && (ulong) (e & ADDR) == (pseudo_physical(guest_main) & ~0xffful) && (e & RW),
          "the kernel's text is mapped at VIRT_BASE + its pseudo-physical address");
    check((ulong) (mapping(pt_base) & ADDR) == pseudo_physical((void *) pt_base) && !(mapping(pt_base) & RW)
          && !(mapping(pt_base + (nr_pt - 1) * 4096) & RW) && (mapping(pt_base + nr_pt * 4096) & RW),
          "the nr_pt_frames table frames are mapped read-only, the boot stack writable");
    const pte_t *root = (const pte_t *) pt_base;
    check(!(root[0] & P) && mapping(VIRT_BASE) == (P | RW | 0x20 | (WIDE ? 4 : 0)),
          "nothing is mapped below VIRT_BASE; VIRT_BASE maps frame 0 (P, RW, A)");
    ulong end = ((entry_sp + 512 * 1024) | 0x3ffffful) + 1;
    check((mapping(end - 4096) & P) && !(mapping(end) & P),
          "mapped up to the 4 MiB boundary past the boot stack and 512 KiB");
    check((unsigned char) hypercall_page[HYPERVISOR_xen_version * 32] == (WIDE ? 0x51 : 0xb8)
          && hc(HYPERVISOR_xen_version, 0, 0, 0, 0) >= 0x30000,
          "the HYPERCALL_PAGE note's virtual address holds Xen's stubs; xen_version through it");
}

static void hypercalls(void) {
    static struct trap_info traps[3];
    struct trap_info t[3] = { { 6, 0, KCS, (ulong) trap_ud }, { 14, 0, KCS, (ulong) trap_pf }, { 0, 0, 0, 0 } };
    for (int i = 0; i < 3; i++) traps[i] = t[i];
    check(hc(HYPERVISOR_set_trap_table, pseudo_physical(traps), 0, 0, 0) == -EFAULT,
          "set_trap_table at the table's pseudo-physical address (not mapped) is -EFAULT");
    check(hc(HYPERVISOR_set_trap_table, (ulong) traps, 0, 0, 0) == 0, "set_trap_table with handlers above VIRT_BASE");
    probe_ud();
    check(trapped(6), "ud2 bounces to the #UD handler at its virtual address");
    ulong va = (ulong) target;
    target[1] = 0;
    pte_t ro = (pte_t) pseudo_physical(target) | P;
    long rc = WIDE ? hc(HYPERVISOR_update_va_mapping, va, (ulong) ro, UVMF_INVLPG, 0)
                   : hc(HYPERVISOR_update_va_mapping, va, (ulong) ro, (ulong) (ro >> 32), UVMF_INVLPG);
    check(rc == 0 && !(mapping(va) & RW), "update_va_mapping of a page above VIRT_BASE makes it read-only");
    probe_write(&target[1], 5);
    check(trapped(14) && trap_error == 3 && trap_cr2 == (ulong) &target[1],
          "a write to it bounces to #PF (error 3: present, write, kernel mode) with CR2 = the virtual address");
    check(*(volatile ulong *) (VIRT_BASE + pv.shared_info + (WIDE ? 16 : 8)) == (ulong) &target[1],
          "the #PF's CR2 is in vcpu_info's arch.cr2 too (arch_set_cr2: where a PV Linux reads it)");
    struct mmu_update u = { pseudo_physical(l1_entry(va)), (pte_t) pseudo_physical(target) | P | RW };
    unsigned done = 0;
    check(hc(HYPERVISOR_mmu_update, (ulong) &u, 1, (ulong) &done, DOMID_SELF) == 0 && done == 1,
          "mmu_update of its L1 entry (the entry's machine address) makes it writable again");
    struct mmuext_op op = { MMUEXT_INVLPG_LOCAL, va, 0 };
    check(hc(HYPERVISOR_mmuext_op, (ulong) &op, 1, 0, DOMID_SELF) == 0 && (probe_write(&target[1], 7), !trapped(14))
          && target[1] == 7, "INVLPG_LOCAL of the virtual address: the page is writable again");
    rc = hc(HYPERVISOR_update_va_mapping, 0x1000, (ulong) ro, 0, 0);   /* x86: (va, lo, hi, flags) */
    check(rc == -EINVAL, "update_va_mapping below VIRT_BASE (no L1 maps it) is -EINVAL");
}

/* The event callback's work: count it, note the moved vcpu_info's mask (the bounce set it), clear upcall_pending
 * and the selector word there, as a kernel's handler does. */
void on_event(void) {
    events++;
    mask_in_handler = info_page[64 + 1];
    info_page[64] = 0;
    *(volatile ulong *) &info_page[64 + sizeof(ulong)] = 0;
}

static void force_callback(void) { hc(HYPERVISOR_xen_version, 0, 0, 0, 0); }   /* Linux's xen_force_evtchn_callback */

/* VCPUOP_register_vcpu_info: the bounce and iret code follow the vcpu_info to its new place. */
static void moved_vcpu_info(void) {
    volatile uint8_t *old = (volatile uint8_t *) (VIRT_BASE + pv.shared_info);   /* vCPU 0's slot, builder-mapped */
    old[1] = 1;                                                                  /* masked while we move it */
    long rc = WIDE ? hc(HYPERVISOR_set_callbacks, (ulong) event_entry, 0, 0, 0)
                   : hc(HYPERVISOR_set_callbacks, KCS, (ulong) event_entry, KCS, 0);
    check(rc == 0, "set_callbacks: an event callback above VIRT_BASE");
    struct { uint64_t mfn; uint32_t offset, rsvd; } reg = { pseudo_physical((const void *) info_page) >> 12, 64, 0 };
    check(hc(HYPERVISOR_vcpu_op, VCPUOP_register_vcpu_info, 0, (ulong) &reg, 0) == 0,
          "VCPUOP_register_vcpu_info moves vCPU 0's vcpu_info into a page of the kernel's");
    force_callback();
    check(info_page[64 + 1] == 1 && info_page[64] == 1 && events == 0,
          "the moved vcpu_info has the mask copied and upcall_pending set: no upcall while it is masked");
    old[1] = 0;
    force_callback();
    check(events == 0, "clearing the mask at the old place delivers nothing");
    info_page[64 + 1] = 0;
    force_callback();
    check(events == 1 && mask_in_handler == 1, "clearing it at the new place delivers the upcall, which masks there");
    check(info_page[64 + 1] == 0 && info_page[64] == 0, "HYPERVISOR_iret from the callback unmasks at the new place");
    old[1] = 1;
    info_page[64] = 1;
    force_callback();
    check(events == 2, "upcall_pending set again at the new place: delivered (the old mask is not looked at)");
}

void guest_main(void *start_info) {
    start = start_info;
    pv_init(&pv, start_info);
    con_str("pv-high: " ISA " PV kernel at VIRT_BASE, Xen's builder layout\n");
    layout();
    hypercalls();
    moved_vcpu_info();
    con_str(failures == 0 ? "Test result: SUCCESS\n" : "Test result: FAILURE\n");
    pv_poweroff();
}
