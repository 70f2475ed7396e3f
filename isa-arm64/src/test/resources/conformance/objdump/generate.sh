#!/usr/bin/env bash
# Regenerates the objdump conformance corpus of the arm64 disassembler: per kind, <kind>.S (the assembler source,
# produced by the loops below), <kind>.bin.gz (the raw code) and <kind>.objdump.gz (GNU objdump's listing lines
# for `objdump -D -b binary -m aarch64`, headers stripped). PER_PATTERN (default 480) sets how many random words
# are drawn inside each decode pattern. Needs aarch64-linux-gnu-as/objcopy and objdump
# (binutils-multiarch). Run from anywhere; outputs land beside this script, with corpus.list naming them.
# Runs of 8 or more zero bytes are avoided: objdump prints them as "..." (its --disassemble-zeroes default).
set -euo pipefail
cd "$(dirname "$0")"
AS=aarch64-linux-gnu-as
OBJCOPY=aarch64-linux-gnu-objcopy
OBJDUMP=${OBJDUMP:-objdump}

xr() { [ "$1" = 31 ] && echo "$2" || echo "x$1"; }   # x register or the name for 31
wr() { [ "$1" = 31 ] && echo "$2" || echo "w$1"; }

gen_dataproc() {
  local r s
  for r in $(seq 0 31); do
    s=$(( (r * 7 + 3) % 32 ))
    echo "add $(xr $r sp), $(xr $s sp), #$(( r * 130 ))"
    echo "add $(wr $r wsp), $(wr $s wsp), #$(( r * 127 )), lsl #12"
    echo "adds $(xr $r xzr), $(xr $s sp), #4095"
    echo "sub $(xr $r sp), $(xr $s sp), #$(( r ))"
    echo "subs $(wr $r wzr), $(wr $s wsp), #$(( 4095 - r ))"
    echo "subs $(xr $r xzr), $(xr $s sp), #1, lsl #12"
    echo "add $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 5) % 32 )) xzr), lsl #$(( r * 2 ))"
    echo "adds $(wr $r wzr), $(wr $s wzr), $(wr $(( (r + 9) % 32 )) wzr), lsr #$(( r ))"
    echo "sub $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 1) % 32 )) xzr), asr #$(( 63 - r ))"
    echo "subs $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 2) % 32 )) xzr)"
    echo "and $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 3) % 32 )) xzr), ror #$(( r ))"
    echo "orr $(wr $r wzr), $(wr $s wzr), $(wr $(( (r + 4) % 32 )) wzr), lsl #$(( r % 32 ))"
    echo "eor $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 6) % 32 )) xzr), lsr #$(( r * 2 ))"
    echo "ands $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 7) % 32 )) xzr)"
    echo "bic $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 8) % 32 )) xzr), asr #1"
    echo "orn $(wr $r wzr), $(wr $s wzr), $(wr $(( (r + 8) % 32 )) wzr)"
    echo "eon $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 8) % 32 )) xzr), ror #63"
    echo "bics $(wr $r wzr), $(wr $s wzr), $(wr $(( (r + 8) % 32 )) wzr), lsl #31"
    echo "mov $(xr $r xzr), $(xr $s xzr)"
    echo "mvn $(wr $r wzr), $(wr $s wzr)"
    echo "movz $(xr $r xzr), #$(( r * 2047 )), lsl #$(( (r % 4) * 16 ))"
    echo "movn $(wr $r wzr), #$(( r * 2047 )), lsl #$(( (r % 2) * 16 ))"
    echo "movk $(xr $r xzr), #$(( 65535 - r )), lsl #$(( (r % 4) * 16 ))"
    echo "lslv $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 1) % 32 )) xzr)"
    echo "lsrv $(wr $r wzr), $(wr $s wzr), $(wr $(( (r + 1) % 32 )) wzr)"
    echo "asrv $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 1) % 32 )) xzr)"
    echo "rorv $(wr $r wzr), $(wr $s wzr), $(wr $(( (r + 1) % 32 )) wzr)"
    echo "udiv $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 1) % 32 )) xzr)"
    echo "sdiv $(wr $r wzr), $(wr $s wzr), $(wr $(( (r + 1) % 32 )) wzr)"
    echo "madd $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 1) % 32 )) xzr), $(xr $(( (r + 2) % 32 )) xzr)"
    echo "msub $(wr $r wzr), $(wr $s wzr), $(wr $(( (r + 1) % 32 )) wzr), $(wr $(( (r + 3) % 32 )) wzr)"
    echo "smaddl $(xr $r xzr), $(wr $s wzr), $(wr $(( (r + 1) % 32 )) wzr), $(xr $(( (r + 4) % 32 )) xzr)"
    echo "umsubl $(xr $r xzr), $(wr $s wzr), $(wr $(( (r + 1) % 32 )) wzr), $(xr $(( (r + 5) % 32 )) xzr)"
    echo "smulh $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 1) % 32 )) xzr)"
    echo "umulh $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 1) % 32 )) xzr)"
    echo "extr $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + r % 2) % 32 )) xzr), #$(( r * 2 ))"
    echo "adc $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 1) % 32 )) xzr)"
    echo "adcs $(wr $r wzr), $(wr $s wzr), $(wr $(( (r + 2) % 32 )) wzr)"
    echo "sbc $(xr $r xzr), $(xr $s xzr), $(xr $(( (r + 3) % 32 )) xzr)"
    echo "sbcs $(wr $r wzr), $(wr $s wzr), $(wr $(( (r + 4) % 32 )) wzr)"
    echo "ngc $(xr $r xzr), $(xr $s xzr)"
    echo "ngcs $(wr $r wzr), $(wr $s wzr)"
  done
  # Extended register, every option and amount, with and without SP
  local o a
  for o in uxtb uxth uxtw uxtx sxtb sxth sxtw sxtx; do
    for a in 0 1 2 3 4; do
      local m=w; case $o in uxtx|sxtx) m=x ;; esac
      echo "add x1, x2, ${m}3, $o #$a"
      echo "add sp, x2, ${m}3, $o #$a"
      echo "adds x1, sp, ${m}3, $o #$a"
      echo "sub x1, sp, ${m}3, $o #$a"
      echo "subs xzr, sp, ${m}3, $o #$a"
      echo "cmn x4, ${m}5, $o #$a"
      echo "add w1, wsp, w3, $o #$a"
      echo "sub wsp, w2, w3, $o #$a"
      echo "subs w1, w2, w3, $o #$a"
    done
  done
  # Logical immediates: every element size and rotation edge
  local imm
  for imm in 0x1 0x3 0xff 0xffff 0xffff0000 0xfffffffe 0x7fffffff 0x80000000 0x55555555 0xaaaaaaaa 0x0f0f0f0f \
             0x00ff00ff 0x33333333 0xc0000003 0x1ffe 0xfff0000f; do
    echo "and w1, w2, #$imm"; echo "orr w3, wzr, #$imm"; echo "eor wsp, w4, #$imm"; echo "ands w5, w6, #$imm"
    echo "ands wzr, w7, #$imm"; echo "orr w8, w9, #$imm"
  done
  for imm in 0x1 0xff 0xffff 0xffff0000 0xffffffff 0xffff00000000 0xffffffffffff 0x7fffffffffffffff \
             0x8000000000000000 0xfffffffffffffffe 0x5555555555555555 0xaaaaaaaaaaaaaaaa 0x0f0f0f0f0f0f0f0f \
             0x00ff00ff00ff00ff 0x0000ffff0000ffff 0x3333333333333333 0xc000000000000003 0x00000003fffffffc \
             0xffff0000ffff0000 0x0000000100000001 0x8000000180000001 0x00ffff0000ffff00; do
    echo "and x1, x2, #$imm"; echo "orr x3, xzr, #$imm"; echo "eor sp, x4, #$imm"; echo "ands x5, x6, #$imm"
    echo "tst x7, #$imm"; echo "orr sp, xzr, #$imm"
  done
  # Move wide immediates at the edges of the MOV aliases
  for imm in 0 1 0xffff 0x8000 0x1234; do
    for s in 0 16 32 48; do
      echo "movz x1, #$imm, lsl #$s"; echo "movn x2, #$imm, lsl #$s"; echo "movk x3, #$imm, lsl #$s"
    done
    for s in 0 16; do
      echo "movz w1, #$imm, lsl #$s"; echo "movn w2, #$imm, lsl #$s"; echo "movk w3, #$imm, lsl #$s"
    done
  done
  # Bitfield moves: every alias boundary
  local rr ss
  for rr in 0 1 7 8 15 16 31 32 33 62 63; do
    for ss in 0 1 6 7 8 14 15 16 30 31 32 62 63; do
      echo "sbfm x1, x2, #$rr, #$ss"; echo "ubfm x3, x4, #$rr, #$ss"; echo "bfm x5, x6, #$rr, #$ss"
      echo "bfm x7, xzr, #$rr, #$ss"
      if [ $rr -lt 32 ] && [ $ss -lt 32 ]; then
        echo "sbfm w1, w2, #$rr, #$ss"; echo "ubfm w3, w4, #$rr, #$ss"; echo "bfm w5, w6, #$rr, #$ss"
        echo "bfm w7, wzr, #$rr, #$ss"
      fi
    done
  done
  for r in $(seq 0 31); do
    s=$(( (r * 11 + 5) % 32 ))
    for o in rbit rev16 rev clz cls; do echo "$o $(xr $r xzr), $(xr $s xzr)"; echo "$o $(wr $s wzr), $(wr $r wzr)"; done
    echo "rev32 $(xr $r xzr), $(xr $s xzr)"
  done
  # CRC32 and CRC32C: every width, every register position incl. WZR/XZR
  for r in $(seq 0 31); do
    s=$(( (r * 13 + 7) % 32 ))
    for o in crc32b crc32h crc32w crc32cb crc32ch crc32cw; do
      echo "$o $(wr $r wzr), $(wr $s wzr), $(wr $(( (r + 1) % 32 )) wzr)"
    done
    echo "crc32x $(wr $r wzr), $(wr $s wzr), $(xr $(( (r + 2) % 32 )) xzr)"
    echo "crc32cx $(wr $r wzr), $(wr $s wzr), $(xr $(( (r + 3) % 32 )) xzr)"
  done
  for ss in 0 1 31; do echo "extr w1, w2, w3, #$ss"; echo "extr w4, w5, w5, #$ss"; done
  for ss in 0 1 32 63; do echo "extr x1, x2, x3, #$ss"; echo "extr x4, x5, x5, #$ss"; done
  # Conditional select and compare: every condition, with and without the aliases
  local c
  for c in eq ne cs cc mi pl vs vc hi ls ge lt gt le al nv; do
    echo "csel x1, x2, x3, $c"; echo "csel w4, wzr, w5, $c"
    echo "csinc x1, x2, x3, $c"; echo "csinc x1, x2, x2, $c"; echo "csinc w1, wzr, wzr, $c"
    echo "csinv x1, x2, x3, $c"; echo "csinv w1, w2, w2, $c"; echo "csinv x1, xzr, xzr, $c"
    echo "csneg x1, x2, x3, $c"; echo "csneg x1, x2, x2, $c"; echo "csneg w1, wzr, wzr, $c"
    echo "ccmp x1, #31, #15, $c"; echo "ccmp w2, w3, #0, $c"; echo "ccmn xzr, #0, #8, $c"; echo "ccmn w4, wzr, #7, $c"
  done
  # ADR and ADRP: both directions, page edges
  for imm in 0 4 -4 0xffffc -0x100000 0x1234; do echo "adr x1, .+$imm"; done
  for imm in 0 0x1000 -0x1000 0xfffff000 -0x100000000; do echo "adrp x2, .+$imm"; echo "adrp xzr, .+$imm"; done
}

