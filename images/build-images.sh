#!/usr/bin/env bash
# Builds every guest image from its source with the GNU cross binutils from Debian's packages:
#   images/guests/<isa>/<name>.S  --as-->  .o  --ld -T link.ld-->  images/guests/<isa>/<name>.elf
# Output is deterministic (no build ids, no timestamps), so CI can rebuild and compare with what is committed.
# Usage: images/build-images.sh [--install] [isa...]     (--install: apt-get the binutils that are missing)
set -euo pipefail
cd "$(dirname "$0")/guests"

triple_of() {
  case "$1" in
    x86) echo i686-linux-gnu ;;
    x86_64) echo x86_64-linux-gnu ;;
    arm64) echo aarch64-linux-gnu ;;
    ia64) echo ia64-linux-gnu ;;
    ppc) echo powerpc-linux-gnu ;;
    *) echo "build-images: no toolchain known for ISA '$1'" >&2; return 1 ;;
  esac
}

install=false
if [ "${1:-}" = "--install" ]; then install=true; shift; fi
isas=("$@")
[ ${#isas[@]} -gt 0 ] || isas=(x86 x86_64 arm64 ia64 ppc)

missing=()
for isa in "${isas[@]}"; do
  t=$(triple_of "$isa")
  command -v "$t-as" >/dev/null && command -v "$t-ld" >/dev/null || missing+=("binutils-$t")
done
if [ ${#missing[@]} -gt 0 ]; then
  if $install; then
    echo "build-images: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd=sudo
    $sudo_cmd apt-get update -qq >/dev/null && $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "build-images: missing cross binutils; install them with: apt-get install ${missing[*]} (or pass --install)" >&2
    exit 1
  fi
fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for isa in "${isas[@]}"; do
  t=$(triple_of "$isa")
  [ -f "$isa/link.ld" ] || { echo "build-images: $isa/link.ld is missing" >&2; exit 1; }
  asflags=(); [ -f "$isa/asflags" ] && read -r -a asflags < "$isa/asflags"
  for src in "$isa"/*.S; do
    [ -e "$src" ] || continue
    name=$(basename "$src" .S)
    # .S goes through the C preprocessor only if the source asks for it; plain GNU as syntax is the norm here.
    "$t-as" "${asflags[@]}" -I "$isa" -o "$tmp/$isa-$name.o" "$src"
    "$t-ld" -nostdlib --build-id=none -T "$isa/link.ld" -o "$isa/$name.elf" "$tmp/$isa-$name.o"
    echo "built $isa/$name.elf"
  done
done
