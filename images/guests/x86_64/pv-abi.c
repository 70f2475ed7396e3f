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
 * It is a Xen PV kernel (Xen's GUEST_OS, XEN_VERSION, LOADER, ENTRY, VIRT_BASE and PADDR_OFFSET notes, PAE_MODE on
 * x86), so it runs in Xen's ring model: x86_64 at CPL 3 (CS 0xe033, SS 0xe02b), x86 at ring 1 (CS 0xe019, SS 0xe021).
 * It checks that entry state, returns from its handlers with HYPERVISOR_iret (the saved CS of a kernel-mode frame has
 * RPL 0), the DPLs set_gdt and update_descriptor raise, the privileged instructions Xen emulates (MOV from CR0, CR3
 * and CR4, MOV to CR0 of TS, CLTS, WRMSR/RDMSR of the FS base, IN and CLI under the virtual IOPL of set_iopl) and
 * those it bounces as #GP(0) (IN before set_iopl), HLT as SCHEDOP_block woken by a timer, CPUID faulting, and a
 * round trip through user mode: x86_64
 * returns to user mode with HYPERVISOR_iret (NEW_USER_BASEPTR's table) and comes back through syscall to the
 * syscall callback, x86 returns to ring 3 and comes back through int $0x80 on kernel_ss:kernel_sp.
 * PASS/FAIL lines, "Test result: SUCCESS" (or FAILURE), then power-off through sched_op. Built with -mno-red-zone:
 * the bounce frames land right below the interrupted code's stack pointer. */
#include "xen.h"

typedef unsigned long ulong;
typedef uint64_t pte_t;

#ifdef __x86_64__
#define WIDE 1
#define ISA "x86_64"
#define KCS 0xe033                        /* FLAT_RING3_CS64: the kernel's CS (and user space's) */
#define KDS 0xe02b                        /* FLAT_RING3_SS64 */
#define WILD 0x7ff000000000ul             /* canonical, far outside the domain's RAM */
#define MAGIC 0x5a5aa5a5c3c33c3cul
#define PIN_ROOT MMUEXT_PIN_L4_TABLE
#else
#define WIDE 0
#define ISA "x86 (PAE)"
#define KCS 0xe019                        /* FLAT_RING1_CS */
#define KDS 0xe021                        /* FLAT_RING1_DS */
#define WILD 0xfff00000ul                 /* far outside the domain's RAM */
#define MAGIC 0xc3c33c3cul
#define PIN_ROOT MMUEXT_PIN_L3_TABLE
#endif

#define HYPERVISOR_set_trap_table 0
#define HYPERVISOR_mmu_update 1
#define HYPERVISOR_set_gdt 2
#define HYPERVISOR_stack_switch 3
#define HYPERVISOR_fpu_taskswitch 5
#define HYPERVISOR_set_debugreg 8
#define HYPERVISOR_get_debugreg 9
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
#define MMUEXT_SET_LDT 13
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
#define ENODEV 19
#define ENOSYS 38

#define P 1ul
#define RW 2ul
#define US 4ul                            /* user space (ring 3) may reach every page of this image */
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
static uint64_t ldt[512] __attribute__((aligned(4096)));
static ulong scratch[512] __attribute__((aligned(4096)));
static char stack[16384] __attribute__((aligned(16), used));
static char kernel_stack[4096] __attribute__((aligned(16)));
static ulong fs_data;
static const ulong *start;                /* start_info */
#define SI_PT_BASE (WIDE ? 11 : 15)       /* pt_base, nr_pt_frames, mfn_list: words 11-13 (x86_64) / 15-17 (x86) */
static char user_stack[4096] __attribute__((aligned(16)));
volatile ulong entry_cs, entry_ss, entry_flags, user_cs, sys_rip, sys_rcx, sys_cs, sys_sp, kernel_sp_saved;
static struct pv_info pv;
static unsigned failures;

/* Written by the trap handlers: the vector, error code and CR2 of the last bounce. */
volatile ulong trap_vector, trap_error, trap_cr2, resume;

void guest_main(void *start_info);
ulong probe_ud(void), probe_gp(ulong selector), probe_read(const volatile ulong *p), probe_write(volatile ulong *p, ulong v);
ulong probe_fpu(void), probe_iret(ulong rax), read_fs0(void), probe_in(void), probe_cli(void), probe_hlt(void), probe_user(void);
extern char trap_ud[], trap_gp[], trap_pf[], trap_nm[], trap_int80[], syscall_entry[], user_return[];
extern char image_end[];

/* Xen's notes (public/elfnote.h): without GUEST_OS, XEN_VERSION and LOADER Xen refuses a PV kernel. */
#define NOTE_STR(type, str) ".balign 4\n.long 4, 2f - 1f, " #type "\n.asciz \"Xen\"\n.balign 4\n1: .asciz \"" str "\"\n2: .balign 4\n"
#define NOTE_WORD(type, size, word) ".balign 4\n.long 4, " #size ", " #type "\n.asciz \"Xen\"\n.balign 4\n" word "\n"
__asm__(".pushsection .note.Xen, \"a\", @note\n"
        NOTE_STR(6, "Polyvisor-pv-abi")         /* XEN_ELFNOTE_GUEST_OS */
        NOTE_STR(5, "xen-3.0")                  /* XEN_ELFNOTE_XEN_VERSION */
        NOTE_STR(8, "generic")                  /* XEN_ELFNOTE_LOADER */
#ifdef __x86_64__
        NOTE_WORD(1, 8, ".quad _start")         /* XEN_ELFNOTE_ENTRY */
        NOTE_WORD(3, 8, ".quad 0")              /* XEN_ELFNOTE_VIRT_BASE */
        NOTE_WORD(4, 8, ".quad 0")              /* XEN_ELFNOTE_PADDR_OFFSET */
#else
        NOTE_WORD(1, 4, ".long _start")
        NOTE_WORD(3, 4, ".long 0")
        NOTE_WORD(4, 4, ".long 0")
        NOTE_STR(9, "yes")                      /* XEN_ELFNOTE_PAE_MODE */
#endif
        ".popsection\n");

#ifdef __x86_64__
__asm__(".text\n"
        ".globl _start\n"
        "_start:\n"
        "    mov %cs, %eax\n"
        "    mov %rax, entry_cs(%rip)\n"
        "    mov %ss, %eax\n"
        "    mov %rax, entry_ss(%rip)\n"
        "    lea stack+16384(%rip), %rsp\n"
        "    pushfq\n"
        "    popq entry_flags(%rip)\n"
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
        /* HYPERVISOR_iret: struct iret_context { rax, r11, rcx, flags, rip, cs, rflags, rsp, ss } */
        "xen_iret:\n"
        "    pushq $0\n"
        "    push %rcx\n"
        "    push %r11\n"
        "    push %rax\n"
        "    mov $23, %eax\n"
        "    syscall\n"
        "    ud2\n"
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
        "    jmp xen_iret\n"
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
        "    mov %ss, %eax\n"
        "    push %rax\n"
        "    push %rdx\n"
        "    pushfq\n"
        "    mov %cs, %eax\n"
        "    and $~3, %eax\n"                    /* RPL 0: a kernel-mode frame (RPL 3 would mean user mode) */
        "    push %rax\n"
        "    lea 1f(%rip), %rax\n"
        "    push %rax\n"
        "    pushq $0\n"
        "    push %rcx\n"
        "    push %r11\n"
        "    push %rdi\n"
        "    mov $23, %eax\n"
        "    syscall\n"
        "    ud2\n"
        "1:  ret\n"
        "probe_in:\n"
        "    lea 1f(%rip), %rax\n"
        "    mov %rax, resume(%rip)\n"
        "    xor %eax, %eax\n"
        "    in $0x80, %al\n"
        "1:  ret\n"
        "probe_cli:\n"
        "    lea 1f(%rip), %rax\n"
        "    mov %rax, resume(%rip)\n"
        "    cli\n"
        "    sti\n"
        "1:  ret\n"
        "probe_hlt:\n"
        "    lea 1f(%rip), %rax\n"
        "    mov %rax, resume(%rip)\n"
        "    hlt\n"
        "1:  ret\n"
        /* User mode and back: HYPERVISOR_iret with CS RPL 3 to user_code; its syscall enters syscall_entry. */
        "probe_user:\n"
        "    push %rbx\n"
        "    push %rbp\n"
        "    push %r12\n"
        "    push %r13\n"
        "    push %r14\n"
        "    push %r15\n"
        "    mov %rsp, kernel_sp_saved(%rip)\n"
        "    mov %ss, %eax\n"
        "    push %rax\n"                          /* ss */
        "    lea user_stack+4096(%rip), %rax\n"
        "    push %rax\n"                          /* rsp */
        "    pushq $0x202\n"                       /* rflags */
        "    mov %cs, %eax\n"
        "    push %rax\n"                          /* cs: RPL 3, to user mode */
        "    lea user_code(%rip), %rax\n"
        "    push %rax\n"                          /* rip */
        "    pushq $0\n"
        "    push %rcx\n"
        "    push %r11\n"
        "    push %rax\n"
        "    mov $23, %eax\n"
        "    syscall\n"
        "    ud2\n"
        "user_code:\n"
        "    mov %cs, %eax\n"
        "    mov %rax, user_cs(%rip)\n"
        "    syscall\n"
        "user_return:\n"
        "    ud2\n"
        /* The syscall callback, in kernel mode on kernel_sp: rcx, r11, rip, cs, rflags, rsp, ss. */
        "syscall_entry:\n"
        "    mov (%rsp), %rax\n"
        "    mov %rax, sys_rcx(%rip)\n"
        "    mov 16(%rsp), %rax\n"
        "    mov %rax, sys_rip(%rip)\n"
        "    mov 24(%rsp), %rax\n"
        "    mov %rax, sys_cs(%rip)\n"
        "    mov 40(%rsp), %rax\n"
        "    mov %rax, sys_sp(%rip)\n"
        "    mov kernel_sp_saved(%rip), %rsp\n"
        "    pop %r15\n"
        "    pop %r14\n"
        "    pop %r13\n"
        "    pop %r12\n"
        "    pop %rbp\n"
        "    pop %rbx\n"
        "    mov $1, %eax\n"
        "    ret\n"
        "trap_int80:\n"
        "    ud2\n");

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
        "    mov %cs, %eax\n"
        "    mov %eax, entry_cs\n"
        "    mov %ss, %eax\n"
        "    mov %eax, entry_ss\n"
        "    movl $stack+16384, %esp\n"
        "    pushfl\n"
        "    popl entry_flags\n"
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
        /* HYPERVISOR_iret (compat_iret): eax, then eip, cs, eflags [, esp, ss] */
        "xen_iret:\n"
        "    push %eax\n"
        "    mov $23, %eax\n"
        "    int $0x82\n"
        "    ud2\n"
        "trap_nm:\n"
        "    push %eax\n"
        "    push %ebx\n"
        "    mov $5, %eax\n"
        "    xor %ebx, %ebx\n"
        "    int $0x82\n"
        "    pop %ebx\n"
        "    pop %eax\n"
        "    movl $7, trap_vector\n"
        "    jmp xen_iret\n"
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
        "    mov %cs, %eax\n"
        "    push %eax\n"
        "    pushl $1f\n"
        "    pushl %ecx\n"
        "    mov $23, %eax\n"
        "    int $0x82\n"
        "    ud2\n"
        "1:  ret\n"
        "probe_in:\n"
        "    movl $1f, resume\n"
        "    xor %eax, %eax\n"
        "    in $0x80, %al\n"
        "1:  ret\n"
        "probe_cli:\n"
        "    movl $1f, resume\n"
        "    cli\n"
        "    sti\n"
        "1:  ret\n"
        "probe_hlt:\n"
        "    movl $1f, resume\n"
        "    hlt\n"
        "1:  ret\n"
        /* Ring 3 and back: HYPERVISOR_iret to user_code at ring 3; its int $0x80 enters trap_int80 on kernel_sp. */
        "probe_user:\n"
        "    push %ebx\n"
        "    push %ebp\n"
        "    push %esi\n"
        "    push %edi\n"
        "    mov %esp, kernel_sp_saved\n"
        "    pushl $0xe033\n"                      /* ss: FLAT_RING3_DS */
        "    pushl $user_stack+4096\n"             /* esp */
        "    pushl $0x202\n"                       /* eflags */
        "    pushl $0xe02b\n"                      /* cs: FLAT_RING3_CS */
        "    pushl $user_code\n"                   /* eip */
        "    push %eax\n"
        "    mov $23, %eax\n"
        "    int $0x82\n"
        "    ud2\n"
        "user_code:\n"
        "    mov $0x23, %eax\n"                    /* the return to ring 3 nulled DS (DPL 1): the user's own */
        "    mov %eax, %ds\n"
        "    mov %cs, %eax\n"
        "    mov %eax, user_cs\n"
        "    int $0x80\n"
        "user_return:\n"
        "    ud2\n"
        /* int $0x80 from ring 3, on kernel_ss:kernel_sp: eip, cs, eflags, esp, ss. */
        "trap_int80:\n"
        "    mov $0x11, %eax\n"                    /* the kernel's data: GDT entry 2, DPL raised to 1 */
        "    mov %eax, %ds\n"
        "    mov %eax, %es\n"
        "    mov (%esp), %eax\n"
        "    mov %eax, sys_rip\n"
        "    mov %eax, sys_rcx\n"
        "    mov 4(%esp), %eax\n"
        "    mov %eax, sys_cs\n"
        "    mov 12(%esp), %eax\n"
        "    mov %eax, sys_sp\n"
        "    mov kernel_sp_saved, %esp\n"
        "    pop %edi\n"
        "    pop %esi\n"
        "    pop %ebp\n"
        "    pop %ebx\n"
        "    mov $1, %eax\n"
        "    ret\n"
        "syscall_entry:\n"
        "    ud2\n");

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

