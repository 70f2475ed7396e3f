/* pv-abi: a self-checking PV guest for Xen's PV MMU and trap interface (images/README.md, x86 PV ABI), built for
 * x86_64 (four-level paging, syscall) and, through x86/pv-abi.c, for 32-bit PAE x86 (three levels, int $0x82; the
 * 64-bit-only calls answer -ENOSYS there). Each hypercall is called with good and bad arguments and the answer compared with Xen's:
 *   set_gdt (too many entries, a TSS descriptor, a wild list), set_trap_table (a non-canonical handler, a wild
 *   table), then exceptions bounced to the registered handlers with Xen's frame (#UD, #GP with its error code);
 *   direct paging: an L1 that maps itself writable cannot be pinned (-EBUSY), Xen's L4 slots 256-271 are refused,
 *   PIN_L4_TABLE, NEW_BASEPTR (paging on), #PF through the trap table for an unmapped address and for a direct
 *   write to a pinned page table, mmu_update (writable mapping of a page table -EBUSY, a frame outside the domain
 *   -EPERM, cache attributes -EINVAL, a good remap seen through the TLB), update_va_mapping, MMU_MACHPHYS_UPDATE,
 *   the mmuext TLB operations, NEW_USER_BASEPTR, update_descriptor, fpu_taskswitch with the #NM it causes,
 *   stack_switch, set_segment_base, vm_assist, physdev_op(set_iopl) and the iret hypercall; wild pointers -EFAULT;
 *   then CPUID through Xen's forced-emulation prefix.
 * PASS/FAIL lines, "Test result: SUCCESS" (or FAILURE), then power-off through sched_op. Built with -mno-red-zone:
 * the bounce frames land right below the interrupted code's stack pointer. */
#include "xen.h"

typedef unsigned long ulong;
typedef uint64_t pte_t;

#ifdef __x86_64__
#define WIDE 1
#define ISA "x86_64"
#define WILD 0x7ff000000000ul             /* canonical, far outside the domain's RAM */
#define MAGIC 0x5a5aa5a5c3c33c3cul
#define PIN_ROOT MMUEXT_PIN_L4_TABLE
#else
#define WIDE 0
#define ISA "x86 (PAE)"
#define WILD 0xfff00000ul                 /* far outside the domain's RAM */
#define MAGIC 0xc3c33c3cul
#define PIN_ROOT MMUEXT_PIN_L3_TABLE
#endif

#define HYPERVISOR_set_trap_table 0
#define HYPERVISOR_mmu_update 1
#define HYPERVISOR_set_gdt 2
#define HYPERVISOR_stack_switch 3
#define HYPERVISOR_fpu_taskswitch 5
#define HYPERVISOR_update_descriptor 10
#define HYPERVISOR_update_va_mapping 14
#define HYPERVISOR_vm_assist 21
#define HYPERVISOR_iret 23
#define HYPERVISOR_set_segment_base 25
#define HYPERVISOR_mmuext_op 26
#define HYPERVISOR_physdev_op 33

#define MMU_NORMAL_PT_UPDATE 0
#define MMU_MACHPHYS_UPDATE 1
#define MMUEXT_PIN_L1_TABLE 0
#define MMUEXT_PIN_L3_TABLE 2
#define MMUEXT_PIN_L4_TABLE 3
#define MMUEXT_UNPIN_TABLE 4
#define MMUEXT_NEW_BASEPTR 5
#define MMUEXT_TLB_FLUSH_LOCAL 6
#define MMUEXT_INVLPG_LOCAL 7
#define MMUEXT_TLB_FLUSH_ALL 10
#define MMUEXT_NEW_USER_BASEPTR 15
#define UVMF_INVLPG 2
#define VMASST_CMD_enable 0
#define VMASST_TYPE_writable_pagetables 2
#define PHYSDEVOP_set_iopl 6
#define SEGBASE_FS 0

#define EPERM 1
#define ESRCH 3
#define EFAULT 14
#define EBUSY 16
#define EINVAL 22
#define ENOSYS 38

