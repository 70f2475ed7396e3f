/* The polyvisor-echo frontend (images/guests/common/split-front.c) on this ISA. */
#include "split-arch.h"
#include "split.h"

void guest_main(void *start_info) { split_front(start_info); }
