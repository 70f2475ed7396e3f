#!/usr/bin/env bash
# Assembles images/guests/arm64/hvm-hello.S into program.words for VirtBoardTest: one line per label
# ("label offset") and then the code as little-endian 32-bit words in hex, 8 a line. The test loads an unlinked
# object, so the image's sections are folded into .text and its adrp/add pair for the stack becomes one adr
# (an unlinked object has no adrp relocation applied). Needs aarch64-linux-gnu-as, objcopy and nm (binutils).
set -euo pipefail
cd "$(dirname "$0")"
src=../../../../../images/guests/arm64/hvm-hello.S
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
sed -e 's/^\( *\)\.section \.text\.start$/\1.text/' \
    -e 's/^\( *\)\(\.section \.rodata\|\.data\|\.bss\)$//' \
    -e 's/^\( *\)\.space 8192$/\1.space 8192, 0/' \
    -e 's/^\( *\)adrp\( *\)x1, stack_top$/\1adr\2x1, stack_top/' \
    -e '/^ *add *x1, x1, :lo12:stack_top$/d' "$src" > "$tmp/program.S"
aarch64-linux-gnu-as -I "$(dirname "$src")" "$tmp/program.S" -o "$tmp/p.o"
aarch64-linux-gnu-objcopy -O binary -j .text "$tmp/p.o" "$tmp/p.bin"
{
  aarch64-linux-gnu-nm "$tmp/p.o" | awk '$2 == "t" || $2 == "T" { printf "label %s 0x%s\n", $3, $1 }' | sort -k3
  od -An -v -tx4 -w32 "$tmp/p.bin" | sed 's/^ *//'
} > program.words