#define P 1ul
#define RW 2ul
#define PCD 0x10ul
#define UNMAPPED 0x40000000ul             /* 1 GiB: no L3 entry maps it */
#define REMAP_VA 0x300000ul               /* inside the 4 MiB the tables map */

struct mmu_update { uint64_t ptr, val; };
struct mmuext_op { unsigned cmd; ulong arg1, arg2; };
struct trap_info { uint8_t vector, flags; uint16_t cs; ulong address; };

static pte_t l4[512] __attribute__((aligned(4096)));    /* x86_64 only */
static pte_t l3[512] __attribute__((aligned(4096)));    /* the root of a PAE guest (4 entries used) */
static pte_t l2[512] __attribute__((aligned(4096)));
static pte_t l1[2][512] __attribute__((aligned(4096)));
static uint64_t gdt[512] __attribute__((aligned(4096)));
static uint64_t bad_gdt[512] __attribute__((aligned(4096)));
static ulong scratch[512] __attribute__((aligned(4096)));
static char stack[16384] __attribute__((aligned(16), used));
static char kernel_stack[4096] __attribute__((aligned(16)));
static ulong fs_data;
static struct pv_info pv;
static unsigned failures;

/* Written by the trap handlers: the vector, error code and CR2 of the last bounce. */
volatile ulong trap_vector, trap_error, trap_cr2, resume;

void guest_main(void *start_info);
ulong probe_ud(void), probe_gp(ulong selector), probe_read(const volatile ulong *p), probe_write(volatile ulong *p, ulong v);
ulong probe_fpu(void), probe_iret(ulong rax), read_fs0(void);
extern char trap_ud[], trap_gp[], trap_pf[], trap_nm[];

#ifdef __x86_64__
__asm__(".text\n"
        ".globl _start\n"
        "_start:\n"
        "    lea stack+16384(%rip), %rsp\n"
        "    mov %rsi, %rdi\n"
        "    call guest_main\n"
        "1:  hlt\n"
        "    jmp 1b\n"
        /* Handlers: Xen's frame is rcx, r11, [error code], rip, cs, rflags, rsp, ss. They resume at `resume`. */
        "trap_ud:\n"
        "    pop %rcx\n"
        "    pop %r11\n"
        "    movq $6, trap_vector(%rip)\n"
        "    jmp 2f\n"
        "trap_gp:\n"
        "    pop %rcx\n"
        "    pop %r11\n"
        "    movq $13, trap_vector(%rip)\n"
        "    jmp 3f\n"
        "trap_pf:\n"
        "    pop %rcx\n"
        "    pop %r11\n"
        "    movq $14, trap_vector(%rip)\n"
        "    push %rax\n"
        "    mov %cr2, %rax\n"
        "    mov %rax, trap_cr2(%rip)\n"
        "    pop %rax\n"
        "3:  popq trap_error(%rip)\n"
        "2:  push %rax\n"
        "    mov resume(%rip), %rax\n"
        "    mov %rax, 8(%rsp)\n"
        "    pop %rax\n"
        "    iretq\n"
        /* #NM: the lazy FPU switch: fpu_taskswitch(0) clears CR0.TS, the instruction runs again. */
        "trap_nm:\n"
        "    push %rax\n"
        "    push %rdi\n"
        "    mov $5, %eax\n"
        "    xor %edi, %edi\n"
        "    syscall\n"
        "    pop %rdi\n"
        "    pop %rax\n"
        "    pop %rcx\n"
        "    pop %r11\n"
        "    movq $7, trap_vector(%rip)\n"
        "    iretq\n"
        /* Probes: each records where to resume, then does the one thing that may fault. */
        "probe_ud:\n"
        "    lea 1f(%rip), %rax\n"
        "    mov %rax, resume(%rip)\n"
        "    ud2\n"
        "1:  ret\n"
        "probe_gp:\n"
        "    lea 1f(%rip), %rax\n"
        "    mov %rax, resume(%rip)\n"
        "    mov %edi, %eax\n"
        "    mov %eax, %ds\n"
        "1:  ret\n"
        "probe_read:\n"
        "    lea 1f(%rip), %rax\n"
        "    mov %rax, resume(%rip)\n"
        "    xor %eax, %eax\n"
        "    mov (%rdi), %rax\n"
        "1:  ret\n"
        "probe_write:\n"
        "    lea 1f(%rip), %rax\n"
        "    mov %rax, resume(%rip)\n"
        "    mov %rsi, (%rdi)\n"
        "1:  ret\n"
        "probe_fpu:\n"
        "    fninit\n"
        "    ret\n"
        "read_fs0:\n"
        "    mov %fs:0, %rax\n"
        "    ret\n"
        /* iret: push struct iret_context { rax, r11, rcx, flags, rip, cs, rflags, rsp, ss } and return to 1f. */
        "probe_iret:\n"
        "    mov %rsp, %rdx\n"
        "    pushq $0x10\n"
        "    push %rdx\n"
        "    pushfq\n"
        "    pushq $0x08\n"
        "    lea 1f(%rip), %rax\n"
        "    push %rax\n"
        "    pushq $0\n"
        "    push %rcx\n"
        "    push %r11\n"
        "    push %rdi\n"
        "    mov $23, %eax\n"
        "    syscall\n"
        "    ud2\n"
        "1:  ret\n");