gen_loadstore() {
  local r s sz
  for r in $(seq 0 31); do
    s=$(( (r * 5 + 1) % 32 ))
    local b; b=$(xr $s sp)
    echo "ldr $(xr $r xzr), [$b, #$(( r * 8 ))]"
    echo "str $(wr $r wzr), [$b, #$(( r * 4 ))]"
    echo "ldrb $(wr $r wzr), [$b, #$(( r * 127 ))]"
    echo "strh $(wr $r wzr), [$b, #$(( r * 254 ))]"
    echo "ldrsb $(xr $r xzr), [$b]"
    echo "ldrsh $(wr $r wzr), [$b, #$(( r * 2 ))]"
    echo "ldrsw $(xr $r xzr), [$b, #16380]"
    echo "ldur $(xr $r xzr), [$b, #$(( r * 8 - 256 ))]"
    echo "stur $(wr $r wzr), [$b, #$(( 255 - r ))]"
    echo "ldursh $(wr $r wzr), [$b, #-$r]"
    echo "sturb $(wr $r wzr), [$b]"
    echo "ldr $(xr $r xzr), [$b, #$(( r * 8 - 256 ))]!"
    echo "str $(xr $r xzr), [$b], #$(( 255 - r * 8 ))"
    echo "ldrh $(wr $r wzr), [$b, #$r]!"
    echo "strb $(wr $r wzr), [$b], #-$r"
    echo "ldrsw $(xr $r xzr), [$b], #$(( r * 3 ))"
    echo "ldr $(xr $r xzr), [$b, $(xr $(( (r + 3) % 32 )) xzr), lsl #3]"
    echo "str $(wr $r wzr), [$b, $(wr $(( (r + 4) % 32 )) wzr), sxtw #2]"
    echo "ldrb $(wr $r wzr), [$b, $(xr $(( (r + 5) % 32 )) xzr)]"
    echo "ldrsh $(xr $r xzr), [$b, $(wr $(( (r + 6) % 32 )) wzr), uxtw]"
    echo "ldp $(xr $r xzr), $(xr $(( (r + 1) % 32 )) xzr), [$b, #$(( r * 16 - 256 ))]"
    echo "stp $(wr $r wzr), $(wr $(( (r + 2) % 32 )) wzr), [$b, #$(( r * 4 ))]!"
    echo "stp $(xr $r xzr), $(xr $(( (r + 3) % 32 )) xzr), [$b], #-$(( r * 8 ))"
    echo "ldpsw $(xr $r xzr), $(xr $(( (r + 4) % 32 )) xzr), [$b, #$(( r * 4 - 128 ))]"
  done
  local o a m k
  for o in uxtw lsl sxtw sxtx; do
    m=w; case $o in lsl|sxtx) m=x ;; esac
    for k in "strb w1:0" "ldrb w1:0" "ldrsb x1:0" "ldrsb w1:0" "strh w1:1" "ldrh w1:1" "ldrsh x1:1" "ldrsh w1:1" \
             "str w1:2" "ldr w1:2" "ldrsw x1:2" "str x1:3" "ldr x1:3"; do
      local insn=${k%%:*} sh=${k##*:}
      for a in 0 "$sh"; do echo "$insn, [x2, ${m}3, $o #$a]"; done
      [ "$o" = lsl ] && echo "$insn, [sp, x3]" || echo "$insn, [x2, ${m}3, $o]"
    done
  done
  for sz in "ldrb w1" "ldrh w1" "ldr w1" "ldr x1" "ldrsb x1" "ldrsb w1" "ldrsh x1" "ldrsh w1" "ldrsw x1" \
            "strb w1" "strh w1" "str w1" "str x1"; do
    echo "$sz, [x2, #0]!"; echo "$sz, [x2], #0"; echo "$sz, [x2, #-256]!"; echo "$sz, [x2], #255"
    local u=${sz/ldr/ldur}; u=${u/str/stur}; echo "$u, [x2, #0]"; echo "$u, [sp, #-256]"; echo "$u, [x2, #255]"
  done
  for a in 0 4 -4 0xffffc -0x100000; do echo "ldr x1, .+$a"; echo "ldr w2, .+$a"; echo "ldrsw x3, .+$a"; done
  for a in -512 0 8 504; do echo "ldp x1, x2, [x3, #$a]"; echo "stp x1, x2, [sp, #$a]!"; echo "ldp x1, x2, [x3], #$a"; done
  for a in -256 0 4 252; do echo "ldp w1, w2, [x3, #$a]"; echo "stp w1, w2, [sp, #$a]!"; echo "ldpsw x1, x2, [x3], #$a"; done
}

