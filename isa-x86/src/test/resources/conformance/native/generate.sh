#!/usr/bin/env bash
# Regenerates flags.vectors, muldiv.vectors, bits.vectors, insns.vectors, mmx.vectors, strings.vectors, bcd.vectors, x87.vectors and sse.vectors from the host CPU: builds flags.c and muldiv.c with gcc (x86_64 host; no red zone, because the
# probes push and pop EFLAGS) and runs it. The vectors hold for IA-32 (sizes 1, 2, 4) and x86_64 (all sizes).
set -euo pipefail
cd "$(dirname "$0")"
[ "$(uname -m)" = x86_64 ] || { echo "generate.sh: needs an x86_64 host" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
${CC:-gcc} -O1 -mno-red-zone -o "$tmp/flags" flags.c
"$tmp/flags" > flags.vectors
echo "flags.vectors: $(wc -l < flags.vectors) vectors"
${CC:-gcc} -O1 -mno-red-zone -o "$tmp/muldiv" muldiv.c
"$tmp/muldiv" > muldiv.vectors
echo "muldiv.vectors: $(wc -l < muldiv.vectors) vectors"
${CC:-gcc} -O1 -mno-red-zone -o "$tmp/bits" bits.c
"$tmp/bits" > bits.vectors
echo "bits.vectors: $(wc -l < bits.vectors) vectors"
# BSF, BSR, BSWAP, XADD, CMPXCHG, MOVBE, CRC32, XLAT: the host needs MOVBE and SSE4.2.
${CC:-gcc} -O1 -mno-red-zone -o "$tmp/insns" insns.c
"$tmp/insns" > insns.vectors
echo "insns.vectors: $(wc -l < insns.vectors) vectors"
${CC:-gcc} -O1 -o "$tmp/mmx" mmx.c
"$tmp/mmx" > mmx.vectors
echo "mmx.vectors: $(wc -l < mmx.vectors) vectors"
${CC:-gcc} -O1 -mno-red-zone -o "$tmp/strings" strings.c
"$tmp/strings" > strings.vectors
echo "strings.vectors: $(wc -l < strings.vectors) vectors"
# The decimal-adjust instructions exist only outside 64-bit mode: a static 32-bit program (gcc-12-i686-linux-gnu).
${CC32:-i686-linux-gnu-gcc-12} -O1 -static -o "$tmp/bcd" bcd.c
"$tmp/bcd" > bcd.vectors
echo "bcd.vectors: $(wc -l < bcd.vectors) vectors"
# x87 and SSE/SSE2: fpu.c runs each instruction between FXRSTOR and FXSAVE in an executable page (see its comment).
${CC:-gcc} -O1 -o "$tmp/fpu" fpu.c
"$tmp/fpu" x87 > x87.vectors
"$tmp/fpu" sse > sse.vectors
echo "x87.vectors: $(wc -l < x87.vectors) vectors, sse.vectors: $(wc -l < sse.vectors) vectors"