static long hc(ulong op, ulong a1, ulong a2, ulong a3, ulong a4) {
    long r;
    register ulong r10 __asm__("r10") = a4;
    __asm__ volatile("syscall" : "=a"(r) : "a"(op), "D"(a1), "S"(a2), "d"(a3), "r"(r10) : "rcx", "r11", "memory");
    return r;
}

#else
__asm__(".text\n"
        ".globl _start\n"
        "_start:\n"
        "    movl $stack+16384, %esp\n"
        "    pushl %esi\n"
        "    call guest_main\n"
        "1:  hlt\n"
        "    jmp 1b\n"
        /* Handlers: Xen's same-ring frame is [error code], eip, cs, eflags. They resume at `resume`. */
        "trap_ud:\n"
        "    movl $6, trap_vector\n"
        "    jmp 2f\n"
        "trap_gp:\n"
        "    movl $13, trap_vector\n"
        "    jmp 3f\n"
        "trap_pf:\n"
        "    movl $14, trap_vector\n"
        "    push %eax\n"
        "    mov %cr2, %eax\n"
        "    mov %eax, trap_cr2\n"
        "    pop %eax\n"
        "3:  popl trap_error\n"
        "2:  push %eax\n"
        "    mov resume, %eax\n"
        "    mov %eax, 4(%esp)\n"
        "    pop %eax\n"
        "    iret\n"
        "trap_nm:\n"
        "    push %eax\n"
        "    push %ebx\n"
        "    mov $5, %eax\n"
        "    xor %ebx, %ebx\n"
        "    int $0x82\n"
        "    pop %ebx\n"
        "    pop %eax\n"
        "    movl $7, trap_vector\n"
        "    iret\n"
        "probe_ud:\n"
        "    movl $1f, resume\n"
        "    ud2\n"
        "1:  ret\n"
        "probe_gp:\n"
        "    movl $1f, resume\n"
        "    mov 4(%esp), %eax\n"
        "    mov %eax, %ds\n"
        "1:  ret\n"
        "probe_read:\n"
        "    movl $1f, resume\n"
        "    mov 4(%esp), %ecx\n"
        "    xor %eax, %eax\n"
        "    mov (%ecx), %eax\n"
        "1:  ret\n"
        "probe_write:\n"
        "    movl $1f, resume\n"
        "    mov 4(%esp), %ecx\n"
        "    mov 8(%esp), %edx\n"
        "    mov %edx, (%ecx)\n"
        "1:  ret\n"
        "probe_fpu:\n"
        "    fninit\n"
        "    ret\n"
        "read_fs0:\n"
        "    mov %fs:0, %eax\n"
        "    ret\n"
        /* iret: push eax, then the same-ring IRET frame (eip, cs, eflags) above it, and return to 1f. */
        "probe_iret:\n"
        "    mov 4(%esp), %ecx\n"
        "    pushfl\n"
        "    pushl $0x08\n"
        "    pushl $1f\n"
        "    pushl %ecx\n"
        "    mov $23, %eax\n"
        "    int $0x82\n"
        "    ud2\n"
        "1:  ret\n");

