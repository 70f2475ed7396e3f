/* hvm-c-interrupts: the decrementer interrupts on virtual time with MSR[EE] = 1; code in problem state makes a
 * system call that comes back with its result, and its privileged mfmsr takes the program interrupt. */
#include "hvm.h"

static volatile u32 user_result;

static void user(void) {
    register u32 r3 __asm__("r3") = 41;
    register u32 r0 __asm__("r0") = 1;
    __asm__ volatile("sc" : "+r"(r3) : "r"(r0) : "cr0", "memory");
    user_result = r3;
    __asm__ volatile("mfmsr 5" : : : "r5");
    r0 = 99;
    __asm__ volatile("sc" : : "r"(r0) : "memory");
    for (;;) { }
}

int main(void) {
    hvm_install_vectors();
    hvm_puts("ppc hvm C interrupts: decrementer, system call, privilege\n");
    hvm_dec_reload = 1000;
    mtspr(22, 1000);
    mtmsr(MSR_EE | MSR_ME);
    for (u32 n = 0; n < 2000000 && hvm_dec_count < 3; n++) { }
    mtmsr(MSR_ME);
    hvm_check(hvm_dec_count >= 3, "three decrementer interrupts with EE = 1");
    hvm_user(user);
    hvm_check((mfmsr() & MSR_PR) == 0, "system call 99 returned to supervisor state");
    hvm_check(user_result == 42, "a system call from problem state returned 41 + 1");
    hvm_check(hvm_sc[0] == 2 && (hvm_sc[1] & MSR_PR), "both system calls came from problem state (SRR1[PR])");
    hvm_check(hvm_program[0] == 1 && (hvm_program[1] & 0x00040000), "mfmsr in problem state: 0x700 with SRR1 bit 13");
    return 0;
}
