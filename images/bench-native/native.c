/* The benchmark workload (workload.c) as a static Linux user-mode program, for timing it under qemu user mode
 * (scripts/bench-qemu.sh): no libc, a tiny _start per ISA and the write/exit_group system calls.
 * Arguments are the workload's: e.g. "native words=1048576 rounds=1". Built with the guest images' C flags. */
static void bench_console_write(const char *text, unsigned length);
#include "workload.c"

#if defined(__aarch64__)
__asm__(".text\n.globl _start\n_start:\n"
        "    mov x0, sp\n"
        "    bl native_main\n"
        "1:  b 1b\n");
static long native_syscall(long nr, long a, long b, long c) {
    register long x8 __asm__("x8") = nr;
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
    return x0;
}
#define NR_WRITE 64
#define NR_EXIT_GROUP 94
#elif defined(__powerpc__)
__asm__(".text\n.globl _start\n_start:\n"
        "    mr    3, 1\n"
        "    clrrwi 1, 1, 4\n"
        "    li    0, 0\n"
        "    stwu  0, -16(1)\n"
        "    bl    native_main\n"
        "1:  b     1b\n");
static long native_syscall(long nr, long a, long b, long c) {
    register long r0 __asm__("r0") = nr;
    register long r3 __asm__("r3") = a;
    register long r4 __asm__("r4") = b;
    register long r5 __asm__("r5") = c;
    __asm__ volatile("sc" : "+r"(r0), "+r"(r3), "+r"(r4), "+r"(r5)
                     : : "memory", "cr0", "r6", "r7", "r8", "r9", "r10", "r11", "r12");
    return r3;
}
#define NR_WRITE 4
#define NR_EXIT_GROUP 234
#elif defined(__x86_64__)
__asm__(".text\n.globl _start\n_start:\n"
        "    mov  %rsp, %rdi\n"
        "    and  $-16, %rsp\n"
        "    call native_main\n"
        "1:  jmp 1b\n");
static long native_syscall(long nr, long a, long b, long c) {
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(nr), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
    return r;
}
#define NR_WRITE 1
#define NR_EXIT_GROUP 231
#elif defined(__i386__)
__asm__(".text\n.globl _start\n_start:\n"
        "    mov  %esp, %eax\n"
        "    and  $-16, %esp\n"
        "    sub  $12, %esp\n"
        "    push %eax\n"
        "    call native_main\n"
        "1:  jmp 1b\n");
static long native_syscall(long nr, long a, long b, long c) {
    long r;
    __asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
    return r;
}
#define NR_WRITE 4
#define NR_EXIT_GROUP 252
#else
#error "native.c: no _start for this ISA"
#endif

static void bench_console_write(const char *text, unsigned length) { native_syscall(NR_WRITE, 1, (long) text, length); }

static char native_args[1024];

/* sp: the initial stack (argc, argv[0..argc), NULL, envp...). The arguments after argv[0], space-separated. */
__attribute__((used)) void native_main(long *sp) {
    long argc = sp[0];
    char **argv = (char **) (sp + 1);
    char *p = native_args, *end = native_args + sizeof native_args - 1;
    for (long i = 1; i < argc; i++) {
        for (const char *a = argv[i]; *a && p < end - 1; a++) *p++ = *a;
        if (p < end) *p++ = ' ';
    }
    *p = 0;
    bench_main(native_args);
    native_syscall(NR_EXIT_GROUP, 0, 0, 0);
    for (;;) { }
}
