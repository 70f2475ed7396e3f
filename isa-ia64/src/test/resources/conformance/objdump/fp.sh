#!/usr/bin/env bash
# Floating-point forms (SDM rev 2.3 vol 3: fma, fms, fnma and their pseudo-ops, xma, fselect, fcmp, fclass, frcpa,
# frsqrta, fmin/fmax/famin/famax, fmerge and the logical and 2 x 32-bit forms, fcvt, fsetc, fclrf, fchkf, ldf, ldfp,
# stf, setf, getf, chk.s/chk.a on FRs, invala.e): assembles every completer and addressing form, then adds random
# fields under the FP majors (fp_bundles.py, fixed seed), and records what GNU objdump prints, as fp.bin /
# fp.objdump next to this script. Needs ia64-linux-gnu-as / -objcopy, objdump and python3.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
src=$tmp/fp.s
frs=(f0 f1 f2 f6 f31 f32 f33 f64 f100 f127)
{
  echo "	.text"
  echo "	.explicit"
  echo "back:"
  for i in 0 1 2 3 4 5 6 7 8 9; do
    a=${frs[$(( (i + 2) % 10 ))]}; b=${frs[$(( (i + 3) % 10 ))]}; c=${frs[$(( (i + 7) % 10 ))]}; t=${frs[$(( 2 + i % 8 ))]}
    for op in fma fms fnma; do for pc in "" .s .d; do for sf in s0 s1 s2 s3; do
      echo "	$op$pc.$sf $t=$a,$b,$c ;;"
    done; done; done
    for op in fmpy fnmpy fadd fsub; do for pc in "" .s .d; do echo "	$op$pc.s$((i % 4)) $t=$a,$b ;;"; done; done
    for pc in "" .s .d; do echo "	fnorm$pc.s$((i % 4)) $t=$a ;;"; echo "	fcvt.xuf$pc.s$((i % 4)) $t=$a ;;"; done
    for x in l h hu; do echo "	xma.$x $t=$a,$b,$c ;;"; echo "	xmpy.$x $t=$a,$b ;;"; done
    echo "	fselect $t=$a,$b,$c ;;"
    for rel in eq lt le unord gt ge neq nlt nle ngt nge ord; do for ty in "" .unc; do
      echo "	fcmp.$rel$ty.s$((i % 4)) p$((i + 1)),p$((62 - i))=$a,$b ;;"
    done; done
    for m in 0x1ff 0x3 0x100 0xc3 0x1 0x21 0x10a; do echo "	fclass.m p6,p7=$a,$m ;;"; echo "	fclass.nm.unc p8,p9=$b,$m ;;"; done
    echo "	frcpa.s$((i % 4)) $t,p$((i + 5))=$a,$b ;;"; echo "	frsqrta.s$((3 - i % 4)) $t,p$((i + 5))=$b ;;"
    for op in fmin fmax famin famax; do echo "	$op.s$((i % 4)) $t=$a,$b ;;"; done
    for op in fmerge.s fmerge.ns fmerge.se fand fandcm for fxor fpack fswap fswap.nl fswap.nr fmix.l fmix.r fmix.lr fsxt.l fsxt.r; do
      echo "	$op $t=$a,$b ;;"
    done
    for op in mov fabs fneg fnegabs; do echo "	$op $t=$a ;;"; done
    for op in fcvt.fx fcvt.fxu fcvt.fx.trunc fcvt.fxu.trunc; do echo "	$op.s$((i % 4)) $t=$a ;;"; done
    echo "	fcvt.xf $t=$a ;;"
    for k in sig exp s d; do echo "	setf.$k $t=r$((i * 13 % 128)) ;;"; echo "	getf.$k r$((1 + i * 11 % 127))=$a ;;"; done
  done
  for sf in s0 s1 s2 s3; do echo "	fsetc.$sf 0x7f,0x0 ;;"; echo "	fsetc.$sf 0x0,0x45 ;;"; echo "	fclrf.$sf ;;"; echo "	fchkf.$sf back ;;"; echo "	(p7) fchkf.$sf fwd ;;"; done
  for sz in s d 8 e; do
    for t in "" .s .a .sa .c.clr .c.nc; do for h in "" .nt1 .nta; do
      echo "	ldf$sz$t$h f6=[r7] ;;"; echo "	ldf$sz$t$h f127=[r32],r9 ;;"; echo "	ldf$sz$t$h f32=[r3],-256 ;;"; echo "	ldf$sz$t$h f2=[r3],255 ;;"
      case $sz in e) ;; *) echo "	ldfp$sz$t$h f6,f7=[r8] ;;"; echo "	ldfp$sz$t$h f33,f40=[r9],$([ $sz = s ] && echo 8 || echo 16) ;;" ;; esac
    done; done
    for h in "" .nta; do echo "	stf$sz$h [r7]=f6 ;;"; echo "	stf$sz$h [r127]=f127,-256 ;;"; echo "	stf$sz$h [r3]=f0,255 ;;"; done
  done
  for h in "" .nt1 .nta; do echo "	ldf.fill$h f6=[r7] ;;"; echo "	ldf.fill$h f40=[r12],r3 ;;"; echo "	ldf.fill$h f100=[r12],16 ;;"; done
  for h in "" .nta; do echo "	stf.spill$h [r12]=f4 ;;"; echo "	stf.spill$h [r12]=f40,16 ;;"; echo "	stf.spill$h [r2]=f1,-16 ;;"; done
  for f in f0 f2 f31 f32 f127; do
    echo "	chk.s $f,back ;;"; echo "	(p6) chk.s $f,fwd ;;"; echo "	chk.a.nc $f,back ;;"; echo "	chk.a.clr $f,fwd ;;"; echo "	invala.e $f ;;"
  done
  echo "	(p9) fma.s1 f6=f7,f8,f9 ;;"; echo "	(p63) ldfd f6=[r7] ;;"; echo "	(p2) fcmp.eq.unc.s0 p6,p7=f8,f9 ;;"
  echo "fwd:"
  echo "	nop.m 0 ;;"
} > "$src"
ia64-linux-gnu-as -o "$tmp/fp.o" "$src" 2>"$tmp/as.log" || { cat "$tmp/as.log" >&2; exit 1; }
ia64-linux-gnu-objcopy -O binary -j .text "$tmp/fp.o" "$tmp/core.bin"
python3 fp_bundles.py "$tmp/random.bin" 30000 20261125
cat "$tmp/core.bin" "$tmp/random.bin" > fp.bin
objdump -D -b binary -m ia64 fp.bin | sed -n '/^ *[0-9a-f]*:/p' > fp.objdump
gzip -n -9 -f fp.objdump
echo "wrote fp.bin ($(stat -c %s fp.bin) bytes)"