gen_branch() {
  local r c a
  for a in 0 4 -4 0x7fffffc -0x8000000 0x1000; do echo "b .+$a"; echo "bl .+$a"; done
  for c in eq ne cs cc mi pl vs vc hi ls ge lt gt le al nv; do
    for a in 0 8 -8 0xffffc -0x100000; do echo "b.$c .+$a"; done
  done
  for r in $(seq 0 31); do
    echo "cbz $(xr $r xzr), .+$(( r * 4 - 64 ))"; echo "cbnz $(wr $r wzr), .+$(( r * 16 ))"
    echo "tbz $(wr $r wzr), #$r, .+$(( r * 4 ))"; echo "tbnz $(xr $r xzr), #$(( r + 32 )), .-$(( r * 4 ))"
    echo "tbz $(xr $r xzr), #$(( 63 - r )), .+0x7ffc"; echo "tbnz $(wr $r wzr), #$(( 31 - r )), .-0x8000"
    echo "br $(xr $r xzr)"; echo "blr $(xr $r xzr)"; echo "ret $(xr $r xzr)"
  done
  echo "cbz x1, .+0xffffc"; echo "cbnz w1, .-0x100000"
  for a in 0 1 0xea1 0xffff 0x1234; do echo "svc #$a"; echo "hvc #$a"; echo "brk #$a"; echo "udf #$(( (a + 1) & 0xffff ))"; done
  for a in $(seq 0 127); do echo "hint #$a"; done
  for a in $(seq 0 15); do echo "dsb #$a"; echo "dmb #$a"; echo "isb #$a"; echo "clrex #$a"; done
  for a in $(seq 0 15); do echo "msr daifset, #$a"; echo "msr daifclr, #$a"; done
  for r in $(seq 0 31); do
    echo "mrs $(xr $r xzr), nzcv"; echo "msr nzcv, $(xr $r xzr)"; echo "mrs $(xr $r xzr), daif"
    echo "msr daif, $(xr $r xzr)"; echo "mrs $(xr $r xzr), currentel"
  done
  echo ".inst 0xd50330ff   // sb (FEAT_SB: as needs -march for the mnemonic)"; echo "dsb sy"; echo "dmb ish"; echo "isb"; echo "clrex"
}

