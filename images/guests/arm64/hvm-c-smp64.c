/* hvm-c-smp64: hvm-c-smp's checks with 64 vCPUs (the most PSCI CPU_ON brings up here; the GICv2 serves the first
 * 8, and this image takes no interrupts), fewer rounds each. */
#define CPUS 64
#define ROUNDS 100
#define COUNTS "64 x 100"
#define NAME "hvm-c-smp64"
#include "hvm-c-smp.c"
