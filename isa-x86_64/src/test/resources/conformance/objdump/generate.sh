#!/usr/bin/env bash
# Regenerates the x86_64 disassembly conformance corpus: writes x86_64.s (many variants of every instruction
# form the interpreter knows in long mode, plus truly undefined encodings), assembles it with GNU as, and keeps
#   x86_64-NN.bin      the raw bytes of piece NN (objcopy -O binary)
#   x86_64-NN.objdump  the listing lines of `objdump -D -b binary -m i386:x86-64 x86_64-NN.bin`, headers stripped
# Needs binutils-x86-64-linux-gnu and binutils-multiarch (or any objdump that knows i386:x86-64).
set -euo pipefail
cd "$(dirname "$0")"
name=x86_64
AS=${AS:-x86_64-linux-gnu-as}
OBJCOPY=${OBJCOPY:-x86_64-linux-gnu-objcopy}
OBJDUMP=${OBJDUMP:-objdump}
ASFLAGS="--64"
ARCH=i386:x86-64

r64=(rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15)
r32=(eax ecx edx ebx esp ebp esi edi r8d r9d r10d r11d r12d r13d r14d r15d)
r16=(ax cx dx bx sp bp si di r8w r9w r10w r11w r12w r13w r14w r15w)
r8=(al cl dl bl spl bpl sil dil r8b r9b r10b r11b r12b r13b r14b r15b)
legacy8=(ah ch dh bh)
alu=(add or adc sbb and sub xor cmp)
cc=(o no b ae e ne be a s ns p np l ge le g)
imm32=(0 1 0x7f -0x80 0x80 0xff 0x7fffffff -0x80000000 -1 0x12345678)
imm8=(0 1 0x7f 0x80 0xff -1)
mem=("(%rax)" "(%rcx)" "(%rsp)" "0x0(%rbp)" "(%r8)" "(%r12)" "0x0(%r13)" "(%r15)" "0x7f(%rax)" "-0x80(%rbx)"
     "0x80(%r9)" "0x12345678(%rsi)" "-0x12345678(%r14)" "8(%rsp)" "-8(%rbp)" "(%rax,%rbx,1)" "(%rcx,%r8,2)"
     "(%r12,%r13,4)" "(%rbp,%r15,8)" "0x10(%rax,%rcx,4)" "-0x10(%rsp,%r9,8)" "0x0(,%rax,1)" "0x10(,%r11,2)"
     "-0x10(,%rsi,4)" "0x1234" "0x7fffffff" "0x10(%rip)" "-0x80(%rip)" "0x12345678(%rip)" "(%eax)" "0x10(%r8d,%ecx,2)"
     "%fs:0x28" "%gs:(%rax)" "%ds:0x8(%r10)")

{
echo "    .code64"
echo "    .text"
for op in "${alu[@]}" test; do
  for s in "${r64[@]}"; do for d in rax rcx r9 r15; do echo "    $op %$s,%$d"; done; done
  for s in "${r32[@]}"; do echo "    $op %$s,%ebx"; echo "    $op %r10d,%$s"; done
  for s in "${r8[@]}"; do echo "    $op %$s,%bl"; echo "    $op %r11b,%$s"; done
  for s in "${legacy8[@]}"; do echo "    $op %$s,%al"; done
  for s in "${r16[@]}"; do echo "    $op %$s,%cx"; done
  for m in "${mem[@]}"; do
    echo "    $op %rax,$m"; echo "    $op %r9d,$m"; echo "    $op %sil,$m"; echo "    $op %dx,$m"
    [ "$op" = test ] || { echo "    $op $m,%r14"; echo "    $op $m,%esi"; echo "    $op $m,%r8b"; }
  done
  for i in "${imm32[@]}"; do echo "    $op \$$i,%rax"; echo "    $op \$$i,%eax"; echo "    $op \$$i,%r12"; echo "    ${op}q \$$i,0x10(%rax)"; echo "    ${op}l \$$i,(%r8)"; done
  for i in "${imm8[@]}"; do echo "    $op \$$i,%al"; echo "    $op \$$i,%r13b"; echo "    ${op}b \$$i,(%rsi)"; done
  echo "    $op \$0x1234,%ax"; echo "    ${op}w \$-2,(%rdi)"
done
for s in "${r64[@]}"; do for d in rax rsp r8 r13; do echo "    mov %$s,%$d"; done; done
for s in "${r8[@]}"; do echo "    mov %$s,%al"; echo "    mov %cl,%$s"; done
for m in "${mem[@]}"; do
  echo "    mov %rbx,$m"; echo "    mov $m,%r11"; echo "    mov %r10d,$m"; echo "    mov $m,%ecx"; echo "    mov %bpl,$m"; case "$m" in *%r[0-9]*) ;; *) echo "    mov $m,%ah";; esac
  echo "    mov %r9w,$m"; echo "    movq \$-1,$m"; echo "    movl \$0x12345678,$m"; echo "    movb \$0x80,$m"; echo "    movw \$-2,$m"
  echo "    lea $m,%rax"; echo "    lea $m,%r12d"
  for x in movzbl movzwl movsbl movswl movzbq movzwq movsbq movswq movslq; do echo "    $x $m,%r${x: -1:1}x" | sed 's/%rlx/%edx/; s/%rqx/%rdx/'; done