static long hc(ulong op, ulong a1, ulong a2, ulong a3, ulong a4) {
    long r;
    __asm__ volatile("int $0x82" : "=a"(r) : "a"(op), "b"(a1), "c"(a2), "d"(a3), "S"(a4) : "memory");
    return r;
}

#endif

long xen_hypercall(ulong op, ulong a1, ulong a2, ulong a3) { return hc(op, a1, a2, a3, 0); }

static ulong pfn(const void *p) { return (ulong) p >> 12; }

static void check(int ok, const char *what) {
    con_str(ok ? "PASS " : "FAIL ");
    con_str(what);
    con_str("\n");
    if (!ok) failures++;
}

static long ext(unsigned cmd, ulong arg1, ulong arg2) {
    struct mmuext_op op = { cmd, arg1, arg2 };
    return hc(HYPERVISOR_mmuext_op, (ulong) &op, 1, 0, DOMID_SELF);
}

static long update(uint64_t ptr, pte_t val, unsigned *done) {
    struct mmu_update u = { ptr, val };
    return hc(HYPERVISOR_mmu_update, (ulong) &u, 1, (ulong) done, DOMID_SELF);
}

static ulong cr0(void) { ulong v; __asm__ volatile("mov %%cr0, %0" : "=r"(v)); return v; }

static int trapped(ulong vector) { ulong v = trap_vector; trap_vector = 0; return v == vector; }

/* 4 MiB mapped 1:1 through two L1 tables; the page-table and GDT pages read-only, as Xen demands. */
static void build_tables(void) {
    for (ulong f = 0; f < 1024; f++) {
        ulong a = f << 12;
        int ro = a == (ulong) l4 || a == (ulong) l3 || a == (ulong) l2 || a == (ulong) l1[0] || a == (ulong) l1[1]
                 || a == (ulong) gdt || a == (ulong) bad_gdt;
        l1[f / 512][f % 512] = a | P | (ro ? 0 : RW);
    }
    l2[0] = (ulong) l1[0] | P | RW;
    l2[1] = (ulong) l1[1] | P | RW;
    l3[0] = (ulong) l2 | P | (WIDE ? RW : 0);  /* a PAE page-directory-pointer entry has no RW */
    l4[0] = (ulong) l3 | P | RW;
}

/* The root table's frame: the L4 on x86_64, the PAE L3 on x86. */
static ulong root(void) { return WIDE ? pfn(l4) : pfn(l3); }

/* update_va_mapping and update_descriptor take 64-bit values as two words on x86. */
static long update_va(ulong va, pte_t val, ulong flags) {
    return WIDE ? hc(HYPERVISOR_update_va_mapping, va, (ulong) val, flags, 0)
                : hc(HYPERVISOR_update_va_mapping, va, (ulong) val, (ulong) (val >> 32), flags);
}

static long update_desc(uint64_t ma, uint64_t desc) {
    return WIDE ? hc(HYPERVISOR_update_descriptor, (ulong) ma, (ulong) desc, 0, 0)
                : hc(HYPERVISOR_update_descriptor, (ulong) ma, (ulong) (ma >> 32), (ulong) desc, (ulong) (desc >> 32));
}

