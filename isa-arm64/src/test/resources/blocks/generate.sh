#!/usr/bin/env bash
# Assembles program.S (BlockExecutionTest's guest) into program.words: one line per label ("label offset") and
# then the code as little-endian 32-bit words in hex, 8 a line. Needs aarch64-linux-gnu-as, objcopy and nm (binutils).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
aarch64-linux-gnu-as program.S -o "$tmp/p.o"
aarch64-linux-gnu-objcopy -O binary -j .text "$tmp/p.o" "$tmp/p.bin"
{
  aarch64-linux-gnu-nm "$tmp/p.o" | awk '$2 == "t" || $2 == "T" { printf "label %s 0x%s\n", $3, $1 }' | sort -k3
  od -An -v -tx4 -w32 "$tmp/p.bin" | sed 's/^ *//'
} > program.words
