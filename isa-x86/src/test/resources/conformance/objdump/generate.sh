#!/usr/bin/env bash
# Regenerates the x86 (IA-32) disassembly conformance corpus: writes x86.s (many variants of every instruction
# form the interpreter knows, plus truly undefined encodings), assembles it with GNU as, and keeps
#   x86-NN.bin      the raw bytes of piece NN (objcopy -O binary)
#   x86-NN.objdump  the listing lines of `objdump -D -b binary -m i386 x86-NN.bin`, headers stripped
# Needs binutils-i686-linux-gnu and binutils-multiarch (or any objdump that knows i386). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")"
name=x86
AS=${AS:-i686-linux-gnu-as}
OBJCOPY=${OBJCOPY:-i686-linux-gnu-objcopy}
OBJDUMP=${OBJDUMP:-objdump}
ASFLAGS="--32"
ARCH=i386

r32=(eax ecx edx ebx esp ebp esi edi)
r16=(ax cx dx bx sp bp si di)
r8=(al cl dl bl ah ch dh bh)
alu=(add or adc sbb and sub xor cmp)
cc=(o no b ae e ne be a s ns p np l ge le g)
imm32=(0 1 0x7f -0x80 0x80 0xff 0x100 0x7fffffff -0x80000000 -1 0x12345678)
imm8=(0 1 0x7f 0x80 0xff -1)
imm16=(0 1 0x7f -0x80 0x80 0x7fff -0x8000 -1)
# Memory operands: every base, every index and scale, displacements at the edges, absolute, segment overrides.
mem=("(%eax)" "(%ecx)" "(%edx)" "(%ebx)" "(%esp)" "0x0(%ebp)" "(%esi)" "(%edi)"
     "0x7f(%eax)" "-0x80(%ebx)" "0x80(%ecx)" "-0x81(%edx)" "0x12345678(%esi)" "-0x12345678(%edi)" "0x7fffffff(%ebp)"
     "-0x80000000(%eax)" "8(%esp)" "-4(%ebp)" "(%eax,%ebx,1)" "(%ecx,%edx,2)" "(%esp,%esi,4)" "(%ebp,%edi,8)"
     "0x10(%eax,%ecx,4)" "-0x10(%esp,%eax,8)" "0x1000(%ebx,%ebp,2)" "0x0(,%eax,1)" "0x10(,%ecx,2)"
     "-0x10(,%esi,4)" "0x12345678(,%edi,8)" "0x1234" "0xffffff80" "0x80000000" "%es:(%eax)" "%cs:0x10(%ebx)"
     "%ss:(%esp)" "%ds:-8(%ebp)" "%fs:0x0" "%gs:0x30(%eax,%ebx,4)")