static void descriptors_and_traps(void) {
    gdt[1] = WIDE ? 0x00AF9A000000FFFFull : 0x00CF9A000000FFFFull;  /* 0x08: kernel code, 64- or 32-bit */
    gdt[2] = 0x00CF92000000FFFFull;         /* 0x10: data */
    bad_gdt[1] = 0x0000890000000067ull;     /* a TSS descriptor: Xen keeps the TSS to itself */
    ulong frames[1] = { pfn(gdt) }, bad[1] = { pfn(bad_gdt) };
    check(hc(HYPERVISOR_set_gdt, (ulong) frames, 7169, 0, 0) == -EINVAL, "set_gdt with 7169 entries is -EINVAL");
    check(hc(HYPERVISOR_set_gdt, (ulong) bad, 3, 0, 0) == -EINVAL, "set_gdt of a page with a TSS descriptor is -EINVAL");
    check(hc(HYPERVISOR_set_gdt, WILD, 3, 0, 0) == -EFAULT, "set_gdt with a wild frame list is -EFAULT");
    check(hc(HYPERVISOR_set_gdt, (ulong) frames, 4, 0, 0) == 0, "set_gdt with flat code 0x08 and data 0x10");

    static struct trap_info bad_traps[2] = { { 6, 0, 0x08, (ulong) 0x0000800000000000ull }, { 0, 0, 0, 0 } };
    static struct trap_info traps[5];
    struct trap_info t[5] = { { 6, 0, 0x08, (ulong) trap_ud }, { 7, 0, 0x08, (ulong) trap_nm },
                              { 13, 0, 0x08, (ulong) trap_gp }, { 14, 0, 0x08, (ulong) trap_pf }, { 0, 0, 0, 0 } };
    for (int i = 0; i < 5; i++) traps[i] = t[i];
    if (WIDE) check(hc(HYPERVISOR_set_trap_table, (ulong) bad_traps, 0, 0, 0) == -EINVAL, "set_trap_table with a non-canonical handler is -EINVAL");
    check(hc(HYPERVISOR_set_trap_table, WILD, 0, 0, 0) == -EFAULT, "set_trap_table with a wild table is -EFAULT");
    check(hc(HYPERVISOR_set_trap_table, (ulong) traps, 0, 0, 0) == 0, "set_trap_table: #UD, #NM, #GP, #PF");
    probe_ud();
    check(trapped(6), "ud2 bounces to the #UD handler");
    probe_gp(0x1234);
    check(trapped(13) && trap_error == 0x1234, "a bad selector load bounces to #GP with error code 0x1234");
}

