#!/usr/bin/env bash
# Runs the arm64 HVM images (hvm-*.elf) under qemu-system-aarch64 -M virt and compares each console with the
# image's golden, to show that Polyvisor's virt board and QEMU's agree. Not part of CI (qemu-system-arm is not a
# build dependency): install Debian's qemu-system-arm to use it. Usage: images/guests/arm64/qemu-virt.sh [name...]
# Known difference: QEMU hands a bare ELF the device tree at the start of RAM without setting x0 (it does so for a
# Linux Image only), so hvm-hello's "device tree magic at x0" check is expected to print FAIL under QEMU.
set -uo pipefail
cd "$(dirname "$0")"
command -v qemu-system-aarch64 >/dev/null || { echo "qemu-virt: qemu-system-aarch64 not found (apt-get install qemu-system-arm)" >&2; exit 2; }
names=("$@")
[ ${#names[@]} -gt 0 ] || names=($(ls hvm-*.cfg | sed 's/\.cfg$//'))
status=0
for name in "${names[@]}"; do
  vcpus=$(sed -n 's/^vcpus *= *\([0-9]*\).*/\1/p' "$name.cfg")
  memory=$(sed -n 's/^memory *= *\([0-9]*\).*/\1/p' "$name.cfg")
  out=$(timeout 60 qemu-system-aarch64 -M virt,gic-version=2 -cpu cortex-a57 -smp "${vcpus:-1}" -m "${memory:-16}M" \
        -nographic -monitor none -serial stdio -kernel "$name.elf" 2>&1 | tr -d '\r')
  if [ "$out" == "$(cat "$name.golden")" ]; then echo "qemu-virt: $name agrees"
  else echo "qemu-virt: $name differs:"; diff <(echo "$out") "$name.golden"; status=1; fi
done
exit $status