gen_system() {
  # System registers (MRS/MSR), PSTATE immediates, ERET and the SYS aliases (TLBI, AT, DC, IC) of the EL1 model.
  local r n
  local regs=(nzcv daif currentel spsel sp_el0 elr_el1 spsr_el1 esr_el1 far_el1 vbar_el1 sctlr_el1 tcr_el1
    ttbr0_el1 ttbr1_el1 mair_el1 contextidr_el1 tpidr_el0 tpidr_el1 tpidrro_el0 par_el1 cntfrq_el0 cntvct_el0
    cntpct_el0 cntv_ctl_el0 cntv_cval_el0 cntv_tval_el0 cntp_ctl_el0 cntp_cval_el0 cntp_tval_el0 cntkctl_el1
    midr_el1 mpidr_el1 amair_el1 actlr_el1 cpacr_el1 afsr0_el1 afsr1_el1 dczid_el0 id_aa64pfr0_el1 id_aa64mmfr0_el1
    id_aa64isar0_el1 fpcr fpsr)
  local readonly=" currentel cntvct_el0 cntpct_el0 midr_el1 mpidr_el1 dczid_el0 id_aa64pfr0_el1 id_aa64mmfr0_el1 id_aa64isar0_el1 "
  for n in 0 7 19 30 31; do
    for r in "${regs[@]}"; do
      echo "mrs $(xr $n xzr), $r"
      [[ "$readonly" == *" $r "* ]] || echo "msr $r, $(xr $n xzr)"
    done
  done
  for n in $(seq 0 15); do echo "msr daifset, #$n"; echo "msr daifclr, #$n"; done
  echo "msr spsel, #0"; echo "msr spsel, #1"; echo "eret"
  for n in 0 1 17 30 31; do
    for r in vae1 vae1is aside1 aside1is vaae1 vaae1is vale1 vale1is vaale1 vaale1is; do echo "tlbi $r, $(xr $n xzr)"; done
    for r in s1e1r s1e1w s1e0r s1e0w; do echo "at $r, $(xr $n xzr)"; done
    for r in ivac isw csw cisw cvac cvau civac; do echo "dc $r, $(xr $n xzr)"; done
    echo "ic ivau, $(xr $n xzr)"
  done
  echo "tlbi vmalle1"; echo "tlbi vmalle1is"; echo "ic iallu"; echo "ic ialluis"
}

gen_atomic() {
  # Exclusives, load-acquire/store-release and the LSE atomics, every size and ordering, several registers.
  local t n s b a sz w
  for t in 0 5 30 31; do
    n=$(( (t + 3) % 32 )); s=$(( (t + 7) % 31 ))
    for sz in b h "" x; do
      w=$([ "$sz" = x ] && xr $t xzr || wr $t wzr); b=$([ "$sz" = x ] && echo "" || echo "$sz")
      for a in "" a; do echo "ld${a}xr$b $w, [$(xr $n sp)]"; done
      for a in "" l; do echo "st${a}xr$b w$s, $w, [$(xr $n sp)]"; done
      echo "ldar$b $w, [$(xr $n sp)]"; echo "stlr$b $w, [$(xr $n sp)]"
      echo "ldlar$b $w, [$(xr $n sp)]"; echo "stllr$b $w, [$(xr $n sp)]"
      local ws=$([ "$sz" = x ] && xr $s xzr || wr $s wzr)
      for a in "" a l al; do
        echo "cas$a$b $ws, $w, [$(xr $n sp)]"
        echo "swp$a$b $ws, $w, [$(xr $n sp)]"
        for op in add clr eor set smax smin umax umin; do echo "ld$op$a$b $ws, $w, [$(xr $n sp)]"; done
      done
      for a in "" l; do for op in add clr eor set smax smin umax umin; do echo "st$op$a$b $ws, [$(xr $n sp)]"; done; done
    done
    for a in "" a; do
      echo "ld${a}xp x$(( t % 30 )), x$(( (t + 1) % 30 )), [$(xr $n sp)]"; echo "ld${a}xp w$(( t % 30 )), w$(( (t + 2) % 30 )), [$(xr $n sp)]"
    done
    for a in "" l; do
      echo "st${a}xp w$s, x$(( t % 30 )), x$(( (t + 1) % 30 )), [$(xr $n sp)]"; echo "st${a}xp w$s, w$(( t % 30 )), w4, [$(xr $n sp)]"
    done
    for a in "" a l al; do
      echo "casp$a x$(( t / 2 * 2 % 30 )), x$(( t / 2 * 2 % 30 + 1 )), x2, x3, [$(xr $n sp)]"
      echo "casp$a w4, w5, w$(( t / 2 * 2 % 30 )), w$(( t / 2 * 2 % 30 + 1 )), [$(xr $n sp)]"
    done
  done
  echo "clrex"
}

