/* hvm-xen for x86_64: the x86 image's checks (see x86/hvm-xen.c) from long mode (hvm64), entered by Multiboot in
 * 32-bit mode. */
#include "../x86/hvm-xen.c"
