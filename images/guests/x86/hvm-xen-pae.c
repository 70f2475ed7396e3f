/* hvm-xen-pae: the x86 image's checks (see hvm-xen.c) with PAE paging on (hvm32pae): the first GiB 1:1 in 2 MiB pages. */
#define HVM_XEN_PAE 1
#include "hvm-xen.c"
