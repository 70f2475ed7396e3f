sdiv w27, w0, w28
madd x27, x0, x28, x29
msub w27, w0, w28, w30
smaddl x27, w0, w28, xzr
umsubl x27, w0, w28, x0
smulh x27, x0, x28
umulh x27, x0, x28
extr x27, x0, x28, #54
add x28, x7, #3640
add w28, w7, #3556, lsl #12
adds x28, x7, #4095
sub x28, x7, #28
subs w28, w7, #4067
subs x28, x7, #1, lsl #12
add x28, x7, x1, lsl #56
adds w28, w7, w5, lsr #28
sub x28, x7, x29, asr #35
subs x28, x7, x30
and x28, x7, xzr, ror #28
orr w28, w7, w0, lsl #28
eor x28, x7, x2, lsr #56
ands x28, x7, x3
bic x28, x7, x4, asr #1
orn w28, w7, w4
eon x28, x7, x4, ror #63
bics w28, w7, w4, lsl #31
mov x28, x7
mvn w28, w7
movz x28, #57316, lsl #0
movn w28, #57316, lsl #0
movk x28, #65507, lsl #0
lslv x28, x7, x29
lsrv w28, w7, w29
asrv x28, x7, x29
rorv w28, w7, w29
udiv x28, x7, x29
sdiv w28, w7, w29
madd x28, x7, x29, x30
msub w28, w7, w29, wzr
smaddl x28, w7, w29, x0
umsubl x28, w7, w29, x1
smulh x28, x7, x29
umulh x28, x7, x29
extr x28, x7, x28, #56
add x29, x14, #3770
add w29, w14, #3683, lsl #12
adds x29, x14, #4095
sub x29, x14, #29
subs w29, w14, #4066
subs x29, x14, #1, lsl #12
add x29, x14, x2, lsl #58
adds w29, w14, w6, lsr #29
sub x29, x14, x30, asr #34
subs x29, x14, xzr
and x29, x14, x0, ror #29
orr w29, w14, w1, lsl #29
eor x29, x14, x3, lsr #58
ands x29, x14, x4
bic x29, x14, x5, asr #1
orn w29, w14, w5
eon x29, x14, x5, ror #63
bics w29, w14, w5, lsl #31
mov x29, x14
mvn w29, w14
movz x29, #59363, lsl #16
movn w29, #59363, lsl #16
movk x29, #65506, lsl #16
lslv x29, x14, x30
lsrv w29, w14, w30
asrv x29, x14, x30
rorv w29, w14, w30
udiv x29, x14, x30
sdiv w29, w14, w30
madd x29, x14, x30, xzr
msub w29, w14, w30, w0
smaddl x29, w14, w30, x1
umsubl x29, w14, w30, x2
smulh x29, x14, x30
umulh x29, x14, x30
extr x29, x14, x30, #58
add x30, x21, #3900
add w30, w21, #3810, lsl #12
adds x30, x21, #4095
sub x30, x21, #30
subs w30, w21, #4065
subs x30, x21, #1, lsl #12
add x30, x21, x3, lsl #60
adds w30, w21, w7, lsr #30
sub x30, x21, xzr, asr #33
subs x30, x21, x0
and x30, x21, x1, ror #30
orr w30, w21, w2, lsl #30
eor x30, x21, x4, lsr #60
ands x30, x21, x5
bic x30, x21, x6, asr #1
orn w30, w21, w6
eon x30, x21, x6, ror #63
bics w30, w21, w6, lsl #31
mov x30, x21
mvn w30, w21
movz x30, #61410, lsl #32
movn w30, #61410, lsl #0
movk x30, #65505, lsl #32
lslv x30, x21, xzr
lsrv w30, w21, wzr
asrv x30, x21, xzr
rorv w30, w21, wzr
udiv x30, x21, xzr
sdiv w30, w21, wzr
madd x30, x21, xzr, x0
msub w30, w21, wzr, w1
smaddl x30, w21, wzr, x2
umsubl x30, w21, wzr, x3
smulh x30, x21, xzr
umulh x30, x21, xzr
extr x30, x21, x30, #60
add sp, x28, #4030
add wsp, w28, #3937, lsl #12
adds xzr, x28, #4095
sub sp, x28, #31
subs wzr, w28, #4064
subs xzr, x28, #1, lsl #12
add xzr, x28, x4, lsl #62
adds wzr, w28, w8, lsr #31
sub xzr, x28, x0, asr #32
subs xzr, x28, x1
and xzr, x28, x2, ror #31
orr wzr, w28, w3, lsl #31
eor xzr, x28, x5, lsr #62
ands xzr, x28, x6
bic xzr, x28, x7, asr #1
orn wzr, w28, w7
eon xzr, x28, x7, ror #63
bics wzr, w28, w7, lsl #31
mov xzr, x28
mvn wzr, w28
movz xzr, #63457, lsl #48
movn wzr, #63457, lsl #16
movk xzr, #65504, lsl #48
lslv xzr, x28, x0
lsrv wzr, w28, w0
asrv xzr, x28, x0
rorv wzr, w28, w0
udiv xzr, x28, x0
sdiv wzr, w28, w0
madd xzr, x28, x0, x1
msub wzr, w28, w0, w2
smaddl xzr, w28, w0, x3
umsubl xzr, w28, w0, x4
smulh xzr, x28, x0
umulh xzr, x28, x0
extr xzr, x28, x0, #62
add x1, x2, w3, uxtb #0
add sp, x2, w3, uxtb #0
adds x1, sp, w3, uxtb #0
sub x1, sp, w3, uxtb #0
subs xzr, sp, w3, uxtb #0
cmn x4, w5, uxtb #0
add w1, wsp, w3, uxtb #0
sub wsp, w2, w3, uxtb #0
subs w1, w2, w3, uxtb #0
add x1, x2, w3, uxtb #1
add sp, x2, w3, uxtb #1
adds x1, sp, w3, uxtb #1
sub x1, sp, w3, uxtb #1
subs xzr, sp, w3, uxtb #1
cmn x4, w5, uxtb #1
add w1, wsp, w3, uxtb #1
sub wsp, w2, w3, uxtb #1
subs w1, w2, w3, uxtb #1
add x1, x2, w3, uxtb #2
add sp, x2, w3, uxtb #2
adds x1, sp, w3, uxtb #2
sub x1, sp, w3, uxtb #2
subs xzr, sp, w3, uxtb #2
cmn x4, w5, uxtb #2
add w1, wsp, w3, uxtb #2
sub wsp, w2, w3, uxtb #2
subs w1, w2, w3, uxtb #2
add x1, x2, w3, uxtb #3
add sp, x2, w3, uxtb #3
adds x1, sp, w3, uxtb #3
sub x1, sp, w3, uxtb #3
subs xzr, sp, w3, uxtb #3
cmn x4, w5, uxtb #3
add w1, wsp, w3, uxtb #3
sub wsp, w2, w3, uxtb #3
subs w1, w2, w3, uxtb #3
add x1, x2, w3, uxtb #4
add sp, x2, w3, uxtb #4
adds x1, sp, w3, uxtb #4
sub x1, sp, w3, uxtb #4
subs xzr, sp, w3, uxtb #4
cmn x4, w5, uxtb #4
add w1, wsp, w3, uxtb #4
sub wsp, w2, w3, uxtb #4
subs w1, w2, w3, uxtb #4
add x1, x2, w3, uxth #0
add sp, x2, w3, uxth #0
adds x1, sp, w3, uxth #0
sub x1, sp, w3, uxth #0
subs xzr, sp, w3, uxth #0
cmn x4, w5, uxth #0
add w1, wsp, w3, uxth #0
sub wsp, w2, w3, uxth #0
subs w1, w2, w3, uxth #0
add x1, x2, w3, uxth #1
add sp, x2, w3, uxth #1
adds x1, sp, w3, uxth #1
sub x1, sp, w3, uxth #1
subs xzr, sp, w3, uxth #1
cmn x4, w5, uxth #1
add w1, wsp, w3, uxth #1
sub wsp, w2, w3, uxth #1
subs w1, w2, w3, uxth #1
add x1, x2, w3, uxth #2
add sp, x2, w3, uxth #2
adds x1, sp, w3, uxth #2
sub x1, sp, w3, uxth #2
subs xzr, sp, w3, uxth #2
cmn x4, w5, uxth #2
add w1, wsp, w3, uxth #2
sub wsp, w2, w3, uxth #2
subs w1, w2, w3, uxth #2
add x1, x2, w3, uxth #3
add sp, x2, w3, uxth #3
adds x1, sp, w3, uxth #3
sub x1, sp, w3, uxth #3
subs xzr, sp, w3, uxth #3
cmn x4, w5, uxth #3
add w1, wsp, w3, uxth #3
sub wsp, w2, w3, uxth #3
subs w1, w2, w3, uxth #3
add x1, x2, w3, uxth #4
add sp, x2, w3, uxth #4
adds x1, sp, w3, uxth #4
sub x1, sp, w3, uxth #4
subs xzr, sp, w3, uxth #4
cmn x4, w5, uxth #4
add w1, wsp, w3, uxth #4
sub wsp, w2, w3, uxth #4
subs w1, w2, w3, uxth #4
add x1, x2, w3, uxtw #0
add sp, x2, w3, uxtw #0
adds x1, sp, w3, uxtw #0
sub x1, sp, w3, uxtw #0
subs xzr, sp, w3, uxtw #0
cmn x4, w5, uxtw #0
add w1, wsp, w3, uxtw #0
sub wsp, w2, w3, uxtw #0
subs w1, w2, w3, uxtw #0
add x1, x2, w3, uxtw #1
add sp, x2, w3, uxtw #1
adds x1, sp, w3, uxtw #1
sub x1, sp, w3, uxtw #1
subs xzr, sp, w3, uxtw #1
cmn x4, w5, uxtw #1
add w1, wsp, w3, uxtw #1
sub wsp, w2, w3, uxtw #1
subs w1, w2, w3, uxtw #1
add x1, x2, w3, uxtw #2
add sp, x2, w3, uxtw #2
adds x1, sp, w3, uxtw #2
sub x1, sp, w3, uxtw #2
subs xzr, sp, w3, uxtw #2
cmn x4, w5, uxtw #2
add w1, wsp, w3, uxtw #2
sub wsp, w2, w3, uxtw #2
subs w1, w2, w3, uxtw #2
add x1, x2, w3, uxtw #3
add sp, x2, w3, uxtw #3
adds x1, sp, w3, uxtw #3
sub x1, sp, w3, uxtw #3
subs xzr, sp, w3, uxtw #3
cmn x4, w5, uxtw #3
add w1, wsp, w3, uxtw #3
sub wsp, w2, w3, uxtw #3
subs w1, w2, w3, uxtw #3
add x1, x2, w3, uxtw #4
add sp, x2, w3, uxtw #4
adds x1, sp, w3, uxtw #4
sub x1, sp, w3, uxtw #4
subs xzr, sp, w3, uxtw #4
cmn x4, w5, uxtw #4
add w1, wsp, w3, uxtw #4
sub wsp, w2, w3, uxtw #4
subs w1, w2, w3, uxtw #4
add x1, x2, x3, uxtx #0
add sp, x2, x3, uxtx #0
adds x1, sp, x3, uxtx #0
sub x1, sp, x3, uxtx #0
subs xzr, sp, x3, uxtx #0
cmn x4, x5, uxtx #0
add w1, wsp, w3, uxtx #0
sub wsp, w2, w3, uxtx #0
subs w1, w2, w3, uxtx #0
add x1, x2, x3, uxtx #1
add sp, x2, x3, uxtx #1
adds x1, sp, x3, uxtx #1
sub x1, sp, x3, uxtx #1
subs xzr, sp, x3, uxtx #1
cmn x4, x5, uxtx #1
add w1, wsp, w3, uxtx #1
sub wsp, w2, w3, uxtx #1
subs w1, w2, w3, uxtx #1
add x1, x2, x3, uxtx #2
add sp, x2, x3, uxtx #2
adds x1, sp, x3, uxtx #2
sub x1, sp, x3, uxtx #2
subs xzr, sp, x3, uxtx #2
cmn x4, x5, uxtx #2
add w1, wsp, w3, uxtx #2
sub wsp, w2, w3, uxtx #2
subs w1, w2, w3, uxtx #2
add x1, x2, x3, uxtx #3
add sp, x2, x3, uxtx #3
adds x1, sp, x3, uxtx #3
sub x1, sp, x3, uxtx #3
subs xzr, sp, x3, uxtx #3
cmn x4, x5, uxtx #3
add w1, wsp, w3, uxtx #3
sub wsp, w2, w3, uxtx #3
subs w1, w2, w3, uxtx #3
add x1, x2, x3, uxtx #4
add sp, x2, x3, uxtx #4
adds x1, sp, x3, uxtx #4
sub x1, sp, x3, uxtx #4
subs xzr, sp, x3, uxtx #4
cmn x4, x5, uxtx #4
add w1, wsp, w3, uxtx #4
sub wsp, w2, w3, uxtx #4
subs w1, w2, w3, uxtx #4
add x1, x2, w3, sxtb #0
add sp, x2, w3, sxtb #0
adds x1, sp, w3, sxtb #0
sub x1, sp, w3, sxtb #0
subs xzr, sp, w3, sxtb #0
cmn x4, w5, sxtb #0
add w1, wsp, w3, sxtb #0
sub wsp, w2, w3, sxtb #0
subs w1, w2, w3, sxtb #0
add x1, x2, w3, sxtb #1
add sp, x2, w3, sxtb #1
adds x1, sp, w3, sxtb #1
sub x1, sp, w3, sxtb #1
subs xzr, sp, w3, sxtb #1
cmn x4, w5, sxtb #1
add w1, wsp, w3, sxtb #1
sub wsp, w2, w3, sxtb #1
subs w1, w2, w3, sxtb #1
add x1, x2, w3, sxtb #2
add sp, x2, w3, sxtb #2
adds x1, sp, w3, sxtb #2
sub x1, sp, w3, sxtb #2
subs xzr, sp, w3, sxtb #2
cmn x4, w5, sxtb #2
add w1, wsp, w3, sxtb #2
sub wsp, w2, w3, sxtb #2
subs w1, w2, w3, sxtb #2
add x1, x2, w3, sxtb #3
add sp, x2, w3, sxtb #3
adds x1, sp, w3, sxtb #3
sub x1, sp, w3, sxtb #3
subs xzr, sp, w3, sxtb #3
cmn x4, w5, sxtb #3
add w1, wsp, w3, sxtb #3
sub wsp, w2, w3, sxtb #3
subs w1, w2, w3, sxtb #3
add x1, x2, w3, sxtb #4
add sp, x2, w3, sxtb #4
adds x1, sp, w3, sxtb #4
sub x1, sp, w3, sxtb #4
subs xzr, sp, w3, sxtb #4
cmn x4, w5, sxtb #4
add w1, wsp, w3, sxtb #4
sub wsp, w2, w3, sxtb #4
subs w1, w2, w3, sxtb #4
add x1, x2, w3, sxth #0
add sp, x2, w3, sxth #0
adds x1, sp, w3, sxth #0
sub x1, sp, w3, sxth #0
subs xzr, sp, w3, sxth #0
cmn x4, w5, sxth #0
add w1, wsp, w3, sxth #0
sub wsp, w2, w3, sxth #0
subs w1, w2, w3, sxth #0
add x1, x2, w3, sxth #1
add sp, x2, w3, sxth #1
adds x1, sp, w3, sxth #1
sub x1, sp, w3, sxth #1
subs xzr, sp, w3, sxth #1
cmn x4, w5, sxth #1
add w1, wsp, w3, sxth #1
sub wsp, w2, w3, sxth #1
subs w1, w2, w3, sxth #1
add x1, x2, w3, sxth #2
add sp, x2, w3, sxth #2
adds x1, sp, w3, sxth #2
sub x1, sp, w3, sxth #2
subs xzr, sp, w3, sxth #2
cmn x4, w5, sxth #2
add w1, wsp, w3, sxth #2
sub wsp, w2, w3, sxth #2
subs w1, w2, w3, sxth #2
add x1, x2, w3, sxth #3
add sp, x2, w3, sxth #3
adds x1, sp, w3, sxth #3
sub x1, sp, w3, sxth #3
subs xzr, sp, w3, sxth #3
cmn x4, w5, sxth #3
add w1, wsp, w3, sxth #3
sub wsp, w2, w3, sxth #3
subs w1, w2, w3, sxth #3
add x1, x2, w3, sxth #4
add sp, x2, w3, sxth #4
adds x1, sp, w3, sxth #4
sub x1, sp, w3, sxth #4
subs xzr, sp, w3, sxth #4
cmn x4, w5, sxth #4
add w1, wsp, w3, sxth #4
sub wsp, w2, w3, sxth #4
subs w1, w2, w3, sxth #4
add x1, x2, w3, sxtw #0
add sp, x2, w3, sxtw #0
adds x1, sp, w3, sxtw #0
sub x1, sp, w3, sxtw #0
subs xzr, sp, w3, sxtw #0
cmn x4, w5, sxtw #0
add w1, wsp, w3, sxtw #0
sub wsp, w2, w3, sxtw #0
subs w1, w2, w3, sxtw #0
add x1, x2, w3, sxtw #1
add sp, x2, w3, sxtw #1
adds x1, sp, w3, sxtw #1
sub x1, sp, w3, sxtw #1
subs xzr, sp, w3, sxtw #1
cmn x4, w5, sxtw #1
add w1, wsp, w3, sxtw #1
sub wsp, w2, w3, sxtw #1
subs w1, w2, w3, sxtw #1
add x1, x2, w3, sxtw #2
add sp, x2, w3, sxtw #2
adds x1, sp, w3, sxtw #2
sub x1, sp, w3, sxtw #2
subs xzr, sp, w3, sxtw #2
cmn x4, w5, sxtw #2
add w1, wsp, w3, sxtw #2
sub wsp, w2, w3, sxtw #2
subs w1, w2, w3, sxtw #2
add x1, x2, w3, sxtw #3
add sp, x2, w3, sxtw #3
adds x1, sp, w3, sxtw #3
sub x1, sp, w3, sxtw #3
subs xzr, sp, w3, sxtw #3
cmn x4, w5, sxtw #3
add w1, wsp, w3, sxtw #3
sub wsp, w2, w3, sxtw #3
subs w1, w2, w3, sxtw #3
add x1, x2, w3, sxtw #4
add sp, x2, w3, sxtw #4
adds x1, sp, w3, sxtw #4
sub x1, sp, w3, sxtw #4
subs xzr, sp, w3, sxtw #4
cmn x4, w5, sxtw #4
add w1, wsp, w3, sxtw #4
sub wsp, w2, w3, sxtw #4
subs w1, w2, w3, sxtw #4
add x1, x2, x3, sxtx #0
add sp, x2, x3, sxtx #0
adds x1, sp, x3, sxtx #0
sub x1, sp, x3, sxtx #0
subs xzr, sp, x3, sxtx #0
cmn x4, x5, sxtx #0
add w1, wsp, w3, sxtx #0
sub wsp, w2, w3, sxtx #0
subs w1, w2, w3, sxtx #0
add x1, x2, x3, sxtx #1
add sp, x2, x3, sxtx #1
adds x1, sp, x3, sxtx #1
sub x1, sp, x3, sxtx #1
subs xzr, sp, x3, sxtx #1
cmn x4, x5, sxtx #1
add w1, wsp, w3, sxtx #1
sub wsp, w2, w3, sxtx #1
subs w1, w2, w3, sxtx #1
add x1, x2, x3, sxtx #2
add sp, x2, x3, sxtx #2
adds x1, sp, x3, sxtx #2
sub x1, sp, x3, sxtx #2
subs xzr, sp, x3, sxtx #2
cmn x4, x5, sxtx #2
add w1, wsp, w3, sxtx #2
sub wsp, w2, w3, sxtx #2
subs w1, w2, w3, sxtx #2
add x1, x2, x3, sxtx #3
add sp, x2, x3, sxtx #3
adds x1, sp, x3, sxtx #3
sub x1, sp, x3, sxtx #3
subs xzr, sp, x3, sxtx #3
cmn x4, x5, sxtx #3
add w1, wsp, w3, sxtx #3
sub wsp, w2, w3, sxtx #3
subs w1, w2, w3, sxtx #3
add x1, x2, x3, sxtx #4
add sp, x2, x3, sxtx #4
adds x1, sp, x3, sxtx #4
sub x1, sp, x3, sxtx #4
subs xzr, sp, x3, sxtx #4
cmn x4, x5, sxtx #4
add w1, wsp, w3, sxtx #4
sub wsp, w2, w3, sxtx #4
subs w1, w2, w3, sxtx #4
and w1, w2, #0x1
orr w3, wzr, #0x1
eor wsp, w4, #0x1
ands w5, w6, #0x1
ands wzr, w7, #0x1
orr w8, w9, #0x1
and w1, w2, #0x3
orr w3, wzr, #0x3
eor wsp, w4, #0x3
ands w5, w6, #0x3
ands wzr, w7, #0x3
orr w8, w9, #0x3
and w1, w2, #0xff
orr w3, wzr, #0xff
eor wsp, w4, #0xff
ands w5, w6, #0xff
ands wzr, w7, #0xff
orr w8, w9, #0xff
and w1, w2, #0xffff
orr w3, wzr, #0xffff
eor wsp, w4, #0xffff
ands w5, w6, #0xffff
ands wzr, w7, #0xffff
orr w8, w9, #0xffff
and w1, w2, #0xffff0000
orr w3, wzr, #0xffff0000
eor wsp, w4, #0xffff0000
ands w5, w6, #0xffff0000
ands wzr, w7, #0xffff0000
orr w8, w9, #0xffff0000
and w1, w2, #0xfffffffe
orr w3, wzr, #0xfffffffe
eor wsp, w4, #0xfffffffe
ands w5, w6, #0xfffffffe
ands wzr, w7, #0xfffffffe
orr w8, w9, #0xfffffffe
and w1, w2, #0x7fffffff
orr w3, wzr, #0x7fffffff
eor wsp, w4, #0x7fffffff
ands w5, w6, #0x7fffffff
ands wzr, w7, #0x7fffffff
orr w8, w9, #0x7fffffff
and w1, w2, #0x80000000
orr w3, wzr, #0x80000000
eor wsp, w4, #0x80000000
ands w5, w6, #0x80000000
ands wzr, w7, #0x80000000
orr w8, w9, #0x80000000
and w1, w2, #0x55555555
orr w3, wzr, #0x55555555
eor wsp, w4, #0x55555555
ands w5, w6, #0x55555555
ands wzr, w7, #0x55555555
orr w8, w9, #0x55555555
and w1, w2, #0xaaaaaaaa
orr w3, wzr, #0xaaaaaaaa
eor wsp, w4, #0xaaaaaaaa
ands w5, w6, #0xaaaaaaaa
ands wzr, w7, #0xaaaaaaaa
orr w8, w9, #0xaaaaaaaa
and w1, w2, #0x0f0f0f0f
orr w3, wzr, #0x0f0f0f0f
eor wsp, w4, #0x0f0f0f0f
ands w5, w6, #0x0f0f0f0f
ands wzr, w7, #0x0f0f0f0f
orr w8, w9, #0x0f0f0f0f
and w1, w2, #0x00ff00ff
orr w3, wzr, #0x00ff00ff
eor wsp, w4, #0x00ff00ff
ands w5, w6, #0x00ff00ff
ands wzr, w7, #0x00ff00ff
orr w8, w9, #0x00ff00ff
and w1, w2, #0x33333333
orr w3, wzr, #0x33333333
eor wsp, w4, #0x33333333
ands w5, w6, #0x33333333
ands wzr, w7, #0x33333333
orr w8, w9, #0x33333333
and w1, w2, #0xc0000003
orr w3, wzr, #0xc0000003
eor wsp, w4, #0xc0000003
ands w5, w6, #0xc0000003
ands wzr, w7, #0xc0000003
orr w8, w9, #0xc0000003
and w1, w2, #0x1ffe
orr w3, wzr, #0x1ffe
eor wsp, w4, #0x1ffe
ands w5, w6, #0x1ffe
ands wzr, w7, #0x1ffe
orr w8, w9, #0x1ffe
and w1, w2, #0xfff0000f
orr w3, wzr, #0xfff0000f
eor wsp, w4, #0xfff0000f
ands w5, w6, #0xfff0000f
ands wzr, w7, #0xfff0000f
orr w8, w9, #0xfff0000f
and x1, x2, #0x1
orr x3, xzr, #0x1
eor sp, x4, #0x1
ands x5, x6, #0x1
tst x7, #0x1
orr sp, xzr, #0x1
and x1, x2, #0xff
orr x3, xzr, #0xff
eor sp, x4, #0xff
ands x5, x6, #0xff
tst x7, #0xff
orr sp, xzr, #0xff
and x1, x2, #0xffff
orr x3, xzr, #0xffff
eor sp, x4, #0xffff
ands x5, x6, #0xffff
tst x7, #0xffff
orr sp, xzr, #0xffff
and x1, x2, #0xffff0000
orr x3, xzr, #0xffff0000
eor sp, x4, #0xffff0000
ands x5, x6, #0xffff0000
tst x7, #0xffff0000
orr sp, xzr, #0xffff0000
and x1, x2, #0xffffffff
orr x3, xzr, #0xffffffff
eor sp, x4, #0xffffffff
ands x5, x6, #0xffffffff
tst x7, #0xffffffff
orr sp, xzr, #0xffffffff
and x1, x2, #0xffff00000000
orr x3, xzr, #0xffff00000000
eor sp, x4, #0xffff00000000
ands x5, x6, #0xffff00000000
tst x7, #0xffff00000000
orr sp, xzr, #0xffff00000000
and x1, x2, #0xffffffffffff
orr x3, xzr, #0xffffffffffff
eor sp, x4, #0xffffffffffff
ands x5, x6, #0xffffffffffff
tst x7, #0xffffffffffff
orr sp, xzr, #0xffffffffffff
and x1, x2, #0x7fffffffffffffff
orr x3, xzr, #0x7fffffffffffffff
eor sp, x4, #0x7fffffffffffffff
ands x5, x6, #0x7fffffffffffffff
tst x7, #0x7fffffffffffffff
orr sp, xzr, #0x7fffffffffffffff
and x1, x2, #0x8000000000000000
orr x3, xzr, #0x8000000000000000
eor sp, x4, #0x8000000000000000
ands x5, x6, #0x8000000000000000
tst x7, #0x8000000000000000
orr sp, xzr, #0x8000000000000000
and x1, x2, #0xfffffffffffffffe
orr x3, xzr, #0xfffffffffffffffe
eor sp, x4, #0xfffffffffffffffe
ands x5, x6, #0xfffffffffffffffe
tst x7, #0xfffffffffffffffe
orr sp, xzr, #0xfffffffffffffffe
and x1, x2, #0x5555555555555555
orr x3, xzr, #0x5555555555555555
eor sp, x4, #0x5555555555555555
ands x5, x6, #0x5555555555555555
tst x7, #0x5555555555555555
orr sp, xzr, #0x5555555555555555
and x1, x2, #0xaaaaaaaaaaaaaaaa
orr x3, xzr, #0xaaaaaaaaaaaaaaaa
eor sp, x4, #0xaaaaaaaaaaaaaaaa
ands x5, x6, #0xaaaaaaaaaaaaaaaa
tst x7, #0xaaaaaaaaaaaaaaaa
orr sp, xzr, #0xaaaaaaaaaaaaaaaa
and x1, x2, #0x0f0f0f0f0f0f0f0f
orr x3, xzr, #0x0f0f0f0f0f0f0f0f
eor sp, x4, #0x0f0f0f0f0f0f0f0f
ands x5, x6, #0x0f0f0f0f0f0f0f0f
tst x7, #0x0f0f0f0f0f0f0f0f
orr sp, xzr, #0x0f0f0f0f0f0f0f0f
and x1, x2, #0x00ff00ff00ff00ff
orr x3, xzr, #0x00ff00ff00ff00ff
eor sp, x4, #0x00ff00ff00ff00ff
ands x5, x6, #0x00ff00ff00ff00ff
tst x7, #0x00ff00ff00ff00ff
orr sp, xzr, #0x00ff00ff00ff00ff
and x1, x2, #0x0000ffff0000ffff
orr x3, xzr, #0x0000ffff0000ffff
eor sp, x4, #0x0000ffff0000ffff
ands x5, x6, #0x0000ffff0000ffff
tst x7, #0x0000ffff0000ffff
orr sp, xzr, #0x0000ffff0000ffff
and x1, x2, #0x3333333333333333
orr x3, xzr, #0x3333333333333333
eor sp, x4, #0x3333333333333333
ands x5, x6, #0x3333333333333333
tst x7, #0x3333333333333333
orr sp, xzr, #0x3333333333333333
and x1, x2, #0xc000000000000003
orr x3, xzr, #0xc000000000000003
eor sp, x4, #0xc000000000000003
ands x5, x6, #0xc000000000000003
tst x7, #0xc000000000000003
orr sp, xzr, #0xc000000000000003
and x1, x2, #0x00000003fffffffc
orr x3, xzr, #0x00000003fffffffc
eor sp, x4, #0x00000003fffffffc
ands x5, x6, #0x00000003fffffffc
tst x7, #0x00000003fffffffc
orr sp, xzr, #0x00000003fffffffc
and x1, x2, #0xffff0000ffff0000
orr x3, xzr, #0xffff0000ffff0000
eor sp, x4, #0xffff0000ffff0000
ands x5, x6, #0xffff0000ffff0000
tst x7, #0xffff0000ffff0000
orr sp, xzr, #0xffff0000ffff0000
and x1, x2, #0x0000000100000001
orr x3, xzr, #0x0000000100000001
eor sp, x4, #0x0000000100000001
ands x5, x6, #0x0000000100000001
tst x7, #0x0000000100000001
orr sp, xzr, #0x0000000100000001
and x1, x2, #0x8000000180000001
orr x3, xzr, #0x8000000180000001
eor sp, x4, #0x8000000180000001
ands x5, x6, #0x8000000180000001
tst x7, #0x8000000180000001
orr sp, xzr, #0x8000000180000001
and x1, x2, #0x00ffff0000ffff00
orr x3, xzr, #0x00ffff0000ffff00
eor sp, x4, #0x00ffff0000ffff00
ands x5, x6, #0x00ffff0000ffff00
tst x7, #0x00ffff0000ffff00
orr sp, xzr, #0x00ffff0000ffff00
movz x1, #0, lsl #0
movn x2, #0, lsl #0
movk x3, #0, lsl #0
movz x1, #0, lsl #16
movn x2, #0, lsl #16
movk x3, #0, lsl #16
movz x1, #0, lsl #32
movn x2, #0, lsl #32
movk x3, #0, lsl #32
movz x1, #0, lsl #48
movn x2, #0, lsl #48
movk x3, #0, lsl #48
movz w1, #0, lsl #0
movn w2, #0, lsl #0
movk w3, #0, lsl #0
movz w1, #0, lsl #16
movn w2, #0, lsl #16
movk w3, #0, lsl #16
movz x1, #1, lsl #0
movn x2, #1, lsl #0
movk x3, #1, lsl #0
movz x1, #1, lsl #16
movn x2, #1, lsl #16
movk x3, #1, lsl #16
movz x1, #1, lsl #32
movn x2, #1, lsl #32
movk x3, #1, lsl #32
movz x1, #1, lsl #48
movn x2, #1, lsl #48
movk x3, #1, lsl #48
movz w1, #1, lsl #0
movn w2, #1, lsl #0
movk w3, #1, lsl #0
movz w1, #1, lsl #16
movn w2, #1, lsl #16
movk w3, #1, lsl #16
movz x1, #0xffff, lsl #0
movn x2, #0xffff, lsl #0
movk x3, #0xffff, lsl #0
movz x1, #0xffff, lsl #16
movn x2, #0xffff, lsl #16
movk x3, #0xffff, lsl #16
movz x1, #0xffff, lsl #32
movn x2, #0xffff, lsl #32
movk x3, #0xffff, lsl #32
movz x1, #0xffff, lsl #48
movn x2, #0xffff, lsl #48
movk x3, #0xffff, lsl #48
movz w1, #0xffff, lsl #0
movn w2, #0xffff, lsl #0
movk w3, #0xffff, lsl #0
movz w1, #0xffff, lsl #16
movn w2, #0xffff, lsl #16
movk w3, #0xffff, lsl #16
movz x1, #0x8000, lsl #0
movn x2, #0x8000, lsl #0
movk x3, #0x8000, lsl #0
movz x1, #0x8000, lsl #16
movn x2, #0x8000, lsl #16
movk x3, #0x8000, lsl #16
movz x1, #0x8000, lsl #32
movn x2, #0x8000, lsl #32
movk x3, #0x8000, lsl #32
movz x1, #0x8000, lsl #48
movn x2, #0x8000, lsl #48
movk x3, #0x8000, lsl #48
movz w1, #0x8000, lsl #0
movn w2, #0x8000, lsl #0
movk w3, #0x8000, lsl #0
movz w1, #0x8000, lsl #16
movn w2, #0x8000, lsl #16
movk w3, #0x8000, lsl #16
movz x1, #0x1234, lsl #0
movn x2, #0x1234, lsl #0
movk x3, #0x1234, lsl #0
movz x1, #0x1234, lsl #16
movn x2, #0x1234, lsl #16
movk x3, #0x1234, lsl #16
movz x1, #0x1234, lsl #32
movn x2, #0x1234, lsl #32
movk x3, #0x1234, lsl #32
movz x1, #0x1234, lsl #48
movn x2, #0x1234, lsl #48
movk x3, #0x1234, lsl #48
movz w1, #0x1234, lsl #0
movn w2, #0x1234, lsl #0
movk w3, #0x1234, lsl #0
movz w1, #0x1234, lsl #16
movn w2, #0x1234, lsl #16
movk w3, #0x1234, lsl #16
sbfm x1, x2, #0, #0
ubfm x3, x4, #0, #0
bfm x5, x6, #0, #0
bfm x7, xzr, #0, #0
sbfm w1, w2, #0, #0
ubfm w3, w4, #0, #0
bfm w5, w6, #0, #0
bfm w7, wzr, #0, #0
sbfm x1, x2, #0, #1
ubfm x3, x4, #0, #1
bfm x5, x6, #0, #1
bfm x7, xzr, #0, #1
sbfm w1, w2, #0, #1
ubfm w3, w4, #0, #1
bfm w5, w6, #0, #1
bfm w7, wzr, #0, #1
sbfm x1, x2, #0, #6
ubfm x3, x4, #0, #6
bfm x5, x6, #0, #6
bfm x7, xzr, #0, #6
sbfm w1, w2, #0, #6
ubfm w3, w4, #0, #6
bfm w5, w6, #0, #6
bfm w7, wzr, #0, #6
sbfm x1, x2, #0, #7
ubfm x3, x4, #0, #7
bfm x5, x6, #0, #7
bfm x7, xzr, #0, #7
sbfm w1, w2, #0, #7
ubfm w3, w4, #0, #7
bfm w5, w6, #0, #7
bfm w7, wzr, #0, #7
sbfm x1, x2, #0, #8
ubfm x3, x4, #0, #8
bfm x5, x6, #0, #8
bfm x7, xzr, #0, #8
sbfm w1, w2, #0, #8
ubfm w3, w4, #0, #8
bfm w5, w6, #0, #8
bfm w7, wzr, #0, #8
sbfm x1, x2, #0, #14
ubfm x3, x4, #0, #14
bfm x5, x6, #0, #14
bfm x7, xzr, #0, #14
sbfm w1, w2, #0, #14
ubfm w3, w4, #0, #14
bfm w5, w6, #0, #14
bfm w7, wzr, #0, #14
sbfm x1, x2, #0, #15
ubfm x3, x4, #0, #15
bfm x5, x6, #0, #15
bfm x7, xzr, #0, #15
sbfm w1, w2, #0, #15
ubfm w3, w4, #0, #15
bfm w5, w6, #0, #15
bfm w7, wzr, #0, #15
sbfm x1, x2, #0, #16
ubfm x3, x4, #0, #16
bfm x5, x6, #0, #16
bfm x7, xzr, #0, #16
sbfm w1, w2, #0, #16
ubfm w3, w4, #0, #16
bfm w5, w6, #0, #16
bfm w7, wzr, #0, #16
sbfm x1, x2, #0, #30
ubfm x3, x4, #0, #30
bfm x5, x6, #0, #30
bfm x7, xzr, #0, #30
sbfm w1, w2, #0, #30
ubfm w3, w4, #0, #30
bfm w5, w6, #0, #30
bfm w7, wzr, #0, #30
sbfm x1, x2, #0, #31
ubfm x3, x4, #0, #31
bfm x5, x6, #0, #31
bfm x7, xzr, #0, #31
sbfm w1, w2, #0, #31
ubfm w3, w4, #0, #31
bfm w5, w6, #0, #31
bfm w7, wzr, #0, #31
sbfm x1, x2, #0, #32
ubfm x3, x4, #0, #32
bfm x5, x6, #0, #32
bfm x7, xzr, #0, #32
sbfm x1, x2, #0, #62
ubfm x3, x4, #0, #62
bfm x5, x6, #0, #62
bfm x7, xzr, #0, #62
sbfm x1, x2, #0, #63
ubfm x3, x4, #0, #63
bfm x5, x6, #0, #63
bfm x7, xzr, #0, #63
sbfm x1, x2, #1, #0
ubfm x3, x4, #1, #0
bfm x5, x6, #1, #0
bfm x7, xzr, #1, #0
sbfm w1, w2, #1, #0
ubfm w3, w4, #1, #0
bfm w5, w6, #1, #0
bfm w7, wzr, #1, #0
sbfm x1, x2, #1, #1
ubfm x3, x4, #1, #1
bfm x5, x6, #1, #1
bfm x7, xzr, #1, #1
sbfm w1, w2, #1, #1
ubfm w3, w4, #1, #1
bfm w5, w6, #1, #1
bfm w7, wzr, #1, #1
sbfm x1, x2, #1, #6
ubfm x3, x4, #1, #6
bfm x5, x6, #1, #6
bfm x7, xzr, #1, #6
sbfm w1, w2, #1, #6
ubfm w3, w4, #1, #6
bfm w5, w6, #1, #6
bfm w7, wzr, #1, #6
sbfm x1, x2, #1, #7
ubfm x3, x4, #1, #7
bfm x5, x6, #1, #7
bfm x7, xzr, #1, #7
sbfm w1, w2, #1, #7
ubfm w3, w4, #1, #7
bfm w5, w6, #1, #7
bfm w7, wzr, #1, #7
sbfm x1, x2, #1, #8
ubfm x3, x4, #1, #8
bfm x5, x6, #1, #8
bfm x7, xzr, #1, #8
sbfm w1, w2, #1, #8
ubfm w3, w4, #1, #8
bfm w5, w6, #1, #8
bfm w7, wzr, #1, #8
sbfm x1, x2, #1, #14
ubfm x3, x4, #1, #14
bfm x5, x6, #1, #14
bfm x7, xzr, #1, #14
sbfm w1, w2, #1, #14
ubfm w3, w4, #1, #14
bfm w5, w6, #1, #14
bfm w7, wzr, #1, #14
sbfm x1, x2, #1, #15
ubfm x3, x4, #1, #15
bfm x5, x6, #1, #15
bfm x7, xzr, #1, #15
sbfm w1, w2, #1, #15
ubfm w3, w4, #1, #15
bfm w5, w6, #1, #15
bfm w7, wzr, #1, #15
sbfm x1, x2, #1, #16
ubfm x3, x4, #1, #16
bfm x5, x6, #1, #16
bfm x7, xzr, #1, #16
sbfm w1, w2, #1, #16
ubfm w3, w4, #1, #16
bfm w5, w6, #1, #16
bfm w7, wzr, #1, #16
sbfm x1, x2, #1, #30
ubfm x3, x4, #1, #30
bfm x5, x6, #1, #30
bfm x7, xzr, #1, #30
sbfm w1, w2, #1, #30
ubfm w3, w4, #1, #30
bfm w5, w6, #1, #30
bfm w7, wzr, #1, #30
sbfm x1, x2, #1, #31
ubfm x3, x4, #1, #31
bfm x5, x6, #1, #31
bfm x7, xzr, #1, #31
sbfm w1, w2, #1, #31
ubfm w3, w4, #1, #31
