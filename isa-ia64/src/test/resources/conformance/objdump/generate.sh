#!/usr/bin/env bash
# Regenerates the ia64 disassembly corpus: assembles a source listing many variants of every instruction form
# the interpreter knows (plus reserved templates and undefined slots as raw bytes), then records what GNU objdump
# prints for it. Writes next to this script:
#   core.bin/.objdump    the assembled variants, reserved templates and undefined slots
#   random.bin/.objdump  random fields under the known major opcodes (random_bundles.py, fixed seed), kept only
#                        where objdump prints forms this backend implements: it tests the decode masks
#   tail.bin/.objdump    a bundle and a cut-off tail
# Needs ia64-linux-gnu-as / -objcopy (binutils-ia64-linux-gnu), objdump from binutils-multiarch, and python3.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
src=$tmp/core.s
regs=(r0 r1 r2 r3 r7 r8 r12 r14 r31 r32 r33 r63 r64 r100 r126 r127)
{
  echo "	.text"
  echo "	.explicit"
  # A-unit integer ALU, register forms
  for op in add sub and andcm or xor; do
    for i in 0 3 6 9 12 15; do
      a=${regs[$i]}; b=${regs[$(( (i + 5) % 16 ))]}; c=${regs[$(( (i + 11) % 16 ))]}
      echo "	$op $a=$b,$c ;;"
    done
  done
  for i in 1 4 8 13; do echo "	add ${regs[$i]}=${regs[$((i+1))]},${regs[$((i+2))]},1 ;;"; echo "	sub ${regs[$i]}=${regs[$((i+1))]},${regs[$((i+2))]},1 ;;"; done
  # immediates at the edges
  for imm in 0 1 -1 127 -128 42; do
    for op in and andcm or xor sub; do echo "	$op r9=$imm,r10 ;;"; done
  done
  for imm in 0 1 -1 8191 -8192 1000 -1000; do echo "	adds r20=$imm,r21 ;;"; echo "	adds r40=$imm,r0 ;;"; done
  for imm in 0 1 -1 2097151 -2097152 123456; do for b in r0 r1 r2 r3; do echo "	addl r22=$imm,$b ;;"; done; done
  for imm in 0 5 -5 0x1fffff; do echo "	mov r23=$imm ;;"; done
  echo "	mov r24=r25 ;;"; echo "	mov r127=r32 ;;"
  for n in 1 2 3 4; do echo "	shladd r5=r6,$n,r7 ;;"; done
  # shifts and bit fields as the assembler emits them (dep.z / extr)
  for n in 1 2 5 31 32 33 62 63; do echo "	shl r5=r6,$n ;;"; echo "	shr r7=r8,$n ;;"; echo "	shr.u r9=r10,$n ;;"; done
  for pl in "0,1" "0,64" "3,5" "63,1" "10,54" "32,32" "1,63" "20,7"; do
    echo "	extr r11=r12,$pl ;;"; echo "	extr.u r13=r14,$pl ;;"; echo "	dep.z r15=r16,$pl ;;"
  done
  for v in 0 1 -1 127 -128; do echo "	dep.z r17=$v,4,8 ;;"; echo "	dep.z r17=$v,0,64 ;;"; done
  for op in sxt1 sxt2 sxt4 zxt1 zxt2 zxt4; do echo "	$op r18=r19 ;;"; echo "	$op r127=r0 ;;"; done
  # compares writing predicate pairs
  for w in cmp cmp4; do
    for rel in eq ne lt le gt ge ltu leu gtu geu; do
      for ty in "" .unc; do
        echo "	$w.$rel$ty p6,p7=r8,r9 ;;"
        echo "	$w.$rel$ty p1,p63=r0,r127 ;;"
        echo "	$w.$rel$ty p10,p11=5,r9 ;;"
        case $rel in
          eq|ne|lt|ge|ltu|geu) echo "	$w.$rel$ty p12,p13=-128,r9 ;;"; echo "	$w.$rel$ty p14,p15=127,r9 ;;" ;;
          *) echo "	$w.$rel$ty p12,p13=-127,r9 ;;"; echo "	$w.$rel$ty p14,p15=128,r9 ;;" ;;
        esac
      done
    done
  done
  for ty in z nz z.unc nz.unc; do for pos in 0 1 31 63; do echo "	tbit.$ty p6,p7=r5,$pos ;;"; done; done
  # parallel tbit / tnat types, dep (register and immediate forms)
  for ty in z.and nz.and z.or nz.or z.or.andcm nz.or.andcm; do
    for pos in 0 9 63; do echo "	tbit.$ty p6,p7=r5,$pos ;;"; done; echo "	tnat.$ty p1,p63=r127 ;;"; echo "	(p3) tnat.$ty p8,p9=r0 ;;"
  done
  for pl in "0,1" "10,5" "63,16" "60,16" "0,16" "31,2"; do echo "	dep r1=r2,r3,$pl ;;"; echo "	dep r127=r32,r0,$pl ;;"; done
  for pl in "0,1" "61,3" "0,64" "63,1" "10,54" "32,33"; do echo "	dep r1=0,r3,$pl ;;"; echo "	dep r100=-1,r40,$pl ;;"; done
  # long immediates
  for v in 0 1 -1 0x123456789abcdef0 0x8000000000000000 0x7fffffffffffffff 0xffffffff; do echo "	movl r30=$v ;;"; done
  echo "	movl r127=0x100000 ;;"
  # branch registers, application registers
  for b in b0 b1 b6 b7; do echo "	mov $b=r5 ;;"; echo "	mov r6=$b ;;"; done
  echo "	mov ar.lc=r9 ;;"; echo "	mov r9=ar.lc ;;"; echo "	mov ar.pfs=r10 ;;"; echo "	mov r10=ar.pfs ;;"
  echo "	mov ar.lc=5 ;;"
  # loads and stores, every width, post-increment forms
  for w in 1 2 4 8; do
    echo "	ld$w r5=[r6] ;;"; echo "	ld$w r127=[r1],8 ;;"; echo "	ld$w r8=[r9],-256 ;;"; echo "	ld$w r8=[r9],255 ;;"
    echo "	ld$w r10=[r11],r12 ;;"
    echo "	ld$w.nt1 r5=[r6] ;;"; echo "	ld$w.nta r5=[r6],16 ;;"; echo "	st$w.nta [r6]=r5 ;;"; echo "	st$w.nta [r6]=r5,-8 ;;"
    echo "	st$w [r6]=r5 ;;"; echo "	st$w [r7]=r8,-256 ;;"; echo "	st$w [r7]=r8,255 ;;"; echo "	st$w [r12]=r0,1 ;;"
  done
  # variable shifts, ip and predicate moves
  for r in "r1 r2 r3" "r127 r32 r0" "r40 r41 r42"; do set -- $r
    echo "	shl $1=$2,$3 ;;"; echo "	shr $1=$2,$3 ;;"; echo "	shr.u $1=$2,$3 ;;"; done
  for r in r1 r50 r127; do echo "	mov $r=ip ;;"; echo "	mov $r=pr ;;"; done
  for m in -1 0x1234 0x1fffe 2 0xfffe 0x10000; do echo "	mov pr=r7,$m ;;"; done
  # register stack
  for a in "0,0,0,0" "2,3,1,0" "8,8,8,8" "0,96,0,0" "1,0,0,0" "0,0,1,0"; do echo "	alloc r34=ar.pfs,$a ;;"; done
  # register stack engine and the M-unit application registers
  echo "	flushrs ;;"; echo "	loadrs ;;"; echo "	cover ;;"; echo "	clrrrb ;;"; echo "	clrrrb.pr ;;"
  for ar in ar.k0 ar.k3 ar.k7 ar.rsc ar.bsp ar.bspstore ar.rnat ar.ccv ar.unat ar.fpsr; do
    for r in r0 r9 r32 r127; do echo "	mov $ar=$r ;;"; echo "	mov $r=$ar ;;"; done
    for imm in 0 1 -1 127 -128; do echo "	mov $ar=$imm ;;"; done
    echo "	(p7) mov $ar=r3 ;;"; echo "	(p63) mov r4=$ar ;;"
  done
  # system: control registers, PSR, rfi and register banks, rotating predicates
  for cr in cr.dcr cr.itm cr.iva cr.pta cr.ipsr cr.isr cr.iip cr.ifa cr.itir cr.iipa cr.ifs cr.iim cr.iha cr.lid cr.ivr cr.tpr cr.eoi cr.irr0 cr.irr3 cr.itv cr.pmv cr.cmcv cr.lrr0 cr.lrr1; do
    echo "	mov r9=$cr ;;"; case $cr in cr.ivr|cr.irr*) ;; *) echo "	mov $cr=r10 ;;"; echo "	(p3) mov $cr=r127 ;;" ;; esac
  done
  for m in 0x0 0x1 0x2000 0x6000 0xffffff 0x800000; do echo "	ssm $m ;;"; echo "	rsm $m ;;"; done
  for m in 0x2 0x3e 0x4; do echo "	sum $m ;;"; echo "	rum $m ;;"; done
  echo "	mov psr.l=r5 ;;"; echo "	mov r6=psr ;;"; echo "	mov psr.um=r7 ;;"; echo "	mov r8=psr.um ;;"; echo "	(p9) mov r8=psr ;;"
  echo "	rfi ;;"; echo "	bsw.0 ;;"; echo "	bsw.1 ;;"; echo "	mov r11=ar.itc ;;"; echo "	mov ar.itc=r12 ;;"
  for v in 0x10000 0xfffffff0000 0x7ffffff0000 0x80000000000 0; do echo "	mov pr.rot=$v ;;"; done
  # load types, release stores and the ALAT
  for w in 1 2 4 8; do
    for t in acq bias a c.clr c.nc c.clr.acq; do
      echo "	ld$w.$t r5=[r6] ;;"; echo "	ld$w.$t.nta r127=[r1],8 ;;"; echo "	ld$w.$t r10=[r11],r12 ;;"; echo "	ld$w.$t.nt1 r8=[r9],-256 ;;"
    done
    echo "	st$w.rel [r6]=r5 ;;"; echo "	st$w.rel.nta [r7]=r8,-8 ;;"
  done
  echo "chkback:"; for r in r1 r32 r127; do echo "	chk.a.clr $r,chkback ;;"; echo "	chk.a.nc $r,chkfwd ;;"; echo "	invala.e $r ;;"; done
  echo "	invala ;;"; echo "	(p4) chk.a.nc r9,chkback ;;"; echo "chkfwd:"
  # semaphores
  for w in 1 2 4 8; do
    for o in acq rel; do echo "	cmpxchg$w.$o r1=[r3],r2,ar.ccv ;;"; echo "	cmpxchg$w.$o.nta r127=[r32],r0,ar.ccv ;;"; done
    echo "	xchg$w r7=[r8],r9 ;;"; echo "	xchg$w.nt1 r40=[r41],r42 ;;"
  done
  for w in 4 8; do for o in acq rel; do for i in 1 4 8 16 -1 -4 -8 -16; do echo "	fetchadd$w.$o r10=[r11],$i ;;"; done; done; done
  echo "	(p9) fetchadd8.acq.nta r10=[r11],1 ;;"; echo "	(p10) cmpxchg8.acq r1=[r3],r2,ar.ccv ;;"
  # translation management
  for r in r2 r33 r127; do
    echo "	itc.d $r ;;"; echo "	itc.i $r ;;"; echo "	itr.d dtr[r4]=$r ;;"; echo "	itr.i itr[$r]=r7 ;;"; echo "	mov rr[$r]=r9 ;;"
    echo "	mov r10=rr[$r] ;;"; echo "	mov pkr[$r]=r9 ;;"; echo "	mov r10=pkr[$r] ;;"; echo "	mov pkr[r3]=$r ;;"; echo "	mov $r=pkr[r5] ;;"; echo "	tak $r=r3 ;;"; echo "	tak r9=$r ;;"
    echo "	ptc.l $r,r13 ;;"; echo "	ptc.e $r ;;"; echo "	ptr.d $r,r16 ;;"; echo "	ptr.i r17,$r ;;"
  done
  echo "	srlz.d ;;"; echo "	srlz.i ;;"; echo "	sync.i ;;"; echo "	mf ;;"; echo "	mf.a ;;"; echo "	fwb ;;"; echo "	(p3) mf ;;"; echo "	(p5) itc.d r2 ;;"; echo "	(p7) mov pkr[r4]=r5 ;;"; echo "	(p8) mov r6=pkr[r7] ;;"; echo "	(p9) tak r1=r2 ;;"; echo "	(p6) srlz.i ;;"
  # nops and breaks on every unit, with immediates at the edges
  for imm in 0 1 0x1000 0x1fffff; do
    echo "	{ .mfb"; echo "	nop.m $imm"; echo "	nop.f $imm"; echo "	nop.b $imm"; echo "	}"
    echo "	{ .mfi"; echo "	break.m $imm"; echo "	break.f $imm"; echo "	break.i $imm"; echo "	}"
    echo "	{ .mib"; echo "	nop.m 0"; echo "	nop.i $imm"; echo "	break.b $imm"; echo "	}"
    echo "	{ .mlx"; echo "	nop.m 0"; echo "	nop.x $imm"; echo "	}"
    echo "	{ .mlx"; echo "	nop.m 0"; echo "	break.x $imm"; echo "	}"
  done
  # long branches (L+X)
  for h in sptk.few dptk.many spnt.few.clr; do
    echo "	{ .mlx"; echo "	nop.m 0"; echo "	brl.cond.$h back"; echo "	}"
    echo "	{ .mlx"; echo "	nop.m 0"; echo "	(p9) brl.cond.$h back"; echo "	}"
    echo "	{ .mlx"; echo "	nop.m 0"; echo "	brl.call.$h b3=back ;;"; echo "	}"
  done
  # branches, every hint, predicated
  echo "back:"
  for h in sptk.few sptk.many dptk.few dptk.many spnt.few dpnt.many sptk.few.clr; do
    echo "	br.cond.$h back ;;"; echo "	(p6) br.cond.$h fwd ;;"
    echo "	br.call.$h b0=back ;;"; echo "	(p7) br.call.$h b6=fwd ;;"
    echo "	br.ret.$h b0 ;;"; echo "	(p63) br.ret.$h b7 ;;"
    echo "	br.cond.$h b1 ;;"; echo "	br.call.$h b0=b2 ;;"
    echo "	br.cloop.$h back ;;"
    echo "	br.ctop.$h back ;;"; echo "	br.cexit.$h fwd ;;"
    echo "	(p16) br.wtop.$h back ;;"; echo "	(p63) br.wexit.$h fwd ;;"; echo "	br.wtop.$h back ;;"
  done
  echo "	br.few back ;;"; echo "	br back ;;"
  echo "fwd:"
  # predicated arithmetic
  for p in p1 p6 p15 p16 p62 p63; do echo "	($p) add r1=r2,r3 ;;"; echo "	($p) ld8 r1=[r2] ;;"; done
  for p in p2 p9 p33; do
    echo "	($p) cmp.eq.unc p6,p7=r1,r2 ;;"; echo "	($p) tbit.z p8,p9=r3,7 ;;"; echo "	($p) movl r4=0x1234 ;;"
    echo "	($p) st4 [r5]=r6,4 ;;"; echo "	($p) ld2 r7=[r8],r9 ;;"; echo "	($p) shl r1=r2,3 ;;"; echo "	($p) extr.u r1=r2,3,9 ;;"
    echo "	($p) mov b2=r3 ;;"; echo "	($p) mov r3=b2 ;;"; echo "	($p) mov ar.lc=r3 ;;"; echo "	($p) sxt4 r1=r2 ;;"
    echo "	($p) break.m 0x1000 ;;"; echo "	($p) nop.i 7 ;;"; echo "	($p) shladd r1=r2,2,r3 ;;"; echo "	($p) mov r1=r2 ;;"
  done
  for r in r1 r15 r31 r32 r95 r127; do for w in 1 8; do echo "	ld$w $r=[$r] ;;"; echo "	st$w [$r]=$r ;;"; echo "	ld$w $r=[r2],$r ;;"; done; done
  echo "	.align 16"
  # reserved templates and undefined slots (raw bundles)
  for t in 06 07 14 15 1a 1b 1e 1f; do echo "	.byte 0x$t,0x11,0x22,0x33,0x44,0x55,0x66,0x77,0x88,0x99,0xaa,0xbb,0xcc,0xdd,0xee,0xff"; done
  for t in 00 01 08 0c 10 12 16 18 1c 04; do echo "	.byte 0x$t,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff"; done
  # undefined slots next to defined ones: an all-ones slot 1 or 2 in otherwise valid bundles
  echo "	.byte 0x01,0x00,0x00,0x00,0x01,0x00,0x00,0x00,0x00,0x00,0xc0,0xff,0xff,0xff,0xff,0xff"
  echo "	.byte 0x05,0x00,0x00,0x00,0x01,0x00,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff"
} > "$src"
ia64-linux-gnu-as -o "$tmp/core.o" "$src" 2>"$tmp/as.log" || { cat "$tmp/as.log" >&2; exit 1; }
ia64-linux-gnu-objcopy -O binary -j .text "$tmp/core.o" core.bin
# Listing lines only: objdump's file header and section headings are stripped.
objdump -D -b binary -m ia64 core.bin | sed -n '/^ *[0-9a-f]*:/p' > core.objdump
# Random fields under the known major opcodes, kept where objdump sees only forms this backend implements.
python3 random_bundles.py random.bin 50000 20261124
objdump -D -b binary -m ia64 random.bin | sed -n '/^ *[0-9a-f]*:/p' > random.objdump
# The listing is large: it is committed gzipped (-n: no name or time stamp, so it rebuilds byte for byte).
gzip -n -9 -f random.objdump
# A bundle and a cut-off tail: objdump says where it stopped.
head -c 20 core.bin > tail.bin
objdump -D -b binary -m ia64 tail.bin | sed -n '/^ *[0-9a-f]*:/p' > tail.objdump
echo "wrote core.bin ($(stat -c %s core.bin) bytes), core.objdump ($(wc -l < core.objdump) lines)"