/* Privileged at the guest's ring: these #GP and Xen emulates them (emulate_privileged_op). */
static ulong cr0(void) { ulong v; __asm__ volatile("mov %%cr0, %0" : "=r"(v)); return v; }
static ulong cr3(void) { ulong v; __asm__ volatile("mov %%cr3, %0" : "=r"(v)); return v; }
static ulong cr4(void) { ulong v; __asm__ volatile("mov %%cr4, %0" : "=r"(v)); return v; }
static ulong eflags(void) { ulong v; __asm__ volatile("pushf; pop %0" : "=r"(v)); return v; }

static int trapped(ulong vector) { ulong v = trap_vector; trap_vector = 0; return v == vector; }

/* 4 MiB mapped 1:1 through two L1 tables; the page-table and GDT pages read-only, as Xen demands (the builder's
 * bootstrap tables too: start_info's pt_base and nr_pt_frames say where they are). */
static void build_tables(void) {
    ulong pt = start[SI_PT_BASE] >> 12, nr_pt = start[SI_PT_BASE + 1];
    for (ulong f = 0; f < 1024; f++) {
        ulong a = f << 12;
        int ro = a == (ulong) l4 || a == (ulong) l3 || a == (ulong) l2 || a == (ulong) l1[0] || a == (ulong) l1[1]
                 || a == (ulong) gdt || a == (ulong) bad_gdt || a == (ulong) ldt || (f >= pt && f < pt + nr_pt);
        l1[f / 512][f % 512] = a | P | US | (ro ? 0 : RW);
    }
    l2[0] = (ulong) l1[0] | P | RW | US;
    l2[1] = (ulong) l1[1] | P | RW | US;
    l3[0] = (ulong) l2 | P | (WIDE ? RW | US : 0);  /* a PAE page-directory-pointer entry has no RW or US */
    l4[0] = (ulong) l3 | P | RW | US;
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

/* The builder's tables map every page writable; a page must lose that mapping before it can be a GDT or page table
 * (Xen's page types), as a Xen kernel makes such pages read-only with update_va_mapping before handing them over. */
static long update_va(ulong va, pte_t val, ulong flags);
static int readonly(const void *p) { return update_va((ulong) p, ((ulong) p & ~0xffful) | P | US, UVMF_INVLPG) == 0; }

static void descriptors_and_traps(void) {
    /* Accessed bits set, as Linux's: the CPU would set them on a load, and the GDT pages are read-only. */
    gdt[1] = WIDE ? 0x00AF9B000000FFFFull : 0x00CF9B000000FFFFull;  /* 0x08: kernel code, 64- or 32-bit */
    gdt[2] = 0x00CF93000000FFFFull;         /* 0x10: data */
    gdt[4] = 0x00CFF3000000FFFFull;         /* 0x23: user data (DPL 3), for ring 3 on x86 */
    bad_gdt[1] = 0x0000890000000067ull;     /* a TSS descriptor: Xen keeps the TSS to itself */
    ldt[0] = 0x00CF93000000FFFFull;         /* an LDT entry for later: flat data, DPL 0 (Xen raises it) */
    check(readonly(gdt) && readonly(bad_gdt) && readonly(ldt), "update_va_mapping makes the GDT and LDT pages read-only");
    ulong frames[1] = { pfn(gdt) }, bad[1] = { pfn(bad_gdt) };
    check(hc(HYPERVISOR_set_gdt, (ulong) frames, 7169, 0, 0) == -EINVAL, "set_gdt with 7169 entries is -EINVAL");
    check(hc(HYPERVISOR_set_gdt, (ulong) bad, 3, 0, 0) == -EINVAL, "set_gdt of a page with a TSS descriptor is -EINVAL");
    check(hc(HYPERVISOR_set_gdt, WILD, 3, 0, 0) == -EFAULT, "set_gdt with a wild frame list is -EFAULT");
    check(hc(HYPERVISOR_set_gdt, (ulong) frames, 5, 0, 0) == 0, "set_gdt with flat code 0x08, data 0x10 and user data 0x23");
    check(((gdt[1] >> 45) & 3) == (WIDE ? 3 : 1) && ((gdt[2] >> 45) & 3) == (WIDE ? 3 : 1),
          WIDE ? "set_gdt raised their DPL 0 to 3, the kernel's ring" : "set_gdt raised their DPL 0 to 1, the kernel's ring");

    static struct trap_info bad_traps[2] = { { 6, 0, 0x08, (ulong) 0x0000800000000000ull }, { 0, 0, 0, 0 } };
    static struct trap_info traps[6];
    struct trap_info t[6] = { { 6, 0, KCS, (ulong) trap_ud }, { 7, 0, KCS, (ulong) trap_nm },
                              { 13, 0, KCS, (ulong) trap_gp }, { 14, 0, KCS, (ulong) trap_pf },
                              { 0x80, 3, KCS, (ulong) trap_int80 }, { 0, 0, 0, 0 } };
    for (int i = 0; i < 6; i++) traps[i] = t[i];
    if (WIDE) check(hc(HYPERVISOR_set_trap_table, (ulong) bad_traps, 0, 0, 0) == -EINVAL, "set_trap_table with a non-canonical handler is -EINVAL");
    check(hc(HYPERVISOR_set_trap_table, WILD, 0, 0, 0) == -EFAULT, "set_trap_table with a wild table is -EFAULT");
    check(hc(HYPERVISOR_set_trap_table, (ulong) traps, 0, 0, 0) == 0, "set_trap_table: #UD, #NM, #GP, #PF, int $0x80 (DPL 3)");
    probe_ud();
    check(trapped(6), "ud2 bounces to the #UD handler");
    probe_gp(0x1234);
    check(trapped(13) && trap_error == 0x1234, "a bad selector load bounces to #GP with error code 0x1234");
    /* Xen's reserved GDT entries (7168 on) are in the GDT the processor uses: the guest may load its flat selectors. */
    probe_gp(KDS);
    check(!trapped(13), WIDE ? "mov ds, 0xe02b (Xen's reserved ring-3 data) loads" : "mov ds, 0xe021 (Xen's reserved ring-1 data) loads");
    probe_gp(0xe010);
    check(trapped(13) && trap_error == 0xe010, "mov ds, 0xe010 (Xen's ring-0 data) is #GP(0xe010)");
    probe_gp(KDS);
}

static void direct_paging(void) {
    build_tables();
    check(readonly(l4) && readonly(l3) && readonly(l2) && readonly(l1[0]) && readonly(l1[1]),
          "update_va_mapping makes the new tables read-only");
    /* From here they change through mmu_update (on a page with no type yet it writes the entry as it is). */
    ulong self = pfn(l1[0]) & 511;
    update((ulong) &l1[0][self], l1[0][self] | RW, 0);
    check(ext(MMUEXT_PIN_L1_TABLE, pfn(l1[0]), 0) == -EBUSY, "PIN_L1_TABLE of an L1 that maps itself writable is -EBUSY");
    update((ulong) &l1[0][self], l1[0][self] & ~RW, 0);
    if (WIDE) {
        update((ulong) &l4[256], (ulong) l3 | P | RW, 0);
        check(ext(MMUEXT_NEW_BASEPTR, pfn(l4), 0) == -EINVAL, "NEW_BASEPTR with Xen's L4 slot 256 present is -EINVAL");
        update((ulong) &l4[256], 0, 0);
    } else {
        check(ext(MMUEXT_PIN_L4_TABLE, pfn(l3), 0) == -EINVAL, "PIN_L4_TABLE on a PAE guest is -EINVAL");
        update((ulong) &l3[0], l3[0] | RW, 0);
        check(ext(MMUEXT_NEW_BASEPTR, pfn(l3), 0) == -EINVAL, "NEW_BASEPTR with RW in a PAE L3 entry is -EINVAL");
        update((ulong) &l3[0], l3[0] & ~RW, 0);
    }
    struct mmuext_op op = { MMUEXT_TLB_FLUSH_LOCAL, 0, 0 };
    check(hc(HYPERVISOR_mmuext_op, (ulong) &op, 1, 0, 1) == -ESRCH, "mmuext_op for another domain is -ESRCH");
    check(hc(HYPERVISOR_mmu_update, WILD, 1, 0, DOMID_SELF) == -EFAULT, "mmu_update with a wild request array is -EFAULT");
    check(ext(PIN_ROOT, root(), 0) == 0, WIDE ? "PIN_L4_TABLE validates the tree" : "PIN_L3_TABLE validates the tree");
    check(ext(PIN_ROOT, root(), 0) == -EINVAL, "pinning it again is -EINVAL");
    check(cr3() == start[SI_PT_BASE], "mov from CR3 (emulated) before our NEW_BASEPTR: the builder's pt_base");
    check(ext(MMUEXT_NEW_BASEPTR, root(), 0) == 0 && (cr0() & 0x80000000ul), "NEW_BASEPTR: paging on through the pinned tables");
    check(cr3() == root() << 12, "mov from CR3 (emulated) gives the root table NEW_BASEPTR set");

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

    check(update_desc((ulong) &gdt[3], 0x00CF92000000FFFFull) == 0
          && gdt[3] == (WIDE ? 0x00CFF2000000FFFFull : 0x00CFB2000000FFFFull),
          "update_descriptor writes a data descriptor into the GDT, its DPL 0 raised to the kernel's ring");
    check(update_desc((ulong) &gdt[3] + 4, 0x00CF92000000FFFFull) == -EINVAL, "update_descriptor misaligned is -EINVAL");
    check(update_desc((ulong) &gdt[3], 0x0000890000000067ull) == -EINVAL, "update_descriptor of a TSS is -EINVAL");
    check(update_desc((ulong) &l1[0][1], 0x00CF92000000FFFFull) == -EINVAL, "update_descriptor into a page table is -EINVAL");
}

static void cpu_state(void) {
    check(hc(HYPERVISOR_fpu_taskswitch, 1, 0, 0, 0) == 0 && (cr0() & 8), "fpu_taskswitch(1) sets CR0.TS");
    probe_fpu();
    check(trapped(7) && !(cr0() & 8), "fninit then bounces to #NM, whose handler clears TS with fpu_taskswitch(0)");
    check(hc(HYPERVISOR_stack_switch, KDS, (ulong) kernel_stack + sizeof kernel_stack, 0, 0) == 0, "stack_switch");
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
    probe_in();
    check(trapped(13) && trap_error == 0, "in without the I/O privilege: #GP(0) bounced to the guest");
    probe_cli();
    check(trapped(13) && trap_error == 0, "cli without the I/O privilege: #GP(0) bounced to the guest");
    iopl = 1;
    long r = hc(HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, (ulong) &iopl, 0, 0);
    check(r == 0 && ((eflags() >> 12) & 3) == 0, "physdev_op(set_iopl, 1): a virtual IOPL, the hardware's stays 0");
    check((probe_in() & 0xff) == 0xff && trap_vector == 0, "in under the virtual IOPL is emulated: all ones (no port of the domain's)");
    probe_cli();
    check(trap_vector == 0 && (eflags() & 0x200), "cli/sti under the virtual IOPL are emulated and leave IF alone");
    static volatile unsigned char ports[8];
    ulong di = (ulong) ports, count = 3;
    __asm__ volatile("rep insb" : "+D"(di), "+c"(count) : "d"(0x80) : "memory");
    check(trap_vector == 0 && ports[0] == 0xff && ports[2] == 0xff && ports[3] == 0 && count == 0 && di == (ulong) ports + 3,
          "rep insb under the virtual IOPL is emulated: all ones, rDI and rCX moved");
    iopl = 4;
    check(hc(HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, (ulong) &iopl, 0, 0) == -EINVAL, "set_iopl(4) is -EINVAL");
    check(hc(HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, WILD, 0, 0) == -EFAULT, "set_iopl with a wild pointer is -EFAULT");
    check(probe_iret(0x1234abcd) == 0x1234abcd, "iret returns through Xen's iret frame with the saved eax/rax");
    check(hc(HYPERVISOR_set_debugreg, 7, 0x2000, 0, 0) == -EPERM, "set_debugreg of DR7.GD is -EPERM");
    check(hc(HYPERVISOR_set_debugreg, 0, (ulong) &fs_data, 0, 0) == 0 && hc(HYPERVISOR_get_debugreg, 0, 0, 0, 0) == (long) &fs_data,
          "set_debugreg/get_debugreg of DR0");
    check((ulong) hc(HYPERVISOR_get_debugreg, 6, 0, 0, 0) == 0xffff0ff0ul && hc(HYPERVISOR_set_debugreg, 8, 0, 0, 0) == -ENODEV,
          "get_debugreg of DR6: Xen's reset value; DR8 is -ENODEV");
    check(ext(MMUEXT_SET_LDT, (ulong) ldt + 8, 1) == -EINVAL, "MMUEXT_SET_LDT of a misaligned address is -EINVAL");
    check(ext(MMUEXT_SET_LDT, (ulong) ldt, 1) == 0, "MMUEXT_SET_LDT of a read-only page of descriptors");
    probe_gp(WIDE ? 0x7 : 0x5);
    check(!trapped(13) && ((ldt[0] >> 45) & 3) == (WIDE ? 3 : 1), "its selector loads (TI = 1), the DPL raised to the kernel's ring");
    probe_gp(KDS);
    check(ext(MMUEXT_SET_LDT, 0, 0) == 0, "MMUEXT_SET_LDT with no entries: no LDT");
    probe_gp(WIDE ? 0x7 : 0x5);
    check(trapped(13) && trap_error == 4, "then the selector is #GP(4)");
    probe_gp(KDS);
    check(hc(30, 0, WILD, 0, 0) == -EFAULT, "callback_op with a wild pointer is -EFAULT");
}

/* CPUID: Xen runs PV guests with CPUID faulting, so a plain one gives the PV view, as the forced-emulation prefix does. */
static void cpuid_views(void) {
    unsigned a, b, c, d;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x40000000), "c"(0));
    check(b == 0x566e6558, "a plain CPUID 0x40000000 (CPUID faulting) shows Xen");
    __asm__ volatile("ud2; .ascii \"xen\"; cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x40000000), "c"(0));
    check(a == 0x40000005 && b == 0x566e6558 && c == 0x65584d4d && d == 0x4d4d566e,
          "the forced-emulation prefix (ud2; .ascii \"xen\"; cpuid) shows Xen's leaves: XenVMMXenVMM");
    __asm__ volatile("ud2; .ascii \"xen\"; cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
    check(!(d & (1u << 3)), "its leaf 1 hides PSE: no superpages for a PV guest");
}

/* The bootstrap page tables Xen's builder made: start_info's pt_base, nr_pt_frames and mfn_list, walked by hand. */
static void bootstrap(void) {
    ulong pt_base = start[SI_PT_BASE], nr_pt = start[SI_PT_BASE + 1];
    const ulong *mfn_list = (const ulong *) start[SI_PT_BASE + 2];
    ulong nr_pages = start[4 * (WIDE ? 1 : 2)];   /* nr_pages: byte 32 */
    check(pt_base != 0 && (pt_base & 0xfff) == 0 && nr_pt >= (WIDE ? 4 : 3) && nr_pt < 16,
          "start_info: pt_base page-aligned, nr_pt_frames for every level");
    check(mfn_list != 0 && mfn_list[0] == 0 && mfn_list[7] == 7 && mfn_list[nr_pages - 1] == nr_pages - 1,
          "start_info: mfn_list, the P2M (the identity for Polyvisor's PV guests)");
    ulong kend = ((ulong) image_end + 0xfff) & ~0xffful, p2m_bytes = (nr_pages * sizeof(ulong) + 0xfff) & ~0xffful;
    check((ulong) mfn_list == kend && (ulong) start == kend + p2m_bytes && pt_base == (ulong) start + 4 * 4096,
          "xc_dom_x86's order: the image, the P2M, start_info (and the other special pages), the page tables");
    /* The walk of _start: the root at pt_base (virtual = physical here: VIRT_BASE 0). */
    ulong va = (ulong) guest_main;
    const pte_t *t = (const pte_t *) pt_base;
    int ok = 1;
    pte_t e;
#ifdef __x86_64__
    e = t[(va >> 39) & 511];
    ok &= (e & P) != 0;
    t = (const pte_t *) (ulong) (e & 0xffffffffff000ull);
#endif
    e = t[(va >> 30) & (WIDE ? 511 : 3)];
    ok &= (e & P) != 0;
    t = (const pte_t *) (ulong) (e & 0xffffffffff000ull);
    e = t[(va >> 21) & 511];
    ok &= (e & P) != 0 && (e & 0x80) == 0;
    t = (const pte_t *) (ulong) (e & 0xffffffffff000ull);
    e = t[(va >> 12) & 511];
    check(ok && (e & P) && (e & 0xffffffffff000ull) == (va & ~0xffful), "the bootstrap tables map the kernel 1:1");
    ulong self = (ulong) t >> 12;
    check(self >= (pt_base >> 12) && self < (pt_base >> 12) + nr_pt && !(t[self & 511] & RW),
          "the L1 is one of the nr_pt_frames and is mapped read-only");
}

static uint64_t rdtsc(void) {
    unsigned lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return (uint64_t) hi << 32 | lo;
}

/* HLT is SCHEDOP_block (the "HLT as block"; Xen itself bounces it): with VIRQ_TIMER bound and set_timer_op
 * 100 us ahead (system time is the TSC), HLT enables event delivery and blocks until the timer's event is pending,
 * then returns: no #GP, and the TSC is past the deadline. */
static void hlt_blocks(void) {
    struct { uint32_t virq, vcpu, port; } bind = {0, 0, 0};  /* VIRQ_TIMER on vCPU 0 */
    check(hc(__HYPERVISOR_event_channel_op, 1, (ulong) &bind, 0, 0) == 0, "EVTCHNOP_bind_virq of VIRQ_TIMER");
    uint64_t deadline = rdtsc() + 100000;
    long rc = WIDE ? hc(15, (ulong) deadline, 0, 0, 0) : hc(15, (ulong) (uint32_t) deadline, (ulong) (deadline >> 32), 0, 0);
    check(rc == 0, "set_timer_op 100 us ahead");
    probe_hlt();
    uint64_t after = rdtsc();
    check(!trapped(13) && after >= deadline, "hlt: blocks as SCHEDOP_block until VIRQ_TIMER, then returns (no #GP)");
}

/* Xen's ring model: the entry state, emulated and bounced privileged instructions, and user mode and back. */
static void rings(void) {
    check(entry_cs == KCS && entry_ss == KDS,
          WIDE ? "entered at CPL 3 with FLAT_RING3_CS64 0xe033 and SS 0xe02b" : "entered at ring 1 with FLAT_RING1_CS 0xe019 and DS 0xe021");
    check((entry_flags & 0x3200) == 0x200, "entered with IF set and IOPL 0 (events are masked by vcpu_info)");
    check((cr0() & ~8ul) == 0x80050033ul, "mov from CR0 (emulated): Xen's CR0");
    ulong ts = cr0() | 8;
    __asm__ volatile("mov %0, %%cr0" : : "r"(ts));
    check(cr0() & 8, "mov to CR0 of TS only (emulated): the lazy-FPU switch");
    __asm__ volatile("clts");
    check(!(cr0() & 8), "clts (emulated) clears TS");
    check(cr4() == 0x620, "mov from CR4 (emulated): the PV view (PAE, OSFXSR, OSXMMEXCPT)");
    hlt_blocks();
#ifdef __x86_64__
    fs_data = MAGIC + 2;
    ulong base = (ulong) &fs_data;
    __asm__ volatile("wrmsr" : : "c"(0xc0000100u), "a"((unsigned) base), "d"((unsigned) (base >> 32)));
    unsigned lo, hi;
    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(0xc0000100u));
    check(read_fs0() == MAGIC + 2 && ((ulong) hi << 32 | lo) == base, "wrmsr/rdmsr of MSR_FS_BASE (emulated)");
    check(hc(4, 0, 0, (ulong) syscall_entry, 0) == 0, "set_callbacks: the syscall callback");
    check(probe_user() == 1, "HYPERVISOR_iret to user mode (NEW_USER_BASEPTR's table), syscall back to the kernel");
    check(user_cs == 0xe033, "user mode runs with FLAT_RING3_CS64");
    check(sys_rip == (ulong) user_return && sys_rcx == (ulong) user_return && sys_cs == 0xe033
          && sys_sp == (ulong) user_stack + sizeof user_stack,
          "the syscall callback's frame: rcx = rip = the return address, the user cs and rsp");
#else
    check(probe_user() == 1, "HYPERVISOR_iret to ring 3, int $0x80 back on kernel_ss:kernel_sp");
    check(user_cs == 0xe02b, "ring 3 runs with FLAT_RING3_CS 0xe02b");
    check(sys_rip == (ulong) user_return && sys_cs == 0xe02b && sys_sp == (ulong) user_stack + sizeof user_stack,
          "int $0x80's frame from ring 3: eip, cs, eflags, esp, ss");
#endif
}

void guest_main(void *start_info) {
    pv_init(&pv, start_info);
    start = start_info;
    con_str("pv-abi: " ISA " PV, the MMU and trap hypercalls\n");
    bootstrap();
    descriptors_and_traps();
    direct_paging();
    cpu_state();
    cpuid_views();
    rings();
    con_str(failures == 0 ? "Test result: SUCCESS\n" : "Test result: FAILURE\n");
    pv_poweroff();
}