done
for d in "${r64[@]}"; do echo "    movabs \$0x1122334455667788,%$d"; echo "    mov \$-1,%$d"; echo "    mov \$0x7fffffff,%$d"; done
for d in "${r32[@]}"; do echo "    mov \$0x12345678,%$d"; echo "    mov \$-1,%$d"; done
for d in "${r8[@]}"; do echo "    mov \$0x80,%$d"; done
for d in "${r16[@]}"; do echo "    mov \$0x1234,%$d"; done
for s in "${r8[@]}"; do echo "    movzbl %$s,%r9d"; echo "    movsbq %$s,%rax"; echo "    movzbw %$s,%ax"; done
for s in "${r16[@]}"; do echo "    movzwl %$s,%eax"; echo "    movswq %$s,%r15"; done
for s in "${r32[@]}"; do echo "    movslq %$s,%rax"; echo "    movslq %$s,%r10"; done
for op in inc dec neg not; do
  for d in "${r64[@]}" "${r32[@]}" "${r8[@]}" "${r16[@]}"; do echo "    $op %$d"; done
  for m in "${mem[@]}"; do echo "    ${op}q $m"; echo "    ${op}l $m"; echo "    ${op}b $m"; echo "    ${op}w $m"; done
done
for op in rol ror shl shr sar; do
  for d in "${r64[@]}" "${r32[@]}"; do echo "    $op %$d"; echo "    $op %cl,%$d"; echo "    $op \$3,%$d"; echo "    $op \$63,%$d"; done
  for d in "${r8[@]}" "${r16[@]}"; do echo "    $op %$d"; echo "    $op %cl,%$d"; echo "    $op \$7,%$d"; done
  for m in "(%rax)" "0x10(%rbx,%r12,4)" "-8(%rbp)" "0x10(%rip)"; do
    echo "    ${op}q $m"; echo "    ${op}l %cl,$m"; echo "    ${op}b \$2,$m"; echo "    ${op}w \$1,$m"
  done
done
for s in "${r64[@]}"; do echo "    imul %$s,%rax"; echo "    imul %r9,%$s"; done
for s in "${r32[@]}"; do echo "    imul %$s,%ebx"; done
for m in "${mem[@]}"; do echo "    imul $m,%rax"; echo "    imul \$3,$m,%r13"; echo "    imul \$0x12345,$m,%edx"; echo "    imul \$-2,$m,%si"; done
for i in "${imm32[@]}"; do echo "    imul \$$i,%rax,%rbx"; echo "    imul \$$i,%r8d,%r9d"; done
for d in "${r64[@]}" "${r16[@]}"; do echo "    push %$d"; echo "    pop %$d"; done
for i in "${imm32[@]}"; do echo "    push \$$i"; done
for m in "${mem[@]}"; do echo "    push $m"; echo "    pop $m"; echo "    call *$m"; echo "    jmp *$m"; done
for d in "${r64[@]}"; do echo "    call *%$d"; echo "    jmp *%$d"; done
for c in "${cc[@]}"; do
  echo "    j$c .+2"; echo "    j$c .+0x81"; echo "    j$c .-0x7e"; echo "    j$c .-0x1000"; echo "    j$c .+0x12345678"
  echo "    set$c %al"; echo "    set$c %r10b"; echo "    set$c %sil"; echo "    set$c (%rax)"; echo "    set$c 0x10(%rip)"
  echo "    cmov$c %rax,%rbx"; echo "    cmov$c 8(%rbp),%r12"; echo "    cmov$c %r9d,%edx"; echo "    cmov$c %si,%r8w"
