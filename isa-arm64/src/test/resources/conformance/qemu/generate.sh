#!/usr/bin/env bash
# Rebuilds vectors.txt.gz, memory-vectors.txt.gz, fp-vectors.txt.gz and fp16-vectors.txt.gz: compiles harness.c with Debian's aarch64 cross gcc (gcc-12-aarch64-linux-gnu), runs it
# under qemu-aarch64 user mode (qemu-user) and gzips what it prints. The JUnit test SemanticsVectorsTest replays
# every line through the interpreter, so neither tool is needed to run the tests.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
aarch64-linux-gnu-gcc-12 -O1 -static -o "$tmp/harness" harness.c
qemu-aarch64 "$tmp/harness" "${1:-900}" > "$tmp/vectors.txt"
gzip -9n < "$tmp/vectors.txt" > vectors.txt.gz
qemu-aarch64 "$tmp/harness" 0 "${2:-400}" > "$tmp/memory.txt"
gzip -9n < "$tmp/memory.txt" > memory-vectors.txt.gz
qemu-aarch64 "$tmp/harness" fp "${3:-80}" "${4:-24}" > "$tmp/fp.txt"
gzip -9n < "$tmp/fp.txt" > fp-vectors.txt.gz
qemu-aarch64 "$tmp/harness" fp16 "${5:-400}" > "$tmp/fp16.txt"
gzip -9n < "$tmp/fp16.txt" > fp16-vectors.txt.gz
echo "$(wc -l < "$tmp/vectors.txt") register vectors, $(wc -l < "$tmp/memory.txt") load/store vectors, $(( $(wc -l < "$tmp/fp.txt") - 1 )) SIMD&FP vectors, $(( $(wc -l < "$tmp/fp16.txt") - 1 )) half-precision vectors"
