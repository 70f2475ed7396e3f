#!/usr/bin/env bash
# Control speculation and NaT forms (SDM rev 2.3 vol 3: ld.s, ld.sa, ld8.fill, st8.spill, chk.s, tnat, mov ar.unat):
# assembles every size, completer, hint and addressing form and records what GNU objdump prints for it, as
# speculation.bin / speculation.objdump next to this script. Needs ia64-linux-gnu-as / -objcopy and objdump.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
src=$tmp/spec.s
{
  echo "	.text"
  echo "	.explicit"
  echo "back:"
  for sz in 1 2 4 8; do
    for t in s sa; do
      for h in "" .nt1 .nta; do
        for r in "r1" "r32" "r127"; do
          echo "	ld$sz.$t$h $r=[r3] ;;"; echo "	ld$sz.$t$h $r=[r40],r5 ;;"; echo "	ld$sz.$t$h $r=[r9],-256 ;;"; echo "	ld$sz.$t$h $r=[r9],255 ;;"
        done
      done
    done
  done
  for h in "" .nt1 .nta; do
    echo "	ld8.fill$h r4=[r5] ;;"; echo "	ld8.fill$h r40=[r12],r3 ;;"; echo "	ld8.fill$h r127=[r12],8 ;;"; echo "	ld8.fill$h r6=[r12],-8 ;;"
  done
  for h in "" .nta; do
    echo "	st8.spill$h [r12]=r4 ;;"; echo "	st8.spill$h [r12]=r40,8 ;;"; echo "	st8.spill$h [r127]=r1,-256 ;;"; echo "	st8.spill$h [r2]=r3,255 ;;"
  done
  for r in r0 r1 r7 r31 r32 r100 r127; do
    echo "	chk.s.m $r,back ;;"; echo "	chk.s.i $r,fwd ;;"; echo "	(p6) chk.s.m $r,fwd ;;"; echo "	(p63) chk.s.i $r,back ;;"
  done
  for r in r1 r9 r32 r127; do
    echo "	mov ar.unat=$r ;;"; echo "	mov $r=ar.unat ;;"; echo "	mov.m ar.unat=$r ;;"; echo "	(p7) ld8.s $r=[$r] ;;"
  done
  for r in r0 r5 r31 r32 r127; do
    echo "	tnat.z p6,p7=$r ;;"; echo "	tnat.nz p1,p63=$r ;;"; echo "	tnat.z.unc p9,p10=$r ;;"; echo "	(p3) tnat.nz.unc p4,p5=$r ;;"
  done
  echo "	mov ar.unat=5 ;;"; echo "	mov ar.unat=-1 ;;"
  echo "fwd:"
  echo "	nop.m 0 ;;"
} > "$src"
ia64-linux-gnu-as -o "$tmp/spec.o" "$src" 2>"$tmp/as.log" || { cat "$tmp/as.log" >&2; exit 1; }
ia64-linux-gnu-objcopy -O binary -j .text "$tmp/spec.o" speculation.bin
objdump -D -b binary -m ia64 speculation.bin | sed -n '/^ *[0-9a-f]*:/p' > speculation.objdump
echo "wrote speculation.bin ($(stat -c %s speculation.bin) bytes), speculation.objdump ($(wc -l < speculation.objdump) lines)"