done
echo "    jmp .+2"; echo "    jmp .-0x80"; echo "    jmp .+0x1000"; echo "    jmp .-0x100000"
echo "    call .+5"; echo "    call .-0x1000"; echo "    call .+0x7fff0000"
echo "    ret"; echo "    ret \$4"; echo "    ret \$0xffff"; echo "    leave"
for s in "${r64[@]}"; do echo "    xchg %$s,%rax"; echo "    xchg %$s,%rdx"; echo "    xchg %$s,(%rbx)"; done
for s in "${r32[@]}"; do echo "    xchg %$s,%eax"; done
echo "    xchg %ax,%ax"; echo "    xchg %r8,%rax"
echo "    cwtl"; echo "    cltd"; echo "    cbtw"; echo "    cwtd"; echo "    cltq"; echo "    cqto"
echo "    nop"
for m in "(%rax)" "0x0(%rax)" "0x0(%rax,%rax,1)" "0x12345678(%rax,%rax,1)" "0x0(%r8,%r9,2)"; do echo "    nopl $m"; echo "    nopw $m"; echo "    nopq $m"; done
echo "    hlt"; echo "    ud2"; echo "    int3"; echo "    int \$0x80"
echo "    cpuid"; echo "    cli"; echo "    sti"; echo "    cld"; echo "    std"; echo "    vmcall"; echo "    syscall"
echo "    lock addq \$1,(%rax)"; echo "    lock incl 0x10(%rbx)"; echo "    lock xchg %rax,(%rcx)"
echo "    .byte 0x8b,0x04,0x20"; echo "    .byte 0x8b,0x04,0x25,0x00,0x10,0x00,0x00"; echo "    .byte 0x42,0x8b,0x04,0x20"
echo "    clc"; echo "    stc"; echo "    cmc"; echo "    pushf"; echo "    popf"; echo "    pushfw"; echo "    popfw"; echo "    lahf"; echo "    sahf"
for op in mul imul div idiv; do
  for d in "${r8[@]}" "${r16[@]}" "${r32[@]}" "${r64[@]}"; do echo "    $op %$d"; done
  for m in "${mem[@]}"; do echo "    ${op}b $m"; echo "    ${op}w $m"; echo "    ${op}l $m"; echo "    ${op}q $m"; done
done
for d in "${r32[@]}" "${r64[@]}"; do echo "    bswap %$d"; done
for p in "" "rep "; do
  for s in b w l q; do echo "    ${p}movs$s %ds:(%rsi),%es:(%rdi)"; echo "    ${p}cmps$s %es:(%rdi),%ds:(%rsi)"; done
  for a in al ax eax rax; do echo "    ${p}stos %$a,%es:(%rdi)"; echo "    ${p}lods %ds:(%rsi),%$a"; echo "    ${p}scas %es:(%rdi),%$a"; done
done
echo "    repnz scasb %es:(%rdi),%al"; echo "    repnz cmpsb %es:(%rdi),%ds:(%rsi)"; echo "    movsb %fs:(%rsi),%es:(%rdi)"; echo "    lods %gs:(%rsi),%al"
for a in al ax eax; do for port in 0 0x60 0x80 0xff; do echo "    in \$$port,%$a"; echo "    out %$a,\$$port"; done; echo "    in (%dx),%$a"; echo "    out %$a,(%dx)"; done
for s in "${r8[@]}"; do echo "    cmpxchg %$s,%bl"; echo "    xadd %$s,%r9b"; done
for s in "${r64[@]}"; do echo "    cmpxchg %$s,%rbx"; echo "    xadd %$s,%r12"; done
for s in "${r32[@]}"; do echo "    cmpxchg %$s,%ebx"; echo "    xadd %$s,%eax"; done
for m in "${mem[@]}"; do echo "    cmpxchg %ecx,$m"; echo "    lock cmpxchg %dl,$m"; echo "    xadd %si,$m"; echo "    lock xadd %edi,$m"; echo "    lock cmpxchg %r9,$m"; echo "    xadd %rax,$m"; done
for seq in "0x48,0xe5,0x60" "0x48,0xef" "0x48,0xec"; do echo "    .byte $seq"; done
for a in al ax eax rax; do for o in 0x0 0x1234 0x7fffffff 0x1122334455667788 0xffffffffffffffff; do echo "    movabs $o,%$a"; echo "    movabs %$a,$o"; done; done
echo "    movabs %fs:0x28,%eax"
for c in loop loope loopne jrcxz; do echo "    $c .+2"; echo "    $c .-0x7e"; echo "    $c .+0x81"; done
for op in rcl rcr; do
  for d in "${r64[@]}" "${r32[@]}" "${r8[@]}" "${r16[@]}"; do echo "    $op %$d"; echo "    $op %cl,%$d"; echo "    $op \$5,%$d"; done
  for m in "(%rax)" "0x10(%rbx,%r12,4)" "0x10(%rip)"; do echo "    ${op}q $m"; echo "    ${op}b %cl,$m"; echo "    ${op}w \$2,$m"; echo "    ${op}l $m"; done
