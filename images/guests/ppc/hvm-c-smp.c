/* hvm-c-smp: four vCPUs, released through their ePAPR spin tables, contend for one lwarx/stwcx. spin lock that
 * guards a plain counter; each also counts itself in with an atomic add and checks the OpenPIC's WHOAMI. */
#include "hvm.h"

#define CPUS 4
#define ROUNDS 3000

static volatile u32 lock, counter, done, seen;

static inline void spin_lock(volatile u32 *l) {
    u32 t;
    __asm__ volatile("1: lwarx %0, 0, %1\n"
                     "   cmpwi %0, 0\n"
                     "   bne- 1b\n"
                     "   stwcx. %2, 0, %1\n"
                     "   bne- 1b\n"
                     "   isync"
                     : "=&r"(t) : "b"(l), "r"(1) : "cr0", "memory");
}

static inline void spin_unlock(volatile u32 *l) {
    __asm__ volatile("sync" : : : "memory");
    *l = 0;
}

static inline void atomic_or(volatile u32 *p, u32 v) {
    u32 t;
    __asm__ volatile("1: lwarx %0, 0, %1\n"
                     "   or %0, %0, %2\n"
                     "   stwcx. %0, 0, %1\n"
                     "   bne- 1b"
                     : "=&r"(t) : "b"(p), "r"(v) : "cr0", "memory");
}

static inline void atomic_add(volatile u32 *p, u32 v) {
    u32 t;
    __asm__ volatile("1: lwarx %0, 0, %1\n"
                     "   add %0, %0, %2\n"
                     "   stwcx. %0, 0, %1\n"
                     "   bne- 1b"
                     : "=&r"(t) : "b"(p), "r"(v) : "cr0", "memory");
}

static void work(u32 cpu) {
    if (rd32(OPENPIC + 0x20090 + 0x1000 * cpu) == cpu) atomic_or(&seen, 1u << cpu);
    for (int i = 0; i < ROUNDS; i++) {
        spin_lock(&lock);
        counter = counter + 1;
        spin_unlock(&lock);
    }
    atomic_add(&done, 1);
}

void hvm_secondary_main(u32 cpu) { work(cpu); }

int main(void) {
    hvm_install_vectors();
    hvm_puts("ppc hvm C smp: 4 CPUs, one lwarx/stwcx. lock\n");
    for (u32 cpu = 1; cpu < CPUS; cpu++) hvm_release(cpu);
    work(0);
    while (done < CPUS) { }
    __asm__ volatile("isync" : : : "memory");
    hvm_check(counter == CPUS * ROUNDS, "no increment lost under the lock (4 x 3000)");
    hvm_check(seen == (1u << CPUS) - 1, "each CPU is its own WHOAMI");
    return 0;
}