gen_undefined() {
  # Unallocated encodings in the classes the decoder knows, and some outside everything it decodes. Each is
  # followed by a NOP so that no run of zero bytes gets long enough for objdump to elide it.
  local w
  for w in 0xffffffff 0x00010000 0x0000ffff 0x12c00000 0x13400000 0x93000000 0x53800000 0xd3000000 \
           0x1b000000 0x1ba00000 0x92e00000 0x12c00000 0x9a800800 0x3a400c00 0x7a400410 0xab600000 \
           0x8b201c00 0x0bc00000 0x1ac00000 0x1ac01000 0x1ac03000 0xf8800c00 0x78c00c00 0x39c00000 \
           0xb9800000 0xf8604800 0xe9400000 0x68000000 \
           0xd4000004 0xd4200001 0xd61f0001 0xd63f0400 0xd65f0401 0x7ac00000 0x3ac00000; do
    echo ".inst $w"
    echo "nop"
  done
}

gen_random() {
  # Random encodings inside every pattern of the decode table (mask/match as in A64Patterns), $PER_PATTERN per
  # pattern, from a fixed-seed xorshift32 so that the corpus is reproducible on any machine.
  local state=2463534242 pat mask match k
  local patterns=(
    "0xFFFF0000 0x00000000" "0x9F000000 0x10000000" "0x9F000000 0x90000000" "0x7F800000 0x11000000"
    "0x7F800000 0x31000000" "0x7F800000 0x51000000" "0x7F800000 0x71000000" "0x7F800000 0x12000000"
    "0x7F800000 0x32000000" "0x7F800000 0x52000000" "0x7F800000 0x72000000" "0x7F800000 0x12800000"
    "0x7F800000 0x52800000" "0x7F800000 0x72800000" "0x7F800000 0x13000000" "0x7F800000 0x33000000"
    "0x7F800000 0x53000000" "0x7FA00000 0x13800000" "0xFC000000 0x14000000" "0xFC000000 0x94000000"
    "0xFF000010 0x54000000" "0x7F000000 0x34000000" "0x7F000000 0x35000000" "0x7F000000 0x36000000"
    "0x7F000000 0x37000000" "0xFFE0001F 0xD4000001" "0xFFE0001F 0xD4000002" "0xFFE0001F 0xD4200000"
    "0xFFFFF01F 0xD503201F" "0xFFFFFC1F 0xD61F0000" "0xFFFFFC1F 0xD63F0000" "0xFFFFFC1F 0xD65F0000"
    "0x3F000000 0x18000000" "0x3F800000 0x28800000" "0x3F800000 0x29000000" "0x3F800000 0x29800000"
    "0x3F200C00 0x38000000" "0x3F200C00 0x38000400" "0x3F200C00 0x38000C00" "0x3F200C00 0x38200800"
    "0x3F000000 0x39000000" "0x7F200000 0x0A000000" "0x7F200000 0x0A200000" "0x7F200000 0x2A000000"
    "0x7F200000 0x2A200000" "0x7F200000 0x4A000000" "0x7F200000 0x4A200000" "0x7F200000 0x6A000000"
    "0x7F200000 0x6A200000" "0x7F200000 0x0B000000" "0x7F200000 0x2B000000" "0x7F200000 0x4B000000"
    "0x7F200000 0x6B000000" "0x7FE00000 0x0B200000" "0x7FE00000 0x2B200000" "0x7FE00000 0x4B200000"
    "0x7FE00000 0x6B200000" "0x7FE00C10 0x3A400000" "0x7FE00C10 0x3A400800" "0x7FE00C10 0x7A400000"
    "0x7FE00C10 0x7A400800" "0x7FE00C00 0x1A800000" "0x7FE00C00 0x1A800400" "0x7FE00C00 0x5A800000"
    "0x7FE00C00 0x5A800400" "0x7FE0FC00 0x1AC00800" "0x7FE0FC00 0x1AC00C00" "0x7FE0FC00 0x1AC02000"
    "0x7FE0FC00 0x1AC02400" "0x7FE0FC00 0x1AC02800" "0x7FE0FC00 0x1AC02C00" "0x7FE08000 0x1B000000"
    "0x7FE08000 0x1B008000" "0xFFE08000 0x9B200000" "0xFFE08000 0x9B208000" "0xFFE08000 0x9BA00000"
    "0xFFE08000 0x9BA08000" "0xFFE08000 0x9B400000" "0xFFE08000 0x9BC00000" "0x7FFFFC00 0x5AC00000"
    "0x7FFFFC00 0x5AC00400" "0xFFFFFC00 0x5AC00800" "0xFFFFFC00 0xDAC00800" "0xFFFFFC00 0xDAC00C00"
    "0x7FFFFC00 0x5AC01000" "0x7FFFFC00 0x5AC01400" "0xFFFFF0FF 0xD503305F" "0xFFFFF0FF 0xD503309F"
    "0xFFFFF0FF 0xD50330BF" "0xFFFFF0FF 0xD50330DF"
    "0x3FE00000 0x08000000" "0x3FE00000 0x08400000" "0xBFE00000 0x88200000" "0xBFE00000 0x88600000"
    "0xBFA07C00 0x08207C00" "0x3FE00000 0x08800000" "0x3FE00000 0x08C00000" "0x3FA07C00 0x08A07C00"
    "0x3F20FC00 0x38200000" "0x3F20FC00 0x38201000" "0x3F20FC00 0x38202000" "0x3F20FC00 0x38203000"
    "0x3F20FC00 0x38204000" "0x3F20FC00 0x38205000" "0x3F20FC00 0x38206000" "0x3F20FC00 0x38207000"
    "0x3F20FC00 0x38208000"
    "0x7FE0FC00 0x1A000000" "0x7FE0FC00 0x3A000000" "0x7FE0FC00 0x5A000000" "0x7FE0FC00 0x7A000000"
    "0x7FE0E000 0x1AC04000")
  for pat in "${patterns[@]}"; do
    read -r mask match <<< "$pat"
    for k in $(seq "$PER_PATTERN"); do
      state=$(( state ^ ((state << 13) & 0xFFFFFFFF) )); state=$(( state ^ (state >> 17) ))
      state=$(( state ^ ((state << 5) & 0xFFFFFFFF) ))
      printf '.inst 0x%08x\n' $(( (match | (state & ~mask)) & 0xFFFFFFFF ))
    done
  done
}

