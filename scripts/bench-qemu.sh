#!/usr/bin/env bash
# Times the benchmark workload (images/bench-native/workload.c, the code inside every bench-sort guest image) as
# a static Linux user-mode program under qemu user mode, and natively on an x86_64 host; prints seconds and the
# checksum, which must equal what the guests print (benchmarks/README.md). The programs are built from
# images/bench-native/native.c with the guest images' C flags into images/bench-native/native-<isa> (committed,
# so timing them needs only QEMU); --build rebuilds them first (needs the gcc-12 cross compilers).
#   scripts/bench-qemu.sh                      every ISA at the benchmark's size (words=262144 rounds=1)
#   scripts/bench-qemu.sh --isa ppc words=1000 rounds=2
#   scripts/bench-qemu.sh --expected           the lines of benchmarks/src/test/resources/.../bench-expected.txt
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$here/images/bench-native"
# Must stay equal to CFLAGS_COMMON of images/build-images.sh (plus each ISA's bench-sort.cflags below).
CFLAGS_COMMON=(-ffreestanding -nostdlib -fno-pic -fno-pie -O2 -fno-asynchronous-unwind-tables -fno-stack-protector
  -fno-builtin -fno-ident)

triple_of() { case "$1" in x86) echo i686-linux-gnu ;; x86_64) echo x86_64-linux-gnu ;; arm64) echo aarch64-linux-gnu ;;
  ppc) echo powerpc-linux-gnu ;; *) echo "bench-qemu: no Linux user-mode build for ISA '$1'" >&2; return 1 ;; esac; }
qemu_of() { case "$1" in x86) echo qemu-i386 ;; x86_64) echo qemu-x86_64 ;; arm64) echo qemu-aarch64 ;; ppc) echo qemu-ppc ;; esac; }

build=false expected=false isas=() args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=true; shift ;;
    --expected) expected=true; shift ;;
    --isa) isas+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$1"); shift ;;
  esac
done
[ ${#isas[@]} -gt 0 ] || isas=(x86 x86_64 arm64 ppc)
[ ${#args[@]} -gt 0 ] || args=(words=262144 rounds=1)

build_one() {
  local isa=$1 t flags extra
  t=$(triple_of "$isa")
  flags=("${CFLAGS_COMMON[@]}")
  extra=(); [ -f "$here/images/guests/$isa/bench-sort.cflags" ] && read -r -a extra < "$here/images/guests/$isa/bench-sort.cflags"
  flags+=("${extra[@]}")
  "$t-gcc-12" "${flags[@]}" -static -no-pie -Wl,--build-id=none -o "$dir/native-$isa" "$dir/native.c" -lgcc
}

if $build; then for isa in "${isas[@]}"; do build_one "$isa"; echo "built images/bench-native/native-$isa" >&2; done; fi

if $expected; then
  # The reference: every build must agree; the lines use the test's sizes.
  for size in "words=1000 rounds=2"; do
    sums=()
    for isa in "${isas[@]}"; do
      sums+=("$($(qemu_of "$isa") "$dir/native-$isa" $size | sed -n 's/^checksum //p')")
    done
    for s in "${sums[@]}"; do [ "$s" = "${sums[0]}" ] || { echo "bench-qemu: the builds disagree on $size: ${sums[*]}" >&2; exit 1; }; done
    echo "$size ${sums[0]}"
  done
  exit 0
fi

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) on $(nproc) CPUs; arguments: ${args[*]}"
printf '%-8s %-14s %10s %10s  %s\n' ISA runner "wall s" "user s" checksum
run() { # isa runner command...: wall and user seconds (bash's time), and the checksum printed
  local isa=$1 runner=$2 tf wall user
  shift 2
  tf=$(mktemp)
  { TIMEFORMAT='%R %U'; time "$@" "${args[@]}" > "$tf.out"; } 2> "$tf"
  read -r wall user < <(tail -n 1 "$tf")
  printf '%-8s %-14s %10s %10s  %s\n' "$isa" "$runner" "$wall" "$user" "$(sed -n 's/^checksum //p' "$tf.out")"
  rm -f "$tf" "$tf.out"
}
for isa in "${isas[@]}"; do
  [ -x "$dir/native-$isa" ] || build_one "$isa"
  run "$isa" "$(qemu_of "$isa")" "$(qemu_of "$isa")" "$dir/native-$isa"
  if [ "$isa" = x86_64 ] && [ "$(uname -m)" = x86_64 ]; then run "$isa" native "$dir/native-$isa"; fi
done
