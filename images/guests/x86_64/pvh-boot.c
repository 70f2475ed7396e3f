/* pvh-boot for x86_64: the x86 image's source (see x86/pvh-boot.c), entered in 32-bit mode, then in long mode. */
#include "../x86/pvh-boot.c"