gen_simd() {
  # SIMD&FP: every scalar FP form on both types, conversions, FMOV in all its shapes, SIMD&FP loads and stores in
  # every addressing form and size, and the Advanced SIMD forms of SimdPatterns with their aliases.
  local t r n m a c sz q
  for t in s d; do
    for r in 0 7 31; do
      n=$(( (r + 1) % 32 )); m=$(( (r + 9) % 32 )); a=$(( (r + 17) % 32 ))
      for op in fadd fsub fmul fdiv fmax fmin fmaxnm fminnm fnmul; do echo "$op $t$r, $t$n, $t$m"; done
      for op in fmadd fmsub fnmadd fnmsub; do echo "$op $t$r, $t$n, $t$m, $t$a"; done
      for op in fmov fabs fneg fsqrt frintn frintp frintm frintz frinta frintx frinti; do echo "$op $t$r, $t$n"; done
      echo "fcmp $t$r, $t$n"; echo "fcmpe $t$r, $t$n"; echo "fcmp $t$r, #0.0"; echo "fcmpe $t$r, #0.0"
      for c in eq ne hs lo mi pl vs vc hi ls ge lt gt le al nv; do
        echo "fccmp $t$r, $t$n, #$(( r % 16 )), $c"; echo "fccmpe $t$n, $t$m, #15, $c"; echo "fcsel $t$r, $t$n, $t$m, $c"
      done
      for op in fcvtns fcvtnu fcvtas fcvtau fcvtps fcvtpu fcvtms fcvtmu fcvtzs fcvtzu; do
        echo "$op $(wr $r wzr), $t$n"; echo "$op $(xr $r xzr), $t$n"
      done
      for op in scvtf ucvtf; do echo "$op $t$r, $(wr $n wzr)"; echo "$op $t$r, $(xr $n xzr)"; done
    done
    for a in 1.0 -1.0 0.125 31.0 -2.5 0.1875 17.0 1.9375; do echo "fmov ${t}3, #$a"; done
  done
  for r in 0 5 31; do
    echo "fcvt d$r, s$(( (r + 3) % 32 ))"; echo "fcvt s$r, d$(( (r + 4) % 32 ))"
    echo "fmov s$r, $(wr $r wzr)"; echo "fmov $(wr $r wzr), s$r"; echo "fmov d$r, $(xr $r xzr)"; echo "fmov $(xr $r xzr), d$r"
    echo "fmov v$r.d[1], $(xr $r xzr)"; echo "fmov $(xr $r xzr), v$r.d[1]"
    # Half precision as base ARMv8.0 has it: FCVT to and from H, FCVTL/FCVTN (FEAT_FP16 arithmetic is not decoded)
    echo "fcvt h$r, s$(( (r + 1) % 32 ))"; echo "fcvt h$r, d$(( (r + 2) % 32 ))"
    echo "fcvt s$r, h$(( (r + 3) % 32 ))"; echo "fcvt d$r, h$(( (r + 4) % 32 ))"
    echo "fcvtl v$r.4s, v$(( (r + 1) % 32 )).4h"; echo "fcvtl2 v$r.4s, v$(( (r + 2) % 32 )).8h"
    echo "fcvtl v$r.2d, v$(( (r + 3) % 32 )).2s"; echo "fcvtl2 v$r.2d, v$(( (r + 4) % 32 )).4s"
    echo "fcvtn v$r.4h, v$(( (r + 1) % 32 )).4s"; echo "fcvtn2 v$r.8h, v$(( (r + 2) % 32 )).4s"
    echo "fcvtn v$r.2s, v$(( (r + 3) % 32 )).2d"; echo "fcvtn2 v$r.4s, v$(( (r + 4) % 32 )).2d"
  done
  for sz in b h s d q; do
    local scale; case $sz in b) scale=1 ;; h) scale=2 ;; s) scale=4 ;; d) scale=8 ;; q) scale=16 ;; esac
    for r in 0 31; do
      echo "ldr $sz$r, [x1]"; echo "str $sz$r, [sp, #$(( 4095 * scale ))]"; echo "ldr $sz$r, [x2, #$(( 7 * scale ))]"
      echo "ldur $sz$r, [x3, #-256]"; echo "stur $sz$r, [x3, #255]"
      echo "ldr $sz$r, [x4, #-256]!"; echo "str $sz$r, [x4], #255"; echo "str $sz$r, [sp, #16]!"
      echo "ldr $sz$r, [x5, x6]"; echo "str $sz$r, [x5, w6, uxtw]"; echo "ldr $sz$r, [x5, w6, sxtw]"; echo "ldr $sz$r, [x5, x6, sxtx]"
    done
    local sh; case $sz in b) sh=0 ;; h) sh=1 ;; s) sh=2 ;; d) sh=3 ;; q) sh=4 ;; esac
    echo "ldr $sz$r, [x5, x6, lsl #$sh]"; echo "str $sz$r, [x5, w6, sxtw #$sh]"; echo "ldr $sz$r, [x5, w6, uxtw #$sh]"
  done
  for sz in s d q; do
    local scale; case $sz in s) scale=4 ;; d) scale=8 ;; q) scale=16 ;; esac
    echo "ldr ${sz}1, .+$(( 4 * 17 ))"; echo "ldr ${sz}2, .-$(( 4 * 33 ))"
    echo "ldp ${sz}0, ${sz}1, [x0, #$(( -64 * scale ))]"; echo "stp ${sz}30, ${sz}31, [sp, #$(( 63 * scale ))]!"
    echo "ldp ${sz}2, ${sz}3, [x4], #$(( 8 * scale ))"; echo "stp ${sz}2, ${sz}3, [x4]"
  done
  # Advanced SIMD
  for q in 0 1; do
    local b=$([ $q = 1 ] && echo 16b || echo 8b) h=$([ $q = 1 ] && echo 8h || echo 4h) s=$([ $q = 1 ] && echo 4s || echo 2s)
    for r in 0 17 31; do
      n=$(( (r + 1) % 32 )); m=$(( (r + 2) % 32 ))
      for a in $b $h $s; do
        for op in add sub cmtst cmeq cmgt cmhi cmge cmhs smax umax smin umin smaxp umaxp sminp uminp addp mul uzp1 uzp2 trn1 trn2 zip1 zip2; do
          echo "$op v$r.$a, v$n.$a, v$m.$a"
        done
        for op in cmgt cmge cmeq cmle cmlt; do echo "$op v$r.$a, v$n.$a, #0"; done
        echo "abs v$r.$a, v$n.$a"; echo "neg v$r.$a, v$n.$a"
      done
      for op in and bic orr orn eor bsl bit bif; do echo "$op v$r.$b, v$n.$b, v$m.$b"; done
      echo "mov v$r.$b, v$n.$b"; echo "mvn v$r.$b, v$n.$b"; echo "cnt v$r.$b, v$n.$b"; echo "rbit v$r.$b, v$n.$b"
      echo "rev64 v$r.$b, v$n.$b"; echo "rev64 v$r.$h, v$n.$h"; echo "rev64 v$r.$s, v$n.$s"
      echo "rev32 v$r.$b, v$n.$b"; echo "rev32 v$r.$h, v$n.$h"; echo "rev16 v$r.$b, v$n.$b"
      echo "ext v$r.$b, v$n.$b, v$m.$b, #$(( r % 8 ))"
      echo "tbl v$r.$b, {v$n.16b}, v$m.$b"; echo "tbx v$r.$b, {v$n.16b, v$(( (n + 1) % 32 )).16b}, v$m.$b"
      echo "tbl v$r.$b, {v$n.16b, v$(( (n + 1) % 32 )).16b, v$(( (n + 2) % 32 )).16b}, v$m.$b"
      echo "tbx v$r.$b, {v$n.16b, v$(( (n + 1) % 32 )).16b, v$(( (n + 2) % 32 )).16b, v$(( (n + 3) % 32 )).16b}, v$m.$b"
      for op in addv smaxv umaxv sminv uminv; do echo "$op b$r, v$n.$b"; echo "$op h$r, v$n.$h"; done
      echo "saddlv h$r, v$n.$b"; echo "uaddlv s$r, v$n.$h"
      local two=$([ $q = 1 ] && echo 2 || echo "")
      echo "xtn$two v$r.$b, v$n.8h"; echo "xtn$two v$r.$h, v$n.4s"; echo "xtn$two v$r.$s, v$n.2d"
      echo "shrn$two v$r.$b, v$n.8h, #3"; echo "shrn$two v$r.$s, v$n.2d, #32"
      echo "sshll$two v$r.8h, v$n.$b, #7"; echo "ushll$two v$r.4s, v$n.$h, #0"; echo "sxtl$two v$r.2d, v$n.$s"
      for op in sshr ushr ssra usra; do echo "$op v$r.$b, v$n.$b, #8"; echo "$op v$r.$h, v$n.$h, #1"; echo "$op v$r.$s, v$n.$s, #17"; done
      echo "shl v$r.$b, v$n.$b, #7"; echo "shl v$r.$s, v$n.$s, #0"
      echo "dup v$r.$b, v$n.b[$(( r % 8 ))]"; echo "dup v$r.$s, v$n.s[3]"; echo "dup v$r.$h, $(wr $n wzr)"
      echo "movi v$r.$b, #$(( r * 8 ))"; echo "movi v$r.$s, #0xab, lsl #24"; echo "movi v$r.$h, #0x7f, lsl #8"
      echo "mvni v$r.$s, #0x1, msl #16"; echo "orr v$r.$s, #0xff, lsl #8"; echo "bic v$r.$h, #0x3"
      echo "fmov v$r.$s, #-1.5"
    done
  done
  for r in 0 17 31; do
    n=$(( (r + 1) % 32 ))
    echo "add v$r.2d, v$n.2d, v$r.2d"; echo "cmhs v$r.2d, v$n.2d, v$r.2d"; echo "addp v$r.2d, v$n.2d, v$r.2d"
    echo "ushr v$r.2d, v$n.2d, #64"; echo "sshr v$r.2d, v$n.2d, #1"; echo "shl v$r.2d, v$n.2d, #63"; echo "usra v$r.2d, v$n.2d, #9"
    echo "dup v$r.2d, v$n.d[1]"; echo "dup v$r.2d, $(xr $n xzr)"; echo "addp d$r, v$n.2d"; echo "movi d$r, #0xff00ff00ff00ff00"
    echo "movi v$r.2d, #0xffffffffffffffff"; echo "fmov v$r.2d, #0.5"
    for a in 0 1 15; do echo "mov v$r.b[$a], $(wr $n wzr)"; echo "umov $(wr $r wzr), v$n.b[$a]"; echo "smov $(xr $r xzr), v$n.b[$a]"; done
    for a in 0 3 7; do echo "mov v$r.h[$a], $(wr $n wzr)"; echo "umov $(wr $r wzr), v$n.h[$a]"; echo "smov $(wr $r wzr), v$n.h[$a]"; done
    for a in 0 3; do echo "mov v$r.s[$a], $(wr $n wzr)"; echo "mov $(wr $r wzr), v$n.s[$a]"; echo "smov $(xr $r xzr), v$n.s[$a]"; done
    for a in 0 1; do echo "mov v$r.d[$a], $(xr $n xzr)"; echo "mov $(xr $r xzr), v$n.d[$a]"; done
    echo "mov v$r.s[2], v$n.s[1]"; echo "mov v$r.b[15], v$n.b[0]"; echo "mov v$r.d[0], v$n.d[1]"; echo "mov v$r.h[4], v$n.h[7]"
    echo "mov b$r, v$n.b[9]"; echo "mov h$r, v$n.h[3]"; echo "mov s$r, v$n.s[3]"; echo "mov d$r, v$n.d[1]"
  done
}

