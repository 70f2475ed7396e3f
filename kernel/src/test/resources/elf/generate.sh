#!/bin/sh
# Rebuilds xen-notes.elf from xen-notes.S with Debian's x86_64 cross binutils (the test needs only the .elf).
set -e
cd "$(dirname "$0")"
x86_64-linux-gnu-gcc-12 -c -o /tmp/xen-notes.o xen-notes.S
x86_64-linux-gnu-ld -nostdlib --build-id=none -Ttext=0x100000 -o xen-notes.elf /tmp/xen-notes.o
