#!/usr/bin/env bash
# Boots the HVM images (images/guests/<isa>/hvm-*.elf, or hvm-*.Image where an image is a raw arm64 Image) under
# QEMU's full-system emulators on the machines Polyvisor's boards follow, and compares each serial console with what Polyvisor prints: arm64 on qemu-system-aarch64 -M virt,
# x86 and x86_64 on qemu-system-i386/-x86_64 -M pc with Multiboot (-kernel) and isa-debug-exit at 0xf4. ppc's and
# ia64's boards are Polyvisor's own (QEMU has no such machine), so they are not compared.
# The expected console is <image>.golden, or <image>.qemu where QEMU is known to print something else: each such
# file is a reviewed difference, explained in images/README.md ("Checked against QEMU"). Any other difference fails.
# Not part of CI (QEMU's system emulators are not build dependencies): apt-get install qemu-system-arm qemu-system-x86.
# Usage: images/qemu-system-compare.sh [arm64|x86|x86_64 ...] [--only <image>]   (default: all three ISAs)
#        images/qemu-system-compare.sh <isa> --only <image> --record   writes QEMU's console to <image>.qemu (review it!)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
isas=() only="" record=false
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="$2"; shift 2 ;;
    --record) record=true; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) isas+=("$1"); shift ;;
  esac
done
[ ${#isas[@]} -gt 0 ] || isas=(arm64 x86 x86_64)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0

# cfg_value <cfg> <key>: a plain xl.cfg number or the text inside quotes.
cfg_value() { sed -n "s/^$2 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\} *\$/\1/p" "$1" | head -1; }

run_qemu() {  # <isa> <image dir> <name>: prints the guest's console
  local isa=$1 dir=$2 name=$3 vcpus memory gic
  vcpus=$(cfg_value "$dir/$name.cfg" vcpus); memory=$(cfg_value "$dir/$name.cfg" memory)
  case "$isa" in
    arm64)
      gic=$(cfg_value "$dir/$name.cfg" gic_version); gic=${gic#v}
      local kernel="$dir/$name.elf"          # QEMU boots a raw Image by its header (booting.rst), x0 = the device tree
      [ -f "$dir/$name.Image" ] && kernel="$dir/$name.Image"
      [ "${vcpus:-1}" -le 8 ] || gic=${gic:-3}        # a GICv2 has 8 CPU interfaces
      timeout 60 qemu-system-aarch64 -M virt,gic-version="${gic:-2}" -cpu max -smp "${vcpus:-1}" -m "${memory:-16}M" \
        -nographic -monitor none -serial stdio -kernel "$kernel" 2>&1 | tr -d '\r' ;;
    x86|x86_64)
      local elf="$dir/$name.elf" qemu=qemu-system-i386
      if [ "$isa" = x86_64 ]; then  # QEMU's Multiboot loader takes 32-bit ELF files only: the same bytes, re-wrapped
        qemu=qemu-system-x86_64; elf="$tmp/$name.elf32"
        x86_64-linux-gnu-objcopy -O elf32-i386 "$dir/$name.elf" "$elf" || return 1
      fi
      # SeaBIOS prints its banner first; the guest's output starts after "Booting from ROM..".
      timeout 60 "$qemu" -M pc -cpu max -smp "${vcpus:-1}" -m "${memory:-16}M" -nic none -no-reboot -nographic \
        -monitor none -serial stdio -device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel "$elf" 2>&1 | tr -d '\r' \
        | sed -n '/Booting from ROM\.\./,$p' | sed '1s/.*Booting from ROM\.\.//' ;;
  esac
}

for isa in "${isas[@]}"; do
  case "$isa" in
    arm64) need=qemu-system-aarch64 ;;
    x86) need=qemu-system-i386 ;;
    x86_64) need=qemu-system-x86_64 ;;
    *) echo "qemu-system-compare: no QEMU machine to compare $isa with (arm64, x86, x86_64)" >&2; status=2; continue ;;
  esac
  command -v "$need" >/dev/null || { echo "qemu-system-compare: $need not found" >&2; status=2; continue; }
  dir="$here/guests/$isa"
  for cfg in "$dir"/hvm-*.cfg; do
    name=$(basename "$cfg" .cfg)
    [ -z "$only" ] || [ "$only" = "$name" ] || continue
    expected="$dir/$name.golden"; [ -f "$dir/$name.qemu" ] && expected="$dir/$name.qemu"
    run_qemu "$isa" "$dir" "$name" > "$tmp/out"
    if $record && [ -n "$only" ]; then cp "$tmp/out" "$dir/$name.qemu"; echo "qemu-system-compare: wrote $isa/$name.qemu"; continue; fi
    if diff -q "$tmp/out" "$expected" >/dev/null; then
      echo "qemu-system-compare: $isa/$name agrees$([ "$expected" = "$dir/$name.qemu" ] && echo " (with its known differences, $name.qemu)")"
    else
      echo "qemu-system-compare: $isa/$name differs (< QEMU, > expected $(basename "$expected")):"
      diff "$tmp/out" "$expected" | head -40
      status=1
    fi
  done
done
exit $status
