/* The polyvisor-echo backend (images/guests/common/split-back.c) on this ISA. */
#include "split-arch.h"
#include "split.h"

void guest_main(void *start_info) { split_back(start_info); }
