#!/usr/bin/env bash
# Assembles the guest programs the ia64 tests run (needs binutils-ia64-linux-gnu): NAME.S -> NAME.hex (the
# .text bytes as hex, loaded at 0x1000) and NAME.lst (objdump's listing, for reading along).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for s in *.S; do
  n=${s%.S}
  ia64-linux-gnu-as -o "$tmp/$n.o" "$s"
  ia64-linux-gnu-ld -Ttext=0x1000 -e _start -o "$tmp/$n.elf" "$tmp/$n.o"
  ia64-linux-gnu-objcopy -O binary -j .text "$tmp/$n.elf" "$tmp/$n.bin"
  xxd -p "$tmp/$n.bin" | tr -d '\n' > "$n.hex"; echo >> "$n.hex"
  ia64-linux-gnu-objdump -d "$tmp/$n.elf" > "$n.lst"
done