done
for op in bt bts btr btc; do
  for s in "${r64[@]}"; do echo "    $op %$s,%rax"; echo "    $op %r9,%$s"; done
  for s in "${r32[@]}"; do echo "    $op %$s,%ebx"; done
  for s in "${r16[@]}"; do echo "    $op %$s,%dx"; done
  for m in "${mem[@]}"; do echo "    $op %rcx,$m"; echo "    $op %r10d,$m"; echo "    $op %si,$m"; echo "    ${op}q \$63,$m"; echo "    ${op}l \$5,$m"; echo "    ${op}w \$0,$m"; done
  for d in "${r64[@]}" "${r32[@]}"; do echo "    $op \$7,%$d"; done
done
for op in bsf bsr; do
  for s in "${r64[@]}"; do echo "    $op %$s,%rax"; echo "    $op %r11,%$s"; done
  for s in "${r32[@]}"; do echo "    $op %$s,%ecx"; done
  for s in "${r16[@]}"; do echo "    $op %$s,%r8w"; done
  for m in "${mem[@]}"; do echo "    $op $m,%rax"; echo "    $op $m,%r12d"; echo "    $op $m,%di"; done
done
# Prefixes an instruction does not use, which objdump names before the mnemonic (gcc's padding nops among them).
for seq in "0x66,0x2e,0x0f,0x1f,0x84,0x00,0x00,0x00,0x00,0x00" "0x66,0x66,0x2e,0x0f,0x1f,0x84,0x00,0x00,0x00,0x00,0x00" \
    "0xf3,0xc3" "0xf2,0xc3" "0xf2,0xe9,0x10,0x00,0x00,0x00" "0xf2,0xff,0xe0" "0xf3,0x90" "0x2e,0x90" "0x66,0x88,0xc0" \
    "0xf3,0x01,0xc0" "0xf2,0x01,0xc0" "0x2e,0x74,0x00" "0x3e,0x74,0x00" "0x3e,0x0f,0x85,0x00,0x01,0x00,0x00" "0x3e,0x8b,0x00" \
    "0x26,0x2e,0x8b,0x00" "0x64,0x8b,0x00" "0x65,0x90" "0x66,0xf4" "0x66,0x66,0x01,0xc0" "0xf0,0xf3,0x01,0x00" "0x3e,0xff,0xe0" \
    "0x40,0x90" "0x48,0x90" "0x41,0x90" "0x4f,0x90" "0x48,0xc3" "0x48,0x50" "0x41,0x50" "0x40,0x88,0xe0" "0x40,0x88,0xc0" \
    "0x44,0x01,0xc0" "0x42,0x8b,0x00" "0x49,0x8b,0x00" "0x2e,0x8b,0x00" "0x64,0x8b,0x00" "0x67,0x8b,0x00" "0x67,0x90" \
    "0x48,0xf4" "0x66,0x48,0x01,0xc0" "0x48,0x66,0x01,0xc0" "0x48,0x0f,0x94,0xc0" "0x40,0x0f,0x94,0xc4" "0x48,0x74,0x00" \
    "0x48,0xe8,0x00,0x00,0x00,0x00" "0x48,0xff,0xd0" "0x48,0x8d,0x05,0x00,0x00,0x00,0x00" "0x4c,0x8d,0x05,0x00,0x00,0x00,0x00" \
    "0x48,0x0f,0xb6,0xc4" "0x40,0x0f,0xb6,0xc4" "0x41,0xc1,0xe0,0x02" "0x48,0xcd,0x82" "0x66,0x0f,0x05" "0x41,0xd3,0xe0"; do
  echo "    .byte $seq"
done
# System instructions: descriptor-table registers, LDTR/TR, control and segment registers, IRETQ, MSRs,
# SYSCALL/SYSRET, SYSENTER/SYSEXIT, SWAPGS and the FS/GS pushes and pops.
for m in "${mem[@]}"; do
  for x in lgdt lidt sgdt sidt lldt ltr sldt str invlpg; do echo "    $x $m"; done
  echo "    mov $m,%ds"; echo "    mov $m,%ss"; echo "    mov %es,$m"; echo "    mov %gs,$m"
done
for r in "${r16[@]}"; do echo "    lldt %$r"; echo "    ltr %$r"; done
for r in "${r32[@]}"; do echo "    sldt %$r"; echo "    str %$r"; done
for r in "${r64[@]}"; do
  for c in 0 2 3 4 8; do echo "    mov %cr$c,%$r"; echo "    mov %$r,%cr$c"; done
  for sr in es ss ds fs gs; do echo "    mov %$sr,%$r"; echo "    mov %$r,%$sr"; done
