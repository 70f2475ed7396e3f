.arch armv8.1-a
umulh x23, x4, x24
extr x23, x4, x24, #46
adc x23, x4, x24
adcs w23, w4, w25
sbc x23, x4, x26
sbcs w23, w4, w27
ngc x23, x4
ngcs w23, w4
add x24, x11, #3120
add w24, w11, #3048, lsl #12
adds x24, x11, #4095
sub x24, x11, #24
subs w24, w11, #4071
subs x24, x11, #1, lsl #12
add x24, x11, x29, lsl #48
adds w24, w11, w1, lsr #24
sub x24, x11, x25, asr #39
subs x24, x11, x26
and x24, x11, x27, ror #24
orr w24, w11, w28, lsl #24
eor x24, x11, x30, lsr #48
ands x24, x11, xzr
bic x24, x11, x0, asr #1
orn w24, w11, w0
eon x24, x11, x0, ror #63
bics w24, w11, w0, lsl #31
mov x24, x11
mvn w24, w11
movz x24, #49128, lsl #0
movn w24, #49128, lsl #0
movk x24, #65511, lsl #0
lslv x24, x11, x25
lsrv w24, w11, w25
asrv x24, x11, x25
rorv w24, w11, w25
udiv x24, x11, x25
sdiv w24, w11, w25
madd x24, x11, x25, x26
msub w24, w11, w25, w27
smaddl x24, w11, w25, x28
umsubl x24, w11, w25, x29
smulh x24, x11, x25
umulh x24, x11, x25
extr x24, x11, x24, #48
adc x24, x11, x25
adcs w24, w11, w26
sbc x24, x11, x27
sbcs w24, w11, w28
ngc x24, x11
ngcs w24, w11
add x25, x18, #3250
add w25, w18, #3175, lsl #12
adds x25, x18, #4095
sub x25, x18, #25
subs w25, w18, #4070
subs x25, x18, #1, lsl #12
add x25, x18, x30, lsl #50
adds w25, w18, w2, lsr #25
sub x25, x18, x26, asr #38
subs x25, x18, x27
and x25, x18, x28, ror #25
orr w25, w18, w29, lsl #25
eor x25, x18, xzr, lsr #50
ands x25, x18, x0
bic x25, x18, x1, asr #1
orn w25, w18, w1
eon x25, x18, x1, ror #63
bics w25, w18, w1, lsl #31
mov x25, x18
mvn w25, w18
movz x25, #51175, lsl #16
movn w25, #51175, lsl #16
movk x25, #65510, lsl #16
lslv x25, x18, x26
lsrv w25, w18, w26
asrv x25, x18, x26
rorv w25, w18, w26
udiv x25, x18, x26
sdiv w25, w18, w26
madd x25, x18, x26, x27
msub w25, w18, w26, w28
smaddl x25, w18, w26, x29
umsubl x25, w18, w26, x30
smulh x25, x18, x26
umulh x25, x18, x26
extr x25, x18, x26, #50
adc x25, x18, x26
adcs w25, w18, w27
sbc x25, x18, x28
sbcs w25, w18, w29
ngc x25, x18
ngcs w25, w18
add x26, x25, #3380
add w26, w25, #3302, lsl #12
adds x26, x25, #4095
sub x26, x25, #26
subs w26, w25, #4069
subs x26, x25, #1, lsl #12
add x26, x25, xzr, lsl #52
adds w26, w25, w3, lsr #26
sub x26, x25, x27, asr #37
subs x26, x25, x28
and x26, x25, x29, ror #26
orr w26, w25, w30, lsl #26
eor x26, x25, x0, lsr #52
ands x26, x25, x1
bic x26, x25, x2, asr #1
orn w26, w25, w2
eon x26, x25, x2, ror #63
bics w26, w25, w2, lsl #31
mov x26, x25
mvn w26, w25
movz x26, #53222, lsl #32
movn w26, #53222, lsl #0
movk x26, #65509, lsl #32
lslv x26, x25, x27
lsrv w26, w25, w27
asrv x26, x25, x27
rorv w26, w25, w27
udiv x26, x25, x27
sdiv w26, w25, w27
madd x26, x25, x27, x28
msub w26, w25, w27, w29
smaddl x26, w25, w27, x30
umsubl x26, w25, w27, xzr
smulh x26, x25, x27
umulh x26, x25, x27
extr x26, x25, x26, #52
adc x26, x25, x27
adcs w26, w25, w28
sbc x26, x25, x29
sbcs w26, w25, w30
ngc x26, x25
ngcs w26, w25
add x27, x0, #3510
add w27, w0, #3429, lsl #12
adds x27, x0, #4095
sub x27, x0, #27
subs w27, w0, #4068
subs x27, x0, #1, lsl #12
add x27, x0, x0, lsl #54
adds w27, w0, w4, lsr #27
sub x27, x0, x28, asr #36
subs x27, x0, x29
and x27, x0, x30, ror #27
orr w27, w0, wzr, lsl #27
eor x27, x0, x1, lsr #54
ands x27, x0, x2
bic x27, x0, x3, asr #1
orn w27, w0, w3
eon x27, x0, x3, ror #63
bics w27, w0, w3, lsl #31
mov x27, x0
mvn w27, w0
movz x27, #55269, lsl #48
movn w27, #55269, lsl #16
movk x27, #65508, lsl #48
lslv x27, x0, x28
lsrv w27, w0, w28
asrv x27, x0, x28
rorv w27, w0, w28
udiv x27, x0, x28
sdiv w27, w0, w28
madd x27, x0, x28, x29
msub w27, w0, w28, w30
smaddl x27, w0, w28, xzr
umsubl x27, w0, w28, x0
smulh x27, x0, x28
umulh x27, x0, x28
extr x27, x0, x28, #54
adc x27, x0, x28
adcs w27, w0, w29
sbc x27, x0, x30
sbcs w27, w0, wzr
ngc x27, x0
ngcs w27, w0
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
adc x28, x7, x29
adcs w28, w7, w30
sbc x28, x7, xzr
sbcs w28, w7, w0
ngc x28, x7
ngcs w28, w7
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
adc x29, x14, x30
adcs w29, w14, wzr
sbc x29, x14, x0
sbcs w29, w14, w1
ngc x29, x14
ngcs w29, w14
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
adc x30, x21, xzr
adcs w30, w21, w0
sbc x30, x21, x1
sbcs w30, w21, w2
ngc x30, x21
ngcs w30, w21
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
adc xzr, x28, x0
adcs wzr, w28, w1
sbc xzr, x28, x2
sbcs wzr, w28, w3
ngc xzr, x28
ngcs wzr, w28
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
