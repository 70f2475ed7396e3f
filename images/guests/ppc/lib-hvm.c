/* Console and verdict helpers of the ppc HVM C images: the 16550 UART at 0xF0000000 and the power-off register. */
#include "hvm.h"

static u32 failures;

void hvm_putc(char c) {
    volatile unsigned char *uart = (volatile unsigned char *) UART;
    while (!(uart[5] & 0x20)) { }
    uart[0] = (unsigned char) c;
}

void hvm_puts(const char *s) {
    while (*s) hvm_putc(*s++);
}

void hvm_puthex(u32 v) {
    hvm_puts("0x");
    for (int i = 28; i >= 0; i -= 4) hvm_putc("0123456789abcdef"[(v >> i) & 15]);
}

void hvm_check(int ok, const char *what) {
    hvm_puts(ok ? "PASS " : "FAIL ");
    hvm_puts(what);
    hvm_putc('\n');
    if (!ok) failures++;
}

void hvm_finish(void) {
    if (failures == 0) {
        hvm_puts("all checks passed\n");
        wr32(POWEROFF, 0x5555);
    } else {
        hvm_puts("some checks FAILED\n");
        wr32(POWEROFF, failures << 16 | 0x3333);
    }
    for (;;) { }
}