done
for r in eax r9d; do for sr in es ss ds fs gs; do echo "    mov %$sr,%$r"; echo "    mov %$r,%$sr"; done; done
for sr in es cs ss ds fs gs; do echo "    mov %$sr,%dx"; done
for m in "${mem[@]}"; do echo "    ljmp *$m"; echo "    lcall *$m"; done
for x in lret lretq lretw "lret \$0x8" "lretq \$0x10" iretq iret iretw swapgs sysretq sysretl sysexitq sysexitl sysenter syscall rdmsr wrmsr rdtsc "push %fs" "pop %fs" "push %gs" "pop %gs"; do
  echo "    $x"
done
for seq in "0x0f,0x20,0x00" "0x0f,0x22,0x5b" "0x8e,0xc8" "0x8c,0xf0" "0x66,0x0f,0x01,0x10" "0x48,0x0f,0x01,0x10" \
    "0x41,0x0f,0x20,0xc0" "0x45,0x0f,0x22,0xc1" "0x06" "0x07" "0x0e" "0x16" "0x17" "0x1e" "0x1f" "0xce" "0x66,0x0f,0xa8" \
    "0x27" "0x2f" "0x37" "0x3f" "0xd4,0x0a" "0xd5,0x0a" "0x48,0xff,0x28" "0xea" "0x9a"; do
  echo "    .byte $seq"
done
# x87: every memory form by escape and ModRM.reg, every register form byte, the 16-bit environment forms, FWAIT.
x87mem=("(%rax)" "0x7f(%rbx)" "-0x80(%rbp)" "0x12345678(%r12)" "(%rsp)" "0x10(%rax,%r9,4)" "0x1234" "0x10(%rip)" "%fs:0x28")
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
ssemem=("(%rax)" "0x7f(%rbx)" "-0x10(%rbp)" "0x12345678(%r12)" "(%rsp)" "0x10(%rax,%r9,4)" "0x1234" "0x10(%rip)" "%fs:0x28")
xr=(0 1 8 15)
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
  for g in eax r9d; do
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
for m in "(%rax)" "0x10(%r8)" "0x10(%rip)"; do
  echo "    cvtsi2ssq $m,%xmm1"; echo "    cvtsi2sdq $m,%xmm9"; echo "    movq $m,%xmm2"; echo "    fxsave64 $m"; echo "    fxrstor64 $m"
  echo "    movnti %r10,$m"
done
for g in rax r11; do for a in 0 9; do
  echo "    movq %$g,%xmm$a"; echo "    movq %xmm$a,%$g"; echo "    cvtsi2ss %$g,%xmm$a"; echo "    cvtsi2sd %$g,%xmm$a"
  echo "    cvttss2si %xmm$a,%$g"; echo "    cvttsd2si %xmm$a,%$g"; echo "    cvtsd2si %xmm$a,%$g"
done; done
# ENTER (levels 0, 1, >1, masked; 66 and a REX.W it ignores), CLTS, SMSW (REX.W widens only the register form), LMSW.
for i in 0 1 0x10 0xffff; do for l in 0 1 2 0x1f 0x20 0xff; do echo "    enter \$$i,\$$l"; echo "    enterw \$$i,\$$l"; done; done
echo "    clts"
for m in "${mem[@]}"; do echo "    smsw $m"; echo "    lmsw $m"; done
for r in "${r64[@]}"; do echo "    smsw %$r"; done
for r in "${r32[@]}"; do echo "    smsw %$r"; done
for r in "${r16[@]}"; do echo "    smsw %$r"; echo "    lmsw %$r"; done
for seq in "0x48,0xc8,0x01,0x00,0x02" "0x48,0x0f,0x01,0x20" "0x48,0x0f,0x01,0xf0" "0x66,0x0f,0x01,0x20" "0x41,0x0f,0x01,0x30"; do echo "    .byte $seq"; done
# Truly undefined in long mode (objdump: (bad)); 62, C4 and C5 are EVEX/VEX there.
for b in 06 07 0e 16 17 1e 1f 27 2f 37 3f 60 61 82 9a ce d4 d5 d6 ea; do echo "    .byte 0x$b"; done
for b in 04 0a 0c 25 27 36 39 3b 3c 3d 3e 3f 7a 7b b8; do echo "    .byte 0x0f,0x$b"; done
echo "    .byte 0xff,0xff,0xc0"; echo "    .byte 0xfe,0xfe,0xc0"
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
