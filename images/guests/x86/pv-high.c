/* pv-high for 32-bit PAE x86 PV: the x86_64 image's source, built for i686 (see x86_64/pv-high.c). */
#include "../x86_64/pv-high.c"
