/* pv-abi for 32-bit PAE x86 PV (pv32pae): the x86_64 image's source, built for i686 (see x86_64/pv-abi.c). */
#include "../x86_64/pv-abi.c"