# Random words inside every pattern of SimdPatterns.java (its p(OP, mask, match, ...) rows, read from the source),
# SIMD_PER_PATTERN per pattern, from another fixed-seed xorshift32.
gen_random_simd() {
  local state=88675123 mask match k
  local src=../../../../main/java/org/polyvisor/isa/arm64/decode/SimdPatterns.java
  grep -oE 'p\([A-Za-z0-9_]+, 0x[0-9A-F]{8}, 0x[0-9A-F]{8}' "$src" | awk -F', ' '{ print $2, $3 }' | while read -r mask match; do
    for k in $(seq "$SIMD_PER_PATTERN"); do
      state=$(( state ^ ((state << 13) & 0xFFFFFFFF) )); state=$(( state ^ (state >> 17) ))
      state=$(( state ^ ((state << 5) & 0xFFFFFFFF) ))
      printf '.inst 0x%08x\n' $(( (match | (state & ~mask)) & 0xFFFFFFFF ))
    done
  done
}

# Keeps the lines of the random source that objdump decodes as an instruction the decoder implements: drops what
# objdump leaves undefined (".inst": the hand-written undefined corpus covers those) and what the decoder
# deliberately leaves undefined for now (prefetches, MTE's STGP), which random words inside a pattern land on.
drop_unsupported() {
  local src=$1 tmp=$2
  "$AS" -o "$tmp/probe.o" "$src"
  "$OBJCOPY" -O binary -j .text "$tmp/probe.o" "$tmp/probe.bin"
  "$OBJDUMP" -D -b binary -m aarch64 "$tmp/probe.bin" | grep -E '^ *[0-9a-f]+:' \
    | awk -F'\t' '{ print ($3 ~ /^(prfm|prfum|stgp)$/) ? "drop" : ($3 == ".inst") ? "undef" : "keep" }' > "$tmp/verdict"
  paste -d'\t' "$tmp/verdict" "$src" | awk -F'\t' '$1 == "keep" { print $2 }' > "$tmp/kept.s"
  # Every 5th word objdump leaves undefined becomes the random-undefined kind (unallocated fields inside patterns).
  paste -d'\t' "$tmp/verdict" "$src" | awk -F'\t' '$1 == "undef" && n++ % 5 == 0 { print $2 }' > "$tmp/${3:-random}-undefined.s"
  mv "$tmp/kept.s" "$src"
}

