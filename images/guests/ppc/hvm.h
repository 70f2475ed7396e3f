/* The ppc HVM board (HVM.md) for the C images hvm-c-*.c: device addresses, SPR access, and the runtime of
 * crt-hvm.S (entry, secondary CPUs, exception handlers that record what they saw) and lib-hvm.c (UART, checks). */
#ifndef PPC_HVM_H
#define PPC_HVM_H

typedef unsigned int u32;
typedef unsigned long long u64;

#define UART        0xf0000000u
#define POWEROFF    0xf0001000u
#define SPIN_TABLE  0xf0002000u
#define OPENPIC     0xf0040000u
#define EPAPR_MAGIC 0x45504150u

#define MSR_EE 0x8000u
#define MSR_PR 0x4000u
#define MSR_ME 0x1000u
#define MSR_IR 0x20u
#define MSR_DR 0x10u

#define mfspr(n) ({ u32 v_; __asm__ volatile("mfspr %0, %1" : "=r"(v_) : "i"(n)); v_; })
#define mtspr(n, v) __asm__ volatile("mtspr %0, %1" : : "i"(n), "r"((u32) (v)) : "memory")
#define mtsr(n, v) __asm__ volatile("mtsr %0, %1; isync" : : "i"(n), "r"((u32) (v)) : "memory")

static inline u32 mfmsr(void) { u32 v; __asm__ volatile("mfmsr %0" : "=r"(v)); return v; }
static inline void mtmsr(u32 v) { __asm__ volatile("mtmsr %0; isync" : : "r"(v) : "memory"); }
static inline u32 rd32(u32 a) { return *(volatile u32 *) a; }
static inline void wr32(u32 a, u32 v) { *(volatile u32 *) a = v; }

/* crt-hvm.S: the entry state and what the handlers recorded. */
extern u32 hvm_dtb, hvm_magic;
extern volatile u32 hvm_dsi[3];        /* DAR, DSISR, count; the access is skipped */
extern volatile u32 hvm_isi[3];        /* SRR0, SRR1, count; returns to LR */
extern volatile u32 hvm_dec_count, hvm_dec_reload;
extern volatile u32 hvm_sc[2];         /* system calls from problem state, last SRR1 */
extern volatile u32 hvm_program[2];    /* program interrupts, last SRR1; the instruction is skipped */
void hvm_install_vectors(void);
/* Runs fn() in problem state (MSR[PR] = 1); returns when it makes system call 99. */
void hvm_user(void (*fn)(void));
/* Releases CPU cpu through its spin table into hvm_secondary_main(cpu) on a stack of its own. */
void hvm_release(u32 cpu);
void hvm_secondary_main(u32 cpu);

/* lib-hvm.c */
void hvm_putc(char c);
void hvm_puts(const char *s);
void hvm_puthex(u32 v);
void hvm_check(int ok, const char *what);
void hvm_finish(void) __attribute__((noreturn));

#endif