{
echo "    .code32"
echo "    .text"
for op in "${alu[@]}" test; do
  for s in "${r32[@]}"; do for d in "${r32[@]}"; do echo "    $op %$s,%$d"; done; done
  for s in "${r8[@]}"; do echo "    $op %$s,%bl"; echo "    $op %dh,%$s"; done
  for s in "${r16[@]}"; do echo "    $op %$s,%cx"; done
  for m in "${mem[@]}"; do
    echo "    $op %eax,$m"; echo "    $op %cl,$m"; echo "    $op %dx,$m"
    [ "$op" = test ] || { echo "    $op $m,%esi"; echo "    $op $m,%bh"; echo "    $op $m,%di"; }
  done
  for i in "${imm32[@]}"; do echo "    $op \$$i,%eax"; echo "    $op \$$i,%ebx"; echo "    ${op}l \$$i,0x10(%eax)"; done
  for i in "${imm8[@]}"; do echo "    $op \$$i,%al"; echo "    $op \$$i,%dh"; echo "    ${op}b \$$i,(%esi)"; done
  for i in "${imm16[@]}"; do echo "    $op \$$i,%ax"; echo "    $op \$$i,%bp"; echo "    ${op}w \$$i,-8(%ebp)"; done
done
# 82 is an alias of 80 outside long mode; F6 /1 and F7 /1 of TEST.
echo "    .byte 0x82,0xc0,0x01"; echo "    .byte 0x82,0x38,0x80"
echo "    .byte 0xf6,0xc8,0x01"; echo "    .byte 0xf7,0xc9,0x78,0x56,0x34,0x12"
for s in "${r32[@]}"; do for d in "${r32[@]}"; do echo "    mov %$s,%$d"; done; done
for s in "${r8[@]}"; do for d in "${r8[@]}"; do echo "    mov %$s,%$d"; done; done
for s in "${r16[@]}"; do echo "    mov %$s,%si"; done
for m in "${mem[@]}"; do
  echo "    mov %ebx,$m"; echo "    mov $m,%ecx"; echo "    mov %ah,$m"; echo "    mov $m,%dl"; echo "    mov %sp,$m"; echo "    mov $m,%bp"
  echo "    movl \$0x12345678,$m"; echo "    movb \$0x80,$m"; echo "    movw \$-2,$m"; echo "    lea $m,%eax"; echo "    lea $m,%edi"
  for x in movzbl movzwl movsbl movswl movzbw movsbw; do echo "    $x $m,%edx"; done 2>/dev/null | sed 's/movzbw \(.*\),%edx/movzbw \1,%dx/; s/movsbw \(.*\),%edx/movsbw \1,%dx/'
done
for d in "${r32[@]}"; do for i in "${imm32[@]}"; do echo "    mov \$$i,%$d"; done; done
for d in "${r8[@]}"; do for i in "${imm8[@]}"; do echo "    mov \$$i,%$d"; done; done
for d in "${r16[@]}"; do echo "    mov \$0x1234,%$d"; done
for s in "${r8[@]}"; do for d in "${r32[@]}"; do echo "    movzbl %$s,%$d"; echo "    movsbl %$s,%$d"; done; echo "    movzbw %$s,%ax"; echo "    movsbw %$s,%di"; done
for s in "${r16[@]}"; do for d in "${r32[@]}"; do echo "    movzwl %$s,%$d"; echo "    movswl %$s,%$d"; done; done
for op in inc dec neg not; do
  for d in "${r32[@]}"; do echo "    $op %$d"; done
  for d in "${r8[@]}"; do echo "    $op %$d"; done
  for d in "${r16[@]}"; do echo "    $op %$d"; done
  for m in "${mem[@]}"; do echo "    ${op}l $m"; echo "    ${op}b $m"; echo "    ${op}w $m"; done
done
for op in rol ror shl shr sar; do
  for d in "${r32[@]}" ; do echo "    $op %$d"; echo "    $op %cl,%$d"; echo "    $op \$3,%$d"; echo "    $op \$31,%$d"; echo "    $op \$0xff,%$d"; done
  for d in "${r8[@]}"; do echo "    $op %$d"; echo "    $op %cl,%$d"; echo "    $op \$7,%$d"; done
  for d in "${r16[@]}"; do echo "    $op %$d"; echo "    $op %cl,%$d"; echo "    $op \$15,%$d"; done
  for m in "(%eax)" "0x10(%ebx,%ecx,4)" "-8(%ebp)" "0x1234"; do
    echo "    ${op}l $m"; echo "    ${op}b %cl,$m"; echo "    ${op}w \$2,$m"; echo "    ${op}l \$1,$m"
  done
done
echo "    .byte 0xd1,0xf0"; echo "    .byte 0xc0,0x30,0x05"     # /6 (SAL) prints as shl
for s in "${r32[@]}"; do for d in "${r32[@]}"; do echo "    imul %$s,%$d"; done; done
for m in "${mem[@]}"; do echo "    imul $m,%eax"; echo "    imul \$3,$m,%ecx"; echo "    imul \$0x12345,$m,%edx"; done
for i in "${imm32[@]}"; do echo "    imul \$$i,%eax,%ebx"; echo "    imul \$$i,%si,%di"; done
for d in "${r32[@]}"; do echo "    push %$d"; echo "    pop %$d"; echo "    push %${d#e}"; echo "    pop %${d#e}"; done
for i in "${imm32[@]}"; do echo "    push \$$i"; done
echo "    .byte 0x8f,0xc0"
for m in "${mem[@]}"; do echo "    push $m"; echo "    pop $m"; echo "    call *$m"; echo "    jmp *$m"; done
for d in "${r32[@]}"; do echo "    call *%$d"; echo "    jmp *%$d"; done
for c in "${cc[@]}"; do
  echo "    j$c .+2"; echo "    j$c .+0x81"; echo "    j$c .-0x7e"; echo "    j$c .-0x1000"; echo "    j$c .+0x12345678"
  echo "    set$c %al"; echo "    set$c %bh"; echo "    set$c (%eax)"; echo "    set$c 0x10(%esp,%ebx,2)"
  echo "    cmov$c %eax,%ebx"; echo "    cmov$c 8(%ebp),%edi"; echo "    cmov$c %si,%dx"
done
echo "    jmp .+2"; echo "    jmp .-0x80"; echo "    jmp .+0x1000"; echo "    jmp .-0x100000"
echo "    call .+5"; echo "    call .-0x1000"; echo "    call .+0x7fff0000"
echo "    ret"; echo "    ret \$4"; echo "    ret \$0xffff"; echo "    leave"
for s in "${r32[@]}"; do echo "    xchg %$s,%eax"; echo "    xchg %$s,%edx"; echo "    xchg %$s,(%ebx)"; done
for s in "${r8[@]}"; do echo "    xchg %$s,%cl"; done
echo "    xchg %ax,%ax"; echo "    xchg %bx,%si"
echo "    cwtl"; echo "    cltd"; echo "    cbtw"; echo "    cwtd"
echo "    nop"
for m in "(%eax)" "0x0(%eax)" "0x0(%eax,%eax,1)" "0x0(%eax,%eax,1)" "0x12345678(%eax,%eax,1)"; do echo "    nopl $m"; echo "    nopw $m"; done
echo "    .byte 0x0f,0x1f,0xc0"; echo "    .byte 0x0f,0x1f,0xc7"
echo "    hlt"; echo "    ud2"; echo "    int \$0x82"; echo "    int \$0x80"; echo "    int \$0"; echo "    int \$0xff"; echo "    int3"
echo "    cpuid"; echo "    cli"; echo "    sti"; echo "    cld"; echo "    std"; echo "    vmcall"
echo "    lock addl \$1,(%eax)"; echo "    lock incl 0x10(%ebx)"; echo "    lock xchg %eax,(%ecx)"; echo "    lock subb %al,(%edx)"
# The SIB forms objdump prints with %eiz.
echo "    .byte 0x8b,0x04,0x20"; echo "    .byte 0x8b,0x04,0x60"; echo "    .byte 0x8b,0x04,0x25,0x00,0x10,0x00,0x00"; echo "    .byte 0x8b,0x44,0x65,0x08"
echo "    clc"; echo "    stc"; echo "    cmc"; echo "    pushf"; echo "    popf"; echo "    pushfw"; echo "    popfw"; echo "    lahf"; echo "    sahf"
for op in mul imul div idiv; do
  for d in "${r8[@]}" "${r16[@]}" "${r32[@]}"; do echo "    $op %$d"; done
  for m in "${mem[@]}"; do echo "    ${op}b $m"; echo "    ${op}w $m"; echo "    ${op}l $m"; done
done
for d in "${r32[@]}"; do echo "    bswap %$d"; done
for p in "" "rep "; do
  for s in b w l; do echo "    ${p}movs$s %ds:(%esi),%es:(%edi)"; echo "    ${p}cmps$s %es:(%edi),%ds:(%esi)"; done
  for a in al ax eax; do echo "    ${p}stos %$a,%es:(%edi)"; echo "    ${p}lods %ds:(%esi),%$a"; echo "    ${p}scas %es:(%edi),%$a"; done
done
echo "    repnz scasb %es:(%edi),%al"; echo "    repnz cmpsb %es:(%edi),%ds:(%esi)"; echo "    movsb %fs:(%esi),%es:(%edi)"; echo "    lods %gs:(%esi),%al"
for a in al ax eax; do for port in 0 0x60 0x80 0xff; do echo "    in \$$port,%$a"; echo "    out %$a,\$$port"; done; echo "    in (%dx),%$a"; echo "    out %$a,(%dx)"; done
for s in "${r8[@]}"; do echo "    cmpxchg %$s,%bl"; echo "    xadd %$s,%dh"; done
for s in "${r32[@]}"; do echo "    cmpxchg %$s,%ebx"; echo "    xadd %$s,%eax"; done
for m in "${mem[@]}"; do echo "    cmpxchg %ecx,$m"; echo "    lock cmpxchg %dl,$m"; echo "    xadd %si,$m"; echo "    lock xadd %edi,$m"; done
for a in al ax eax; do for o in 0x0 0x1234 0x7fffffff 0x80000000 0xffffffff; do echo "    mov $o,%$a"; echo "    mov %$a,$o"; done; done
echo "    mov %fs:0x10,%eax"; echo "    mov %es:0x10,%al"; echo "    mov %eax,%gs:0x0"
for c in loop loope loopne jecxz; do echo "    $c .+2"; echo "    $c .-0x7e"; echo "    $c .+0x81"; done
for op in rcl rcr; do
  for d in "${r32[@]}" "${r8[@]}" "${r16[@]}"; do echo "    $op %$d"; echo "    $op %cl,%$d"; echo "    $op \$5,%$d"; done
  for m in "(%eax)" "0x10(%ebx,%ecx,4)" "-8(%ebp)"; do echo "    ${op}l $m"; echo "    ${op}b %cl,$m"; echo "    ${op}w \$2,$m"; done
done
for op in bt bts btr btc; do
  for s in "${r32[@]}"; do for d in "${r32[@]}"; do echo "    $op %$s,%$d"; done; done
  for s in "${r16[@]}"; do echo "    $op %$s,%dx"; done
  for m in "${mem[@]}"; do echo "    $op %ecx,$m"; echo "    $op %si,$m"; echo "    ${op}l \$31,$m"; echo "    ${op}w \$0,$m"; done
  for d in "${r32[@]}"; do echo "    $op \$7,%$d"; echo "    $op \$0xff,%$d"; done
done
for op in bsf bsr; do
  for s in "${r32[@]}"; do for d in "${r32[@]}"; do echo "    $op %$s,%$d"; done; done
  for s in "${r16[@]}"; do echo "    $op %$s,%bx"; done
  for m in "${mem[@]}"; do echo "    $op $m,%eax"; echo "    $op $m,%di"; done
done
# Prefixes an instruction does not use, which objdump names before the mnemonic (gcc's padding nops among them).
for seq in "0x66,0x2e,0x0f,0x1f,0x84,0x00,0x00,0x00,0x00,0x00" "0x66,0x66,0x2e,0x0f,0x1f,0x84,0x00,0x00,0x00,0x00,0x00" \
    "0xf3,0xc3" "0xf2,0xc3" "0xf2,0xe9,0x10,0x00,0x00,0x00" "0xf2,0xff,0xe0" "0xf3,0x90" "0x2e,0x90" "0x66,0x88,0xc0" \
    "0xf3,0x01,0xc0" "0xf2,0x01,0xc0" "0x2e,0x74,0x00" "0x3e,0x74,0x00" "0x3e,0x0f,0x85,0x00,0x01,0x00,0x00" "0x3e,0x8b,0x00" \
    "0x26,0x2e,0x8b,0x00" "0x64,0x8b,0x00" "0x65,0x90" "0x66,0xf4" "0x66,0x66,0x01,0xc0" "0xf0,0xf3,0x01,0x00" "0x3e,0xff,0xe0"; do
  echo "    .byte $seq"
done
# System instructions: descriptor-table registers, LDTR/TR, control and segment registers, IRET, INTO, MSRs,
# SYSENTER/SYSEXIT and the segment pushes and pops.
for m in "${mem[@]}"; do
  for x in lgdtl lidtl sgdtl sidtl lldt ltr sldt str; do echo "    $x $m"; done
  echo "    mov $m,%ds"; echo "    mov $m,%ss"; echo "    mov %es,$m"; echo "    mov %gs,$m"
done
for r in "${r16[@]}"; do echo "    lldt %$r"; echo "    ltr %$r"; done
for r in "${r32[@]}"; do
  echo "    sldt %$r"; echo "    str %$r"
  for c in 0 2 3 4; do echo "    mov %cr$c,%$r"; echo "    mov %$r,%cr$c"; done
  for sr in es ss ds fs gs; do echo "    mov %$sr,%$r"; echo "    mov %$r,%$sr"; done
  echo "    mov %cs,%$r"
done
for sr in es cs ss ds fs gs; do echo "    mov %$sr,%dx"; echo "    push %$sr"; [ $sr = cs ] || echo "    pop %$sr"; done
for x in iret iretw into int3 rdmsr wrmsr rdtsc sysenter sysexit daa das aaa aas aam aad; do echo "    $x"; done
for i in 0 1 7 0x10 0x7f 0xff; do echo "    aam \$$i"; echo "    aad \$$i"; done
for sel in 0 8 0x1b 0xffff; do for off in 0 0x1000 0x12345678 0xffffffff; do echo "    ljmp \$$sel,\$$off"; echo "    lcall \$$sel,\$$off"; done; done
for sel in 8 0xffff; do echo "    ljmpw \$$sel,\$0x1234"; echo "    lcallw \$$sel,\$0x1234"; done
for m in "${mem[@]}"; do echo "    ljmp *$m"; echo "    lcall *$m"; echo "    ljmpw *$m"; done
for x in lret lretw "lret \$0x8" "lret \$0xffff" "lretw \$0x10"; do echo "    $x"; done
# 16-bit addressing through the address-size prefix: every rm with no, 8-bit and 16-bit displacements.
mem16=("(%bx,%si)" "(%bx,%di)" "(%bp,%si)" "(%bp,%di)" "(%si)" "(%di)" "(%bx)" "0x1234" "0x7f(%bx,%si)" "-0x80(%bp,%di)"
       "0x0(%bp)" "-0x1(%si)" "0x1234(%bx,%di)" "-0x1234(%bp,%si)" "0x7fff(%di)" "-0x8000(%bx)" "0xffff" "0x80(%bx)" "%es:(%bx,%si)"
       "%fs:0x10(%bp)")
for m in "${mem16[@]}"; do
  echo "    addr16 mov %eax,$m"; echo "    addr16 mov $m,%cl"; echo "    addr16 lea $m,%dx"; echo "    addr16 addl \$0x12,$m"
  echo "    addr16 incw $m"; echo "    addr16 lgdtl $m"
done
for m in "${mem[@]}"; do echo "    invlpg $m"; done
for seq in "0x0f,0x20,0x00" "0x0f,0x22,0x5b" "0x8e,0xc8" "0x8c,0xf0" "0x8c,0xf8" "0x66,0x0f,0x01,0x10" "0x66,0x0f,0x01,0x08" \
    "0x0f,0x20,0xe8" "0x66,0x06" "0x66,0x1f" "0x66,0x0f,0xa0" "0x66,0xcf"; do
  echo "    .byte $seq"
done
# x87: every memory form by escape and ModRM.reg, every register form byte, the 16-bit environment forms, FWAIT.
x87mem=("(%eax)" "0x7f(%ebx)" "-0x80(%ebp)" "0x12345678(%esi)" "(%esp)" "0x10(%eax,%ecx,4)" "0x1234" "%fs:0x10" "%es:(%edi)")
for m in "${x87mem[@]}"; do
  for x in fadds fmuls fcoms fcomps fsubs fsubrs fdivs fdivrs flds fsts fstps fldenv fldcw fnstenv fnstcw \
      fiaddl fimull ficoml ficompl fisubl fisubrl fidivl fidivrl fildl fisttpl fistl fistpl fldt fstpt \
      faddl fmull fcoml fcompl fsubl fsubrl fdivl fdivrl fldl fisttpll fstl fstpl frstor fnsave fnstsw \
      fiadds fimuls ficoms ficomps fisubs fisubrs fidivs fidivrs filds fisttps fists fistps fbld fildll fbstp fistpll; do
    echo "    $x $m"
  done
done
for esc in d8 d9 da db dc dd de df; do for m in $(seq 192 255); do printf '    .byte 0x%s,0x%02x\n' $esc $m; done; done
for seq in "0x66,0xd9,0x30" "0x66,0xd9,0x20" "0x66,0xdd,0x30" "0x66,0xdd,0x20"; do echo "    .byte $seq"; done
echo "    fwait"; echo "    nop"
# SSE/SSE2: every form of the 0F map with its mandatory prefix, register and memory operands.
ssemem=("(%eax)" "0x7f(%ebx)" "-0x10(%ebp)" "0x12345678(%esi)" "(%esp)" "0x10(%eax,%ecx,4)" "0x1234" "%fs:0x10")
xr=(0 1 3 7)
for op in movups movupd movss movsd movaps movapd unpcklps unpcklpd unpckhps unpckhpd ucomiss ucomisd comiss comisd \
    sqrtps sqrtpd sqrtss sqrtsd andps andpd andnps andnpd orps orpd xorps xorpd addps addpd addss addsd mulps mulpd \
    mulss mulsd cvtps2pd cvtpd2ps cvtss2sd cvtsd2ss cvtdq2ps cvtps2dq cvttps2dq subps subpd subss subsd minps minpd \
    minss minsd divps divpd divss divsd maxps maxpd maxss maxsd punpcklbw punpcklwd punpckldq packsswb pcmpgtb pcmpgtw \
    pcmpgtd packuswb punpckhbw punpckhwd punpckhdq packssdw punpcklqdq punpckhqdq movdqa movdqu pcmpeqb pcmpeqw pcmpeqd \
    psrlw psrld psrlq paddq pmullw psubusb psubusw pminub pand paddusb paddusw pmaxub pandn pavgb psraw psrad pavgw \
    pmulhuw pmulhw cvttpd2dq cvtdq2pd cvtpd2dq psubsb psubsw pminsw por paddsb paddsw pmaxsw pxor psllw pslld psllq \
    pmuludq pmaddwd psadbw psubb psubw psubd psubq paddb paddw paddd; do
  for a in "${xr[@]}"; do echo "    $op %xmm$a,%xmm2"; echo "    $op %xmm3,%xmm$a"; done
  for m in "${ssemem[@]}"; do echo "    $op $m,%xmm5"; done
done
for op in movups movupd movss movsd movaps movapd movdqa movdqu movlps movlpd movhps movhpd movntps movntpd movntdq; do
  for m in "${ssemem[@]}"; do echo "    $op %xmm6,$m"; done
done
for op in movlps movlpd movhps movhpd; do for m in "${ssemem[@]}"; do echo "    $op $m,%xmm1"; done; done
for a in "${xr[@]}"; do
  echo "    movhlps %xmm$a,%xmm4"; echo "    movlhps %xmm2,%xmm$a"; echo "    movq %xmm$a,%xmm1"; echo "    movq %xmm1,%xmm$a"
  for i in 0 1 0x1b 0xff; do
    echo "    pshufd \$$i,%xmm$a,%xmm2"; echo "    pshuflw \$$i,%xmm$a,%xmm2"; echo "    pshufhw \$$i,%xmm3,%xmm$a"
    echo "    shufps \$$i,%xmm$a,%xmm2"; echo "    shufpd \$$i,%xmm3,%xmm$a"
  done
  for i in 0 1 7 8 15 16 0x80 0xff; do
    for op in psrlw psraw psllw psrld psrad pslld psrlq psllq psrldq pslldq; do echo "    $op \$$i,%xmm$a"; done
  done
  for i in 0 1 2 3 4 5 6 7 8 0x1f; do echo "    cmpps \$$i,%xmm$a,%xmm2"; echo "    cmpsd \$$i,%xmm3,%xmm$a"; done
  for p in eq lt le unord neq nlt nle ord; do echo "    cmp${p}ss %xmm$a,%xmm1"; echo "    cmp${p}pd %xmm2,%xmm$a"; done
  for g in eax ecx edi; do
    echo "    movd %$g,%xmm$a"; echo "    movd %xmm$a,%$g"; echo "    cvtsi2ss %$g,%xmm$a"; echo "    cvtsi2sd %$g,%xmm$a"
    echo "    cvttss2si %xmm$a,%$g"; echo "    cvttsd2si %xmm$a,%$g"; echo "    cvtss2si %xmm$a,%$g"; echo "    cvtsd2si %xmm$a,%$g"
    echo "    movmskps %xmm$a,%$g"; echo "    movmskpd %xmm$a,%$g"; echo "    pmovmskb %xmm$a,%$g"
    echo "    pinsrw \$3,%$g,%xmm$a"; echo "    pextrw \$5,%xmm$a,%$g"
  done
done
for m in "${ssemem[@]}"; do
  echo "    movd $m,%xmm3"; echo "    movd %xmm3,$m"; echo "    movq $m,%xmm3"; echo "    movq %xmm3,$m"
  echo "    cvtsi2ssl $m,%xmm1"; echo "    cvtsi2sdl $m,%xmm1"; echo "    cvttss2si $m,%eax"; echo "    cvttsd2si $m,%ecx"
  echo "    cvtss2si $m,%edx"; echo "    cvtsd2si $m,%ebx"; echo "    pinsrw \$7,$m,%xmm2"; echo "    pshufd \$0x4e,$m,%xmm0"
  echo "    shufps \$0x1b,$m,%xmm0"; echo "    cmpltps $m,%xmm0"; echo "    cmpsd \$9,$m,%xmm0"
  for x in fxsave fxrstor ldmxcsr stmxcsr clflush prefetchnta prefetcht0 prefetcht1 prefetcht2; do echo "    $x $m"; done
  echo "    movnti %ecx,$m"
done
echo "    lfence"; echo "    mfence"; echo "    sfence"
# PUSHA/POPA, BOUND (memory forms only: a register form is EVEX to objdump), ENTER (levels 0, 1, >1, masked), CLTS,
# SMSW and LMSW in their register and memory forms (66 is unused on the memory forms: data16).
for x in pusha popa pushaw popaw clts; do echo "    $x"; done
for m in "${mem[@]}"; do echo "    bound %eax,$m"; echo "    bound %di,$m"; echo "    smsw $m"; echo "    lmsw $m"; done
for r in "${r32[@]}"; do echo "    smsw %$r"; done
for r in "${r16[@]}"; do echo "    smsw %$r"; echo "    lmsw %$r"; done
for i in 0 1 0x10 0x7fff 0xffff; do for l in 0 1 2 7 0x1f 0x20 0xff; do echo "    enter \$$i,\$$l"; echo "    enterw \$$i,\$$l"; done; done
for seq in "0x66,0x0f,0x01,0x20" "0x66,0x0f,0x01,0x30" "0x66,0x0f,0x01,0x64,0x24,0x08"; do echo "    .byte $seq"; done
# Truly undefined encodings (objdump: (bad)); each is followed by bytes that decode on their own.
for b in 04 0a 0c 25 27 36 39 3b 3c 3d 3e 3f 7a 7b b8; do echo "    .byte 0x0f,0x$b"; done
echo "    .byte 0xd6"; echo "    .byte 0xff,0xff,0xc0"; echo "    .byte 0xfe,0xfe,0xc0"; echo "    .byte 0xd6,0x90"
} > $name.s

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# The corpus is cut into pieces of 400 source lines, so that a difference stays local to its piece.
rm -f "$name"-*.bin "$name"-*.objdump
tail -n +3 $name.s | split -l 400 -d -a 2 - "$tmp/part-"
for part in "$tmp"/part-*; do
  n=$name-${part##*part-}
  { head -n 2 $name.s; cat "$part"; } > "$tmp/$n.s"
  "$AS" $ASFLAGS -o "$tmp/$n.o" "$tmp/$n.s" 2>&1 | { grep -v -e Warning -e "Assembler messages" || true; } >&2
  "$OBJCOPY" -O binary -j .text "$tmp/$n.o" $n.bin
  "$OBJDUMP" -D -b binary -m $ARCH $n.bin | sed '1,/<.data>:/d' > $n.objdump
done
echo "$name: $(wc -l < $name.s) source lines, $(cat $name-*.bin | wc -c) bytes, $(cat $name-*.objdump | wc -l) listing lines"
