#!/usr/bin/env bash
# Builds every guest image from its source with the GNU cross toolchains from Debian's packages:
#   assembly: images/guests/<isa>/<name>.S  --as-->  .o  --ld -T <name>.ld or link.ld-->  images/guests/<isa>/<name>.elf
#   C:        images/guests/<isa>/<name>.c  --gcc-12 -c-->  .o, then linked (ld -T <name>.ld or link.ld) with an
#             archive of the ISA's runtime (<isa>/crt-*.S, <isa>/lib-*.c, common/*.c, all compiled for this image)
#             and libgcc; an archive member is linked only when the image uses a symbol it defines.
# An image with a <name>.raw marker file is a raw binary (an arm64 Image, say): its ELF stays in the scratch folder and
# objcopy -O binary writes images/guests/<isa>/<name>.Image from it instead.
# crt-*.S and lib-*.c are runtime files, not images. ia64 has no C compiler: its images stay assembly.
# Output is deterministic (no build ids, no timestamps, sorted inputs), so CI can rebuild and compare with what is
# committed. See images/README.md ("Building") for the rules.
# Usage: images/build-images.sh [--install] [isa...]     (--install: apt-get the binutils/gcc-12 that are missing)
set -euo pipefail
export LC_ALL=C                # sorted globs and stable tool output
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

# The flags every C file is compiled with (images/README.md); <isa>/cflags and <isa>/<name>.cflags add to them.
CFLAGS_COMMON=(-ffreestanding -nostdlib -fno-pic -fno-pie -O2 -fno-asynchronous-unwind-tables -fno-stack-protector
  -fno-builtin -fno-ident)

# Debian's gcc-12 cross package of a triple (x86_64's name has a dash where the triple has an underscore).
gcc_package() { echo "gcc-12-${1//_/-}"; }

# The C images of an ISA folder: every <name>.c except the runtime's lib-*.c.
c_images() {
  local f
  for f in "$1"/*.c; do
    [ -e "$f" ] || continue
    case "$(basename "$f")" in lib-*) ;; *) echo "$f" ;; esac
  done
}

install=false
if [ "${1:-}" = "--install" ]; then install=true; shift; fi
isas=("$@")
[ ${#isas[@]} -gt 0 ] || isas=(x86 x86_64 arm64 ia64 ppc)

missing=()
for isa in "${isas[@]}"; do
  t=$(triple_of "$isa")
  command -v "$t-as" >/dev/null && command -v "$t-ld" >/dev/null || missing+=("binutils-$t")
  if [ -n "$(c_images "$isa")" ]; then
    [ "$isa" != ia64 ] || { echo "build-images: ia64 has no C compiler; write $isa images in assembly" >&2; exit 1; }
    command -v "$t-gcc-12" >/dev/null || missing+=("$(gcc_package "$t")")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  if $install; then
    echo "build-images: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd=sudo
    $sudo_cmd apt-get update -qq >/dev/null && $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "build-images: missing cross tools; install them with: apt-get install ${missing[*]} (or pass --install)" >&2
    exit 1
  fi
fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# elf_of <isa> <name>: where the linker writes the image's ELF (the scratch folder for a raw image, see above).
elf_of() { if [ -f "$1/$2.raw" ]; then echo "$tmp/$1-$2.elf"; else echo "$1/$2.elf"; fi; }
# finish <triple> <isa> <name>: makes a raw image's binary from its ELF and says what was built.
finish() {
  if [ -f "$2/$3.raw" ]; then "$1-objcopy" -O binary "$(elf_of "$2" "$3")" "$2/$3.Image"; echo "built $2/$3.Image"
  else echo "built $2/$3.elf"; fi
}
for isa in "${isas[@]}"; do
  t=$(triple_of "$isa")
  [ -f "$isa/link.ld" ] || { echo "build-images: $isa/link.ld is missing" >&2; exit 1; }
  asflags=(); [ -f "$isa/asflags" ] && read -r -a asflags < "$isa/asflags"
  for src in "$isa"/*.S; do
    [ -e "$src" ] || continue
    name=$(basename "$src" .S)
    case "$name" in crt-*) continue ;; esac      # runtime of the C images
    # .S goes through the C preprocessor only if the source asks for it; plain GNU as syntax is the norm here.
    "$t-as" "${asflags[@]}" -I "$isa" -o "$tmp/$isa-$name.o" "$src"
    script="$isa/link.ld"; [ -f "$isa/$name.ld" ] && script="$isa/$name.ld"
    "$t-ld" -nostdlib --build-id=none -T "$script" -o "$(elf_of "$isa" "$name")" "$tmp/$isa-$name.o"
    finish "$t" "$isa" "$name"
  done
done

# C images: each one compiles its runtime with its own flags, so <name>.cflags reach the runtime too.
for isa in "${isas[@]}"; do
  t=$(triple_of "$isa")
  for src in $(c_images "$isa"); do
    name=$(basename "$src" .c)
    flags=("${CFLAGS_COMMON[@]}")
    extra=(); [ -f "$isa/cflags" ] && read -r -a extra < "$isa/cflags"; flags+=("${extra[@]}")
    extra=(); [ -f "$isa/$name.cflags" ] && read -r -a extra < "$isa/$name.cflags"; flags+=("${extra[@]}")
    asflags=(); [ -f "$isa/asflags" ] && read -r -a asflags < "$isa/asflags"
    script="$isa/link.ld"; [ -f "$isa/$name.ld" ] && script="$isa/$name.ld"
    out="$tmp/$isa-$name"; mkdir -p "$out/rt"
    "$t-gcc-12" "${flags[@]}" -I "$isa" -I common -c -o "$out/image.o" "$src"
    members=()
    for rt in "$isa"/crt-*.S; do
      [ -e "$rt" ] || continue
      o="$out/rt/$(basename "$rt" .S).o"; "$t-as" "${asflags[@]}" -I "$isa" -o "$o" "$rt"; members+=("$o")
    done
    for rt in "$isa"/lib-*.c common/*.c; do
      [ -e "$rt" ] || continue
      o="$out/rt/$(basename "$(dirname "$rt")")-$(basename "$rt" .c).o"
      "$t-gcc-12" "${flags[@]}" -I "$isa" -I common -c -o "$o" "$rt"; members+=("$o")
    done
    runtime=()
    if [ ${#members[@]} -gt 0 ]; then "$t-ar" rcsD "$out/runtime.a" "${members[@]}"; runtime=("$out/runtime.a"); fi
    "$t-ld" -nostdlib --build-id=none -T "$script" -o "$(elf_of "$isa" "$name")" "$out/image.o" "${runtime[@]}" \
      "$("$t-gcc-12" -print-libgcc-file-name)"
    finish "$t" "$isa" "$name"
  done
done
