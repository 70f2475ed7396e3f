#!/usr/bin/env bash
# Integer multimedia and pointer forms (SDM rev 2.3 vol 3: padd, psub, pavg, pavgsub, pcmp, pshladd2, pshradd2,
# pmpy2, pmpyshr2, pmin, pmax, psad1, pshl, pshr, mix, mux1, mux2, pack, unpack, czx, popcnt, shrp, addp4,
# shladdp4, lfetch): assembles every completer and operand form, then adds random fields under their majors
# (multimedia_bundles.py, fixed seed), and records what GNU objdump prints for it, as multimedia.bin /
# multimedia.objdump next to this script. Needs ia64-linux-gnu-as / -objcopy, objdump and python3.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
src=$tmp/mm.s
regs=(r0 r1 r2 r3 r7 r8 r12 r14 r31 r32 r33 r63 r64 r100 r126 r127)
{
  echo "	.text"
  echo "	.explicit"
  for i in 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
    a=${regs[$i]}; b=${regs[$(( (i + 5) % 16 ))]}; c=${regs[$(( (i + 11) % 16 ))]}; d=${regs[$(( (i + 1) % 15 + 1 ))]}
    for op in padd1 padd2 psub1 psub2; do for s in "" .sss .uus .uuu; do echo "	$op$s $d=$b,$c ;;"; done; done
    echo "	padd4 $d=$b,$c ;;"; echo "	psub4 $d=$a,$c ;;"
    for n in 1 2; do echo "	pavg$n $d=$b,$c ;;"; echo "	pavg$n.raz $d=$b,$c ;;"; echo "	pavgsub$n $d=$b,$c ;;"; done
    for n in 1 2 4; do echo "	pcmp$n.eq $d=$b,$c ;;"; echo "	pcmp$n.gt $d=$b,$c ;;"; done
    for ct in 1 2 3; do echo "	pshladd2 $d=$b,$ct,$c ;;"; echo "	pshradd2 $d=$b,$ct,$c ;;"; done
    echo "	pmpy2.r $d=$b,$c ;;"; echo "	pmpy2.l $d=$b,$c ;;"
    for ct in 0 7 15 16; do echo "	pmpyshr2 $d=$b,$c,$ct ;;"; echo "	pmpyshr2.u $d=$b,$c,$ct ;;"; done
    for op in pmin1.u pmax1.u pmin2 pmax2 psad1 mix1.l mix1.r mix2.l mix2.r mix4.l mix4.r pack2.sss pack2.uss pack4.sss \
              unpack1.h unpack1.l unpack2.h unpack2.l unpack4.h unpack4.l; do echo "	$op $d=$b,$c ;;"; done
    for n in 2 4; do
      echo "	pshl$n $d=$b,$c ;;"; echo "	pshr$n $d=$b,$c ;;"; echo "	pshr$n.u $d=$b,$c ;;"
      for ct in 0 1 $i 15 16 31; do echo "	pshl$n $d=$b,$ct ;;"; echo "	pshr$n $d=$b,$ct ;;"; echo "	pshr$n.u $d=$b,$ct ;;"; done
    done
    for m in @rev @mix @shuf @alt @brcst; do echo "	mux1 $d=$b,$m ;;"; done
    for m in 0 0x1b 0xe4 0xff $((i * 17)); do echo "	mux2 $d=$b,$m ;;"; done
    for op in czx1.l czx1.r czx2.l czx2.r popcnt; do echo "	$op $d=$c ;;"; done
    for ct in 0 1 $i 31 32 63; do echo "	shrp $d=$b,$c,$ct ;;"; done
    echo "	addp4 $d=$b,$c ;;"; for imm in 0 1 -1 8191 -8192 $((i * 100)); do echo "	addp4 $d=$imm,$c ;;"; done
    for ct in 1 2 3 4; do echo "	shladdp4 $d=$b,$ct,$c ;;"; done
    for t in "" .excl .fault .fault.excl; do for h in "" .nt1 .nt2 .nta; do
      echo "	lfetch$t$h [$d] ;;"; echo "	lfetch$t$h [$d],$c ;;"; echo "	lfetch$t$h [$d],$(( i * 33 - 256 )) ;;"
    done; done
  done
  for p in p1 p6 p63; do
    echo "	($p) padd2.sss r1=r2,r3 ;;"; echo "	($p) mux1 r4=r5,@rev ;;"; echo "	($p) popcnt r6=r7 ;;"
    echo "	($p) shrp r8=r9,r10,13 ;;"; echo "	($p) lfetch.nta [r11],8 ;;"; echo "	($p) addp4 r12=-3,r13 ;;"
  done
  for imm in 255 -256; do echo "	lfetch [r2],$imm ;;"; echo "	lfetch.fault.excl.nt2 [r127],$imm ;;"; done
} > "$src"
ia64-linux-gnu-as -o "$tmp/mm.o" "$src" 2>"$tmp/as.log" || { cat "$tmp/as.log" >&2; exit 1; }
ia64-linux-gnu-objcopy -O binary -j .text "$tmp/mm.o" "$tmp/core.bin"
python3 multimedia_bundles.py "$tmp/random.bin" 40000 20261126
cat "$tmp/core.bin" "$tmp/random.bin" > multimedia.bin
objdump -D -b binary -m ia64 multimedia.bin | sed -n '/^ *[0-9a-f]*:/p' > multimedia.objdump
gzip -n -9 -f multimedia.objdump
echo "wrote multimedia.bin ($(stat -c %s multimedia.bin) bytes, $(( $(stat -c %s multimedia.bin) / 16 )) bundles)"
