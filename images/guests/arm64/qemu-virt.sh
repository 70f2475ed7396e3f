#!/usr/bin/env bash
# Runs the arm64 HVM images (hvm-*.elf) under qemu-system-aarch64 -M virt and compares each console with the
# image's golden, to show that Polyvisor's virt board and QEMU's agree. Not part of CI (qemu-system-arm is not a
# build dependency): install Debian's qemu-system-arm to use it. Usage: images/guests/arm64/qemu-virt.sh [name...]
# Known difference: QEMU hands a bare ELF the device tree at the start of RAM without setting x0 (it does so for a
# Linux Image only), so hvm-hello's "device tree magic at x0" check prints FAIL under QEMU; the script expects
# exactly that difference (and the summary line it changes) and reports any other.
# QEMU's virt machine: -cpu max (LSE atomics), the GIC version from the cfg's gic_version, GICv3 above 8 vCPUs
# (GICv2 has 8 CPU interfaces). Checked with QEMU 7.2 (Debian 12): every image agrees.
set -uo pipefail
cd "$(dirname "$0")"
command -v qemu-system-aarch64 >/dev/null || { echo "qemu-virt: qemu-system-aarch64 not found (apt-get install qemu-system-arm)" >&2; exit 2; }
names=("$@")
[ ${#names[@]} -gt 0 ] || names=($(ls hvm-*.cfg | sed 's/\.cfg$//'))
status=0
for name in "${names[@]}"; do
  vcpus=$(sed -n 's/^vcpus *= *\([0-9]*\).*/\1/p' "$name.cfg")
  memory=$(sed -n 's/^memory *= *\([0-9]*\).*/\1/p' "$name.cfg")
  gic=$(sed -n 's/^gic_version *= *"v\([23]\)".*/\1/p' "$name.cfg")
  [ "${vcpus:-1}" -le 8 ] || gic=${gic:-3}
  expected=$(cat "$name.golden")
  if [ "$name" = hvm-hello ]; then
    expected=$(sed -e 's/^PASS device tree magic at x0$/FAIL device tree magic at x0/' \
                   -e 's/^hvm-hello: all checks passed$/hvm-hello: some checks FAILED/' "$name.golden")
  fi
  out=$(timeout 60 qemu-system-aarch64 -M virt,gic-version="${gic:-2}" -cpu max -smp "${vcpus:-1}" -m "${memory:-16}M" \
        -nographic -monitor none -serial stdio -kernel "$name.elf" 2>&1 | tr -d '\r')
  if [ "$out" == "$expected" ]; then echo "qemu-virt: $name agrees"
  else echo "qemu-virt: $name differs (< QEMU, > expected):"; diff <(echo "$out") <(echo "$expected"); status=1; fi
done
exit $status