static void direct_paging(void) {
    build_tables();
    ulong self = pfn(l1[0]) & 511;
    l1[0][self] |= RW;
    check(ext(MMUEXT_PIN_L1_TABLE, pfn(l1[0]), 0) == -EBUSY, "PIN_L1_TABLE of an L1 that maps itself writable is -EBUSY");
    l1[0][self] &= ~RW;
    if (WIDE) {
        l4[256] = (ulong) l3 | P | RW;
        check(ext(MMUEXT_NEW_BASEPTR, pfn(l4), 0) == -EINVAL, "NEW_BASEPTR with Xen's L4 slot 256 present is -EINVAL");
        l4[256] = 0;
    } else {
        check(ext(MMUEXT_PIN_L4_TABLE, pfn(l3), 0) == -EINVAL, "PIN_L4_TABLE on a PAE guest is -EINVAL");
        l3[0] |= RW;
        check(ext(MMUEXT_NEW_BASEPTR, pfn(l3), 0) == -EINVAL, "NEW_BASEPTR with RW in a PAE L3 entry is -EINVAL");
        l3[0] &= ~RW;
    }
    struct mmuext_op op = { MMUEXT_TLB_FLUSH_LOCAL, 0, 0 };
    check(hc(HYPERVISOR_mmuext_op, (ulong) &op, 1, 0, 1) == -ESRCH, "mmuext_op for another domain is -ESRCH");
    check(hc(HYPERVISOR_mmu_update, WILD, 1, 0, DOMID_SELF) == -EFAULT, "mmu_update with a wild request array is -EFAULT");
    check(ext(PIN_ROOT, root(), 0) == 0, WIDE ? "PIN_L4_TABLE validates the tree" : "PIN_L3_TABLE validates the tree");
    check(ext(PIN_ROOT, root(), 0) == -EINVAL, "pinning it again is -EINVAL");
    check(ext(MMUEXT_NEW_BASEPTR, root(), 0) == 0 && (cr0() & 0x80000000ul), "NEW_BASEPTR: paging on through the pinned tables");

    probe_read((const volatile ulong *) UNMAPPED);
    check(trapped(14) && trap_error == 0 && trap_cr2 == UNMAPPED, "a read of an unmapped address bounces to #PF (error 0, CR2)");
    pte_t before = l1[1][5];
    probe_write((volatile ulong *) &l1[1][5], 0);
    check(trapped(14) && trap_error == 3 && trap_cr2 == (ulong) &l1[1][5] && l1[1][5] == before,
          "a direct write to a pinned L1 is a #PF (error 3)");

    unsigned done = 0;
    ulong pte = (ulong) &l1[0][REMAP_VA >> 12];
    check(update(pte, (ulong) l2 | P | RW, &done) == -EBUSY && done == 0, "mmu_update mapping the L2 writable is -EBUSY");
    check(update(pte, (0x40000ul << 12) | P | RW, 0) == -EPERM, "mmu_update mapping a frame outside the domain is -EPERM");
    check(update(pte, (ulong) scratch | P | RW | PCD, 0) == -EINVAL, "mmu_update with cache attributes is -EINVAL");
    if (WIDE) check(update((ulong) &l4[256], (ulong) l3 | P | RW, 0) == -EINVAL, "mmu_update of Xen's L4 slot 256 is -EINVAL");
    scratch[0] = MAGIC;
    check(update(pte, (ulong) scratch | P | RW, &done) == 0 && done == 1, "mmu_update remaps a page (*pdone = 1)");
    check(ext(MMUEXT_INVLPG_LOCAL, REMAP_VA, 0) == 0 && *(volatile ulong *) REMAP_VA == MAGIC, "INVLPG_LOCAL: the new mapping is seen");
    check(update(pfn(scratch) << 12 | MMU_MACHPHYS_UPDATE, pfn(scratch), 0) == 0, "MMU_MACHPHYS_UPDATE of an own frame");
    check(update(0x40000ul << 12 | MMU_MACHPHYS_UPDATE, 1, 0) == -EINVAL, "MMU_MACHPHYS_UPDATE of a foreign frame is -EINVAL");

    ulong va = REMAP_VA + 4096;
    scratch[1] = MAGIC + 1;
    check(update_va(va, (ulong) scratch | P | RW, UVMF_INVLPG) == 0 && ((volatile ulong *) va)[1] == MAGIC + 1,
          "update_va_mapping with UVMF_INVLPG");
    check(update_va(UNMAPPED, (ulong) scratch | P, 0) == -EINVAL, "update_va_mapping of an address no L1 maps is -EINVAL");
    check(update_va(va, (root() << 12) | P | RW, 0) == -EBUSY, "update_va_mapping mapping the root table writable is -EBUSY");

    check(ext(MMUEXT_TLB_FLUSH_LOCAL, 0, 0) == 0 && ext(MMUEXT_TLB_FLUSH_ALL, 0, 0) == 0, "TLB_FLUSH_LOCAL and TLB_FLUSH_ALL");
    check(ext(99, 0, 0) == -ENOSYS, "an unknown mmuext command is -ENOSYS");
    check(ext(MMUEXT_UNPIN_TABLE, pfn(l2), 0) == -EINVAL, "UNPIN_TABLE of a table that is not pinned is -EINVAL");
    if (WIDE) check(ext(MMUEXT_NEW_USER_BASEPTR, pfn(l4), 0) == 0, "NEW_USER_BASEPTR");
    else check(ext(MMUEXT_NEW_USER_BASEPTR, pfn(l3), 0) == -ENOSYS, "NEW_USER_BASEPTR is x86_64's: -ENOSYS");

    check(update_desc((ulong) &gdt[3], 0x00CF92000000FFFFull) == 0 && gdt[3] == 0x00CF92000000FFFFull,
          "update_descriptor writes a data descriptor into the GDT");
    check(update_desc((ulong) &gdt[3] + 4, 0x00CF92000000FFFFull) == -EINVAL, "update_descriptor misaligned is -EINVAL");
    check(update_desc((ulong) &gdt[3], 0x0000890000000067ull) == -EINVAL, "update_descriptor of a TSS is -EINVAL");
    check(update_desc((ulong) &l1[0][1], 0x00CF92000000FFFFull) == -EINVAL, "update_descriptor into a page table is -EINVAL");
}