# Output per kind: <kind>.bin.gz (the code) and <kind>.objdump.gz (objdump's listing lines), plus <kind>.S for the
# hand-written kinds (the random one is its .bin). objdump widens its address column to 8 digits once a section
# reaches 0x1000 bytes, so each kind is listed in chunks of 1000 instructions, every chunk from address 0; the
# test disassembles the same chunks. corpus.list names the kinds for the JUnit test.
PER_PATTERN=${PER_PATTERN:-480}
SIMD_PER_PATTERN=${SIMD_PER_PATTERN:-160}
rm -f ./*.S ./*.bin ./*.objdump ./*.gz corpus.list
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for kind in dataproc loadstore branch system atomic undefined random random-undefined simd random-simd random-simd-undefined; do
  case $kind in
    random) gen_random > "$tmp/$kind.s"; drop_unsupported "$tmp/$kind.s" "$tmp" ;;
    random-simd) gen_random_simd > "$tmp/$kind.s"; drop_unsupported "$tmp/$kind.s" "$tmp" random-simd ;;
    random-undefined|random-simd-undefined) ;;   # written by drop_unsupported above
    *) "gen_$kind" > "$tmp/$kind.s" ;;
  esac
  { echo ".arch armv8.1-a+crc"; cat "$tmp/$kind.s"; } > "$tmp/$kind.S"
  case $kind in random*) ;; *) cp "$tmp/$kind.S" "$kind.S" ;; esac
  "$AS" -o "$tmp/$kind.o" "$tmp/$kind.S"
  "$OBJCOPY" -O binary -j .text "$tmp/$kind.o" "$tmp/$kind.bin"
  split -b 4000 -d -a 3 "$tmp/$kind.bin" "$tmp/$kind.chunk-"
  : > "$tmp/$kind.objdump"
  for part in "$tmp/$kind".chunk-*; do
    # Keep the listing lines only: "<address>:<tab>..." (objdump's headers and blank lines go).
    "$OBJDUMP" -D -b binary -m aarch64 "$part" | grep -E '^ *[0-9a-f]+:' >> "$tmp/$kind.objdump"
  done
  gzip -9n < "$tmp/$kind.bin" > "$kind.bin.gz"
  gzip -9n < "$tmp/$kind.objdump" > "$kind.objdump.gz"
  echo "$kind" >> corpus.list
  echo "$kind: $(wc -l < "$tmp/$kind.objdump") instructions"
done
