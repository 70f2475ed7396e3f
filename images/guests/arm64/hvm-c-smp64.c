/* hvm-c-smp64: hvm-c-smp's checks with 64 vCPUs (the most PSCI CPU_ON brings up here) on a GICv3 board (a GICv2
 * serves 8; this image takes no interrupts), so the vCPUs sit in four Aff1 clusters of 16; fewer rounds each. */
#define CPUS 64
#define ROUNDS 100
#define COUNTS "64 x 100"
#define NAME "hvm-c-smp64"
#include "hvm-c-smp.c"