static void cpu_state(void) {
    check(hc(HYPERVISOR_fpu_taskswitch, 1, 0, 0, 0) == 0 && (cr0() & 8), "fpu_taskswitch(1) sets CR0.TS");
    probe_fpu();
    check(trapped(7) && !(cr0() & 8), "fninit then bounces to #NM, whose handler clears TS with fpu_taskswitch(0)");
    check(hc(HYPERVISOR_stack_switch, 0x10, (ulong) kernel_stack + sizeof kernel_stack, 0, 0) == 0, "stack_switch");
    fs_data = MAGIC;
    if (WIDE) {
        check(hc(HYPERVISOR_set_segment_base, SEGBASE_FS, (ulong) &fs_data, 0, 0) == 0 && read_fs0() == MAGIC, "set_segment_base(SEGBASE_FS)");
        check(hc(HYPERVISOR_set_segment_base, SEGBASE_FS, (ulong) 0x0000800000000000ull, 0, 0) == -EINVAL, "a non-canonical FS base is -EINVAL");
        check(hc(HYPERVISOR_set_segment_base, 9, 0, 0, 0) == -EINVAL, "set_segment_base of an unknown register is -EINVAL");
    } else {
        check(hc(HYPERVISOR_set_segment_base, SEGBASE_FS, (ulong) &fs_data, 0, 0) == -ENOSYS, "set_segment_base is x86_64's: -ENOSYS");
    }
    check(hc(HYPERVISOR_vm_assist, VMASST_CMD_enable, VMASST_TYPE_writable_pagetables, 0, 0) == 0, "vm_assist enables writable_pagetables");
    check(hc(HYPERVISOR_vm_assist, VMASST_CMD_enable, 40, 0, 0) == -EINVAL, "vm_assist of an unknown type is -EINVAL");
    check(hc(HYPERVISOR_vm_assist, 7, 2, 0, 0) == -ENOSYS, "vm_assist with an unknown command is -ENOSYS");
    static unsigned iopl;
    iopl = 3;
    ulong flags;
    long r = hc(HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, (ulong) &iopl, 0, 0);
    __asm__ volatile("pushf; pop %0" : "=r"(flags));
    check(r == 0 && ((flags >> 12) & 3) == 3, "physdev_op(set_iopl, 3)");
    iopl = 4;
    check(hc(HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, (ulong) &iopl, 0, 0) == -EINVAL, "set_iopl(4) is -EINVAL");
    check(hc(HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, WILD, 0, 0) == -EFAULT, "set_iopl with a wild pointer is -EFAULT");
    check(probe_iret(0x1234abcd) == 0x1234abcd, "iret returns through Xen's iret frame with the saved eax/rax");
    check(hc(30, 0, WILD, 0, 0) == -EFAULT, "callback_op with a wild pointer is -EFAULT");
}

/* CPUID: a plain one shows no hypervisor leaves to a PV guest; Xen's forced-emulation prefix gives its PV view. */
static void cpuid_views(void) {
    unsigned a, b, c, d;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x40000000), "c"(0));
    check(b == 0, "a plain CPUID 0x40000000 shows no hypervisor");
    __asm__ volatile("ud2; .ascii \"xen\"; cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x40000000), "c"(0));
    check(a == 0x40000005 && b == 0x566e6558 && c == 0x65584d4d && d == 0x4d4d566e,
          "the forced-emulation prefix (ud2; .ascii \"xen\"; cpuid) shows Xen's leaves: XenVMMXenVMM");
    __asm__ volatile("ud2; .ascii \"xen\"; cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
    check(!(d & (1u << 3)), "its leaf 1 hides PSE: no superpages for a PV guest");
}

void guest_main(void *start_info) {
    pv_init(&pv, start_info);
    con_str("pv-abi: " ISA " PV, the MMU and trap hypercalls\n");
    descriptors_and_traps();
    direct_paging();
    cpu_state();
    cpuid_views();
    con_str(failures == 0 ? "Test result: SUCCESS\n" : "Test result: FAILURE\n");
    pv_poweroff();
}
