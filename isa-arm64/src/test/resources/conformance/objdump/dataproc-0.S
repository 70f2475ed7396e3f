.arch armv8.1-a
add x0, x3, #0
add w0, w3, #0, lsl #12
adds x0, x3, #4095
sub x0, x3, #0
subs w0, w3, #4095
subs x0, x3, #1, lsl #12
add x0, x3, x5, lsl #0
adds w0, w3, w9, lsr #0
sub x0, x3, x1, asr #63
subs x0, x3, x2
and x0, x3, x3, ror #0
orr w0, w3, w4, lsl #0
eor x0, x3, x6, lsr #0
ands x0, x3, x7
bic x0, x3, x8, asr #1
orn w0, w3, w8
eon x0, x3, x8, ror #63
bics w0, w3, w8, lsl #31
mov x0, x3
mvn w0, w3
movz x0, #0, lsl #0
movn w0, #0, lsl #0
movk x0, #65535, lsl #0
lslv x0, x3, x1
lsrv w0, w3, w1
asrv x0, x3, x1
rorv w0, w3, w1
udiv x0, x3, x1
sdiv w0, w3, w1
madd x0, x3, x1, x2
msub w0, w3, w1, w3
smaddl x0, w3, w1, x4
umsubl x0, w3, w1, x5
smulh x0, x3, x1
umulh x0, x3, x1
extr x0, x3, x0, #0
adc x0, x3, x1
adcs w0, w3, w2
sbc x0, x3, x3
sbcs w0, w3, w4
ngc x0, x3
ngcs w0, w3
add x1, x10, #130
add w1, w10, #127, lsl #12
adds x1, x10, #4095
sub x1, x10, #1
subs w1, w10, #4094
subs x1, x10, #1, lsl #12
add x1, x10, x6, lsl #2
adds w1, w10, w10, lsr #1
sub x1, x10, x2, asr #62
subs x1, x10, x3
and x1, x10, x4, ror #1
orr w1, w10, w5, lsl #1
eor x1, x10, x7, lsr #2
ands x1, x10, x8
bic x1, x10, x9, asr #1
orn w1, w10, w9
eon x1, x10, x9, ror #63
bics w1, w10, w9, lsl #31
mov x1, x10
mvn w1, w10
movz x1, #2047, lsl #16
movn w1, #2047, lsl #16
movk x1, #65534, lsl #16
lslv x1, x10, x2
lsrv w1, w10, w2
asrv x1, x10, x2
rorv w1, w10, w2
udiv x1, x10, x2
sdiv w1, w10, w2
madd x1, x10, x2, x3
msub w1, w10, w2, w4
smaddl x1, w10, w2, x5
umsubl x1, w10, w2, x6
smulh x1, x10, x2
umulh x1, x10, x2
extr x1, x10, x2, #2
adc x1, x10, x2
adcs w1, w10, w3
sbc x1, x10, x4
sbcs w1, w10, w5
ngc x1, x10
ngcs w1, w10
add x2, x17, #260
add w2, w17, #254, lsl #12
adds x2, x17, #4095
sub x2, x17, #2
subs w2, w17, #4093
subs x2, x17, #1, lsl #12
add x2, x17, x7, lsl #4
adds w2, w17, w11, lsr #2
sub x2, x17, x3, asr #61
subs x2, x17, x4
and x2, x17, x5, ror #2
orr w2, w17, w6, lsl #2
eor x2, x17, x8, lsr #4
ands x2, x17, x9
bic x2, x17, x10, asr #1
orn w2, w17, w10
eon x2, x17, x10, ror #63
bics w2, w17, w10, lsl #31
mov x2, x17
mvn w2, w17
movz x2, #4094, lsl #32
movn w2, #4094, lsl #0
movk x2, #65533, lsl #32
lslv x2, x17, x3
lsrv w2, w17, w3
asrv x2, x17, x3
rorv w2, w17, w3
udiv x2, x17, x3
sdiv w2, w17, w3
madd x2, x17, x3, x4
msub w2, w17, w3, w5
smaddl x2, w17, w3, x6
umsubl x2, w17, w3, x7
smulh x2, x17, x3
umulh x2, x17, x3
extr x2, x17, x2, #4
adc x2, x17, x3
adcs w2, w17, w4
sbc x2, x17, x5
sbcs w2, w17, w6
ngc x2, x17
ngcs w2, w17
add x3, x24, #390
add w3, w24, #381, lsl #12
adds x3, x24, #4095
sub x3, x24, #3
subs w3, w24, #4092
subs x3, x24, #1, lsl #12
add x3, x24, x8, lsl #6
adds w3, w24, w12, lsr #3
sub x3, x24, x4, asr #60
subs x3, x24, x5
and x3, x24, x6, ror #3
orr w3, w24, w7, lsl #3
eor x3, x24, x9, lsr #6
ands x3, x24, x10
bic x3, x24, x11, asr #1
orn w3, w24, w11
eon x3, x24, x11, ror #63
bics w3, w24, w11, lsl #31
mov x3, x24
mvn w3, w24
movz x3, #6141, lsl #48
movn w3, #6141, lsl #16
movk x3, #65532, lsl #48
lslv x3, x24, x4
lsrv w3, w24, w4
asrv x3, x24, x4
rorv w3, w24, w4
udiv x3, x24, x4
sdiv w3, w24, w4
madd x3, x24, x4, x5
msub w3, w24, w4, w6
smaddl x3, w24, w4, x7
umsubl x3, w24, w4, x8
smulh x3, x24, x4
umulh x3, x24, x4
extr x3, x24, x4, #6
adc x3, x24, x4
adcs w3, w24, w5
sbc x3, x24, x6
sbcs w3, w24, w7
ngc x3, x24
ngcs w3, w24
add x4, sp, #520
add w4, wsp, #508, lsl #12
adds x4, sp, #4095
sub x4, sp, #4
subs w4, wsp, #4091
subs x4, sp, #1, lsl #12
add x4, xzr, x9, lsl #8
adds w4, wzr, w13, lsr #4
sub x4, xzr, x5, asr #59
subs x4, xzr, x6
and x4, xzr, x7, ror #4
orr w4, wzr, w8, lsl #4
eor x4, xzr, x10, lsr #8
ands x4, xzr, x11
bic x4, xzr, x12, asr #1
orn w4, wzr, w12
eon x4, xzr, x12, ror #63
bics w4, wzr, w12, lsl #31
mov x4, xzr
mvn w4, wzr
movz x4, #8188, lsl #0
movn w4, #8188, lsl #0
movk x4, #65531, lsl #0
lslv x4, xzr, x5
lsrv w4, wzr, w5
asrv x4, xzr, x5
rorv w4, wzr, w5
udiv x4, xzr, x5
sdiv w4, wzr, w5
madd x4, xzr, x5, x6
msub w4, wzr, w5, w7
smaddl x4, wzr, w5, x8
umsubl x4, wzr, w5, x9
smulh x4, xzr, x5
umulh x4, xzr, x5
extr x4, xzr, x4, #8
adc x4, xzr, x5
adcs w4, wzr, w6
sbc x4, xzr, x7
sbcs w4, wzr, w8
ngc x4, xzr
ngcs w4, wzr
add x5, x6, #650
add w5, w6, #635, lsl #12
adds x5, x6, #4095
sub x5, x6, #5
subs w5, w6, #4090
subs x5, x6, #1, lsl #12
add x5, x6, x10, lsl #10
adds w5, w6, w14, lsr #5
sub x5, x6, x6, asr #58
subs x5, x6, x7
and x5, x6, x8, ror #5
orr w5, w6, w9, lsl #5
eor x5, x6, x11, lsr #10
ands x5, x6, x12
bic x5, x6, x13, asr #1
orn w5, w6, w13
eon x5, x6, x13, ror #63
bics w5, w6, w13, lsl #31
mov x5, x6
mvn w5, w6
movz x5, #10235, lsl #16
movn w5, #10235, lsl #16
movk x5, #65530, lsl #16
lslv x5, x6, x6
lsrv w5, w6, w6
asrv x5, x6, x6
rorv w5, w6, w6
udiv x5, x6, x6
sdiv w5, w6, w6
madd x5, x6, x6, x7
msub w5, w6, w6, w8
smaddl x5, w6, w6, x9
umsubl x5, w6, w6, x10
smulh x5, x6, x6
umulh x5, x6, x6
extr x5, x6, x6, #10
adc x5, x6, x6
adcs w5, w6, w7
sbc x5, x6, x8
sbcs w5, w6, w9
ngc x5, x6
ngcs w5, w6
add x6, x13, #780
add w6, w13, #762, lsl #12
adds x6, x13, #4095
sub x6, x13, #6
subs w6, w13, #4089
subs x6, x13, #1, lsl #12
add x6, x13, x11, lsl #12
adds w6, w13, w15, lsr #6
sub x6, x13, x7, asr #57
subs x6, x13, x8
and x6, x13, x9, ror #6
orr w6, w13, w10, lsl #6
eor x6, x13, x12, lsr #12
ands x6, x13, x13
bic x6, x13, x14, asr #1
orn w6, w13, w14
eon x6, x13, x14, ror #63
bics w6, w13, w14, lsl #31
mov x6, x13
mvn w6, w13
movz x6, #12282, lsl #32
movn w6, #12282, lsl #0
movk x6, #65529, lsl #32
lslv x6, x13, x7
lsrv w6, w13, w7
asrv x6, x13, x7
rorv w6, w13, w7
udiv x6, x13, x7
sdiv w6, w13, w7
madd x6, x13, x7, x8
msub w6, w13, w7, w9
smaddl x6, w13, w7, x10
umsubl x6, w13, w7, x11
smulh x6, x13, x7
umulh x6, x13, x7
extr x6, x13, x6, #12
adc x6, x13, x7
adcs w6, w13, w8
sbc x6, x13, x9
sbcs w6, w13, w10
ngc x6, x13
ngcs w6, w13
add x7, x20, #910
add w7, w20, #889, lsl #12
adds x7, x20, #4095
sub x7, x20, #7
subs w7, w20, #4088
subs x7, x20, #1, lsl #12
add x7, x20, x12, lsl #14
adds w7, w20, w16, lsr #7
sub x7, x20, x8, asr #56
subs x7, x20, x9
and x7, x20, x10, ror #7
orr w7, w20, w11, lsl #7
eor x7, x20, x13, lsr #14
ands x7, x20, x14
bic x7, x20, x15, asr #1
orn w7, w20, w15
eon x7, x20, x15, ror #63
bics w7, w20, w15, lsl #31
mov x7, x20
mvn w7, w20
movz x7, #14329, lsl #48
movn w7, #14329, lsl #16
movk x7, #65528, lsl #48
lslv x7, x20, x8
lsrv w7, w20, w8
asrv x7, x20, x8
rorv w7, w20, w8
udiv x7, x20, x8
sdiv w7, w20, w8
madd x7, x20, x8, x9
msub w7, w20, w8, w10
smaddl x7, w20, w8, x11
umsubl x7, w20, w8, x12
smulh x7, x20, x8
umulh x7, x20, x8
extr x7, x20, x8, #14
adc x7, x20, x8
adcs w7, w20, w9
sbc x7, x20, x10
sbcs w7, w20, w11
ngc x7, x20
ngcs w7, w20
add x8, x27, #1040
add w8, w27, #1016, lsl #12
adds x8, x27, #4095
sub x8, x27, #8
subs w8, w27, #4087
subs x8, x27, #1, lsl #12
add x8, x27, x13, lsl #16
adds w8, w27, w17, lsr #8
sub x8, x27, x9, asr #55
subs x8, x27, x10
and x8, x27, x11, ror #8
orr w8, w27, w12, lsl #8
eor x8, x27, x14, lsr #16
ands x8, x27, x15
bic x8, x27, x16, asr #1
orn w8, w27, w16
eon x8, x27, x16, ror #63
bics w8, w27, w16, lsl #31
mov x8, x27
mvn w8, w27
movz x8, #16376, lsl #0
movn w8, #16376, lsl #0
movk x8, #65527, lsl #0
lslv x8, x27, x9
lsrv w8, w27, w9
asrv x8, x27, x9
rorv w8, w27, w9
udiv x8, x27, x9
sdiv w8, w27, w9
madd x8, x27, x9, x10
msub w8, w27, w9, w11
smaddl x8, w27, w9, x12
umsubl x8, w27, w9, x13
smulh x8, x27, x9
umulh x8, x27, x9
extr x8, x27, x8, #16
adc x8, x27, x9
adcs w8, w27, w10
sbc x8, x27, x11
sbcs w8, w27, w12
ngc x8, x27
ngcs w8, w27
add x9, x2, #1170
add w9, w2, #1143, lsl #12
adds x9, x2, #4095
sub x9, x2, #9
subs w9, w2, #4086
subs x9, x2, #1, lsl #12
add x9, x2, x14, lsl #18
adds w9, w2, w18, lsr #9
sub x9, x2, x10, asr #54
subs x9, x2, x11
and x9, x2, x12, ror #9
orr w9, w2, w13, lsl #9
eor x9, x2, x15, lsr #18
ands x9, x2, x16
bic x9, x2, x17, asr #1
orn w9, w2, w17
eon x9, x2, x17, ror #63
bics w9, w2, w17, lsl #31
mov x9, x2
mvn w9, w2
movz x9, #18423, lsl #16
movn w9, #18423, lsl #16
movk x9, #65526, lsl #16
lslv x9, x2, x10
lsrv w9, w2, w10
asrv x9, x2, x10
rorv w9, w2, w10
udiv x9, x2, x10
sdiv w9, w2, w10
madd x9, x2, x10, x11
msub w9, w2, w10, w12
smaddl x9, w2, w10, x13
umsubl x9, w2, w10, x14
smulh x9, x2, x10
umulh x9, x2, x10
extr x9, x2, x10, #18
adc x9, x2, x10
adcs w9, w2, w11
sbc x9, x2, x12
sbcs w9, w2, w13
ngc x9, x2
ngcs w9, w2
add x10, x9, #1300
add w10, w9, #1270, lsl #12
adds x10, x9, #4095
sub x10, x9, #10
subs w10, w9, #4085
subs x10, x9, #1, lsl #12
add x10, x9, x15, lsl #20
adds w10, w9, w19, lsr #10
sub x10, x9, x11, asr #53
subs x10, x9, x12
and x10, x9, x13, ror #10
orr w10, w9, w14, lsl #10
eor x10, x9, x16, lsr #20
ands x10, x9, x17
bic x10, x9, x18, asr #1
orn w10, w9, w18
eon x10, x9, x18, ror #63
bics w10, w9, w18, lsl #31
mov x10, x9
mvn w10, w9
movz x10, #20470, lsl #32
movn w10, #20470, lsl #0
movk x10, #65525, lsl #32
lslv x10, x9, x11
lsrv w10, w9, w11
asrv x10, x9, x11
rorv w10, w9, w11
udiv x10, x9, x11
sdiv w10, w9, w11
madd x10, x9, x11, x12
msub w10, w9, w11, w13
smaddl x10, w9, w11, x14
umsubl x10, w9, w11, x15
smulh x10, x9, x11
umulh x10, x9, x11
extr x10, x9, x10, #20
adc x10, x9, x11
adcs w10, w9, w12
sbc x10, x9, x13
sbcs w10, w9, w14
ngc x10, x9
ngcs w10, w9
add x11, x16, #1430
add w11, w16, #1397, lsl #12
adds x11, x16, #4095
sub x11, x16, #11
subs w11, w16, #4084
subs x11, x16, #1, lsl #12
add x11, x16, x16, lsl #22
adds w11, w16, w20, lsr #11
sub x11, x16, x12, asr #52
subs x11, x16, x13
and x11, x16, x14, ror #11
orr w11, w16, w15, lsl #11
eor x11, x16, x17, lsr #22
ands x11, x16, x18
bic x11, x16, x19, asr #1
orn w11, w16, w19
eon x11, x16, x19, ror #63
bics w11, w16, w19, lsl #31
mov x11, x16
mvn w11, w16
movz x11, #22517, lsl #48
movn w11, #22517, lsl #16
movk x11, #65524, lsl #48
lslv x11, x16, x12
lsrv w11, w16, w12
asrv x11, x16, x12
rorv w11, w16, w12
udiv x11, x16, x12
sdiv w11, w16, w12
madd x11, x16, x12, x13
msub w11, w16, w12, w14
smaddl x11, w16, w12, x15
umsubl x11, w16, w12, x16
smulh x11, x16, x12
umulh x11, x16, x12
extr x11, x16, x12, #22
adc x11, x16, x12
adcs w11, w16, w13
sbc x11, x16, x14
sbcs w11, w16, w15
ngc x11, x16
ngcs w11, w16
add x12, x23, #1560
add w12, w23, #1524, lsl #12
adds x12, x23, #4095
sub x12, x23, #12
subs w12, w23, #4083
subs x12, x23, #1, lsl #12
add x12, x23, x17, lsl #24
adds w12, w23, w21, lsr #12
sub x12, x23, x13, asr #51
subs x12, x23, x14
and x12, x23, x15, ror #12
orr w12, w23, w16, lsl #12
eor x12, x23, x18, lsr #24
ands x12, x23, x19
bic x12, x23, x20, asr #1
orn w12, w23, w20
eon x12, x23, x20, ror #63
bics w12, w23, w20, lsl #31
mov x12, x23
mvn w12, w23
movz x12, #24564, lsl #0
movn w12, #24564, lsl #0
movk x12, #65523, lsl #0
lslv x12, x23, x13
lsrv w12, w23, w13
asrv x12, x23, x13
rorv w12, w23, w13
udiv x12, x23, x13
sdiv w12, w23, w13
madd x12, x23, x13, x14
msub w12, w23, w13, w15
smaddl x12, w23, w13, x16
umsubl x12, w23, w13, x17
smulh x12, x23, x13
umulh x12, x23, x13
extr x12, x23, x12, #24
adc x12, x23, x13
adcs w12, w23, w14
sbc x12, x23, x15
sbcs w12, w23, w16
ngc x12, x23
ngcs w12, w23
add x13, x30, #1690
add w13, w30, #1651, lsl #12
adds x13, x30, #4095
sub x13, x30, #13
subs w13, w30, #4082
subs x13, x30, #1, lsl #12
add x13, x30, x18, lsl #26
adds w13, w30, w22, lsr #13
sub x13, x30, x14, asr #50
subs x13, x30, x15
and x13, x30, x16, ror #13
orr w13, w30, w17, lsl #13
eor x13, x30, x19, lsr #26
ands x13, x30, x20
bic x13, x30, x21, asr #1
orn w13, w30, w21
eon x13, x30, x21, ror #63
bics w13, w30, w21, lsl #31
mov x13, x30
mvn w13, w30
movz x13, #26611, lsl #16
movn w13, #26611, lsl #16
movk x13, #65522, lsl #16
lslv x13, x30, x14
lsrv w13, w30, w14
asrv x13, x30, x14
rorv w13, w30, w14
udiv x13, x30, x14
sdiv w13, w30, w14
madd x13, x30, x14, x15
msub w13, w30, w14, w16
smaddl x13, w30, w14, x17
umsubl x13, w30, w14, x18
smulh x13, x30, x14
umulh x13, x30, x14
extr x13, x30, x14, #26
adc x13, x30, x14
adcs w13, w30, w15
sbc x13, x30, x16
sbcs w13, w30, w17
ngc x13, x30
ngcs w13, w30
add x14, x5, #1820
add w14, w5, #1778, lsl #12
adds x14, x5, #4095
sub x14, x5, #14
subs w14, w5, #4081
subs x14, x5, #1, lsl #12
add x14, x5, x19, lsl #28
adds w14, w5, w23, lsr #14
sub x14, x5, x15, asr #49
subs x14, x5, x16
and x14, x5, x17, ror #14
orr w14, w5, w18, lsl #14
eor x14, x5, x20, lsr #28
ands x14, x5, x21
bic x14, x5, x22, asr #1
orn w14, w5, w22
eon x14, x5, x22, ror #63
bics w14, w5, w22, lsl #31
mov x14, x5
mvn w14, w5
movz x14, #28658, lsl #32
movn w14, #28658, lsl #0
movk x14, #65521, lsl #32
lslv x14, x5, x15
lsrv w14, w5, w15
asrv x14, x5, x15
rorv w14, w5, w15
udiv x14, x5, x15
sdiv w14, w5, w15
madd x14, x5, x15, x16
msub w14, w5, w15, w17
smaddl x14, w5, w15, x18
umsubl x14, w5, w15, x19
smulh x14, x5, x15
umulh x14, x5, x15
extr x14, x5, x14, #28
adc x14, x5, x15
adcs w14, w5, w16
sbc x14, x5, x17
sbcs w14, w5, w18
ngc x14, x5
ngcs w14, w5
add x15, x12, #1950
add w15, w12, #1905, lsl #12
adds x15, x12, #4095
sub x15, x12, #15
subs w15, w12, #4080
subs x15, x12, #1, lsl #12
add x15, x12, x20, lsl #30
adds w15, w12, w24, lsr #15
sub x15, x12, x16, asr #48
subs x15, x12, x17
and x15, x12, x18, ror #15
orr w15, w12, w19, lsl #15
eor x15, x12, x21, lsr #30
ands x15, x12, x22
bic x15, x12, x23, asr #1
orn w15, w12, w23
eon x15, x12, x23, ror #63
bics w15, w12, w23, lsl #31
mov x15, x12
mvn w15, w12
movz x15, #30705, lsl #48
movn w15, #30705, lsl #16
movk x15, #65520, lsl #48
lslv x15, x12, x16
lsrv w15, w12, w16
asrv x15, x12, x16
rorv w15, w12, w16
udiv x15, x12, x16
sdiv w15, w12, w16
madd x15, x12, x16, x17
msub w15, w12, w16, w18
smaddl x15, w12, w16, x19
umsubl x15, w12, w16, x20
smulh x15, x12, x16
umulh x15, x12, x16
extr x15, x12, x16, #30
adc x15, x12, x16
adcs w15, w12, w17
sbc x15, x12, x18
sbcs w15, w12, w19
ngc x15, x12
ngcs w15, w12
add x16, x19, #2080
add w16, w19, #2032, lsl #12
adds x16, x19, #4095
sub x16, x19, #16
subs w16, w19, #4079
subs x16, x19, #1, lsl #12
add x16, x19, x21, lsl #32
adds w16, w19, w25, lsr #16
sub x16, x19, x17, asr #47
subs x16, x19, x18
and x16, x19, x19, ror #16
orr w16, w19, w20, lsl #16
eor x16, x19, x22, lsr #32
ands x16, x19, x23
bic x16, x19, x24, asr #1
orn w16, w19, w24
eon x16, x19, x24, ror #63
bics w16, w19, w24, lsl #31
mov x16, x19
mvn w16, w19
movz x16, #32752, lsl #0
movn w16, #32752, lsl #0
movk x16, #65519, lsl #0
lslv x16, x19, x17
lsrv w16, w19, w17
asrv x16, x19, x17
rorv w16, w19, w17
udiv x16, x19, x17
sdiv w16, w19, w17
madd x16, x19, x17, x18
msub w16, w19, w17, w19
smaddl x16, w19, w17, x20
umsubl x16, w19, w17, x21
smulh x16, x19, x17
umulh x16, x19, x17
extr x16, x19, x16, #32
adc x16, x19, x17
adcs w16, w19, w18
sbc x16, x19, x19
sbcs w16, w19, w20
ngc x16, x19
ngcs w16, w19
add x17, x26, #2210
add w17, w26, #2159, lsl #12
adds x17, x26, #4095
sub x17, x26, #17
subs w17, w26, #4078
subs x17, x26, #1, lsl #12
add x17, x26, x22, lsl #34
adds w17, w26, w26, lsr #17
sub x17, x26, x18, asr #46
subs x17, x26, x19
and x17, x26, x20, ror #17
orr w17, w26, w21, lsl #17
eor x17, x26, x23, lsr #34
ands x17, x26, x24
bic x17, x26, x25, asr #1
orn w17, w26, w25
eon x17, x26, x25, ror #63
bics w17, w26, w25, lsl #31
mov x17, x26
mvn w17, w26
movz x17, #34799, lsl #16
movn w17, #34799, lsl #16
movk x17, #65518, lsl #16
lslv x17, x26, x18
lsrv w17, w26, w18
asrv x17, x26, x18
rorv w17, w26, w18
udiv x17, x26, x18
sdiv w17, w26, w18
madd x17, x26, x18, x19
msub w17, w26, w18, w20
smaddl x17, w26, w18, x21
umsubl x17, w26, w18, x22
smulh x17, x26, x18
umulh x17, x26, x18
extr x17, x26, x18, #34
adc x17, x26, x18
adcs w17, w26, w19
sbc x17, x26, x20
sbcs w17, w26, w21
ngc x17, x26
ngcs w17, w26
add x18, x1, #2340
add w18, w1, #2286, lsl #12
adds x18, x1, #4095
sub x18, x1, #18
subs w18, w1, #4077
subs x18, x1, #1, lsl #12
add x18, x1, x23, lsl #36
adds w18, w1, w27, lsr #18
sub x18, x1, x19, asr #45
subs x18, x1, x20
and x18, x1, x21, ror #18
orr w18, w1, w22, lsl #18
eor x18, x1, x24, lsr #36
ands x18, x1, x25
bic x18, x1, x26, asr #1
orn w18, w1, w26
eon x18, x1, x26, ror #63
bics w18, w1, w26, lsl #31
mov x18, x1
mvn w18, w1
movz x18, #36846, lsl #32
movn w18, #36846, lsl #0
movk x18, #65517, lsl #32
lslv x18, x1, x19
lsrv w18, w1, w19
asrv x18, x1, x19
rorv w18, w1, w19
udiv x18, x1, x19
sdiv w18, w1, w19
madd x18, x1, x19, x20
msub w18, w1, w19, w21
smaddl x18, w1, w19, x22
umsubl x18, w1, w19, x23
smulh x18, x1, x19
umulh x18, x1, x19
extr x18, x1, x18, #36
adc x18, x1, x19
adcs w18, w1, w20
sbc x18, x1, x21
sbcs w18, w1, w22
ngc x18, x1
ngcs w18, w1
add x19, x8, #2470
add w19, w8, #2413, lsl #12
adds x19, x8, #4095
sub x19, x8, #19
subs w19, w8, #4076
subs x19, x8, #1, lsl #12
add x19, x8, x24, lsl #38
adds w19, w8, w28, lsr #19
sub x19, x8, x20, asr #44
subs x19, x8, x21
and x19, x8, x22, ror #19
orr w19, w8, w23, lsl #19
eor x19, x8, x25, lsr #38
ands x19, x8, x26
bic x19, x8, x27, asr #1
orn w19, w8, w27
eon x19, x8, x27, ror #63
bics w19, w8, w27, lsl #31
mov x19, x8
mvn w19, w8
movz x19, #38893, lsl #48
movn w19, #38893, lsl #16
movk x19, #65516, lsl #48
lslv x19, x8, x20
lsrv w19, w8, w20
asrv x19, x8, x20
rorv w19, w8, w20
udiv x19, x8, x20
sdiv w19, w8, w20
madd x19, x8, x20, x21
msub w19, w8, w20, w22
smaddl x19, w8, w20, x23
umsubl x19, w8, w20, x24
smulh x19, x8, x20
umulh x19, x8, x20
extr x19, x8, x20, #38
adc x19, x8, x20
adcs w19, w8, w21
sbc x19, x8, x22
sbcs w19, w8, w23
ngc x19, x8
ngcs w19, w8
add x20, x15, #2600
add w20, w15, #2540, lsl #12
adds x20, x15, #4095
sub x20, x15, #20
subs w20, w15, #4075
subs x20, x15, #1, lsl #12
add x20, x15, x25, lsl #40
adds w20, w15, w29, lsr #20
sub x20, x15, x21, asr #43
subs x20, x15, x22
and x20, x15, x23, ror #20
orr w20, w15, w24, lsl #20
eor x20, x15, x26, lsr #40
ands x20, x15, x27
bic x20, x15, x28, asr #1
orn w20, w15, w28
eon x20, x15, x28, ror #63
bics w20, w15, w28, lsl #31
mov x20, x15
mvn w20, w15
movz x20, #40940, lsl #0
movn w20, #40940, lsl #0
movk x20, #65515, lsl #0
lslv x20, x15, x21
lsrv w20, w15, w21
asrv x20, x15, x21
rorv w20, w15, w21
udiv x20, x15, x21
sdiv w20, w15, w21
madd x20, x15, x21, x22
msub w20, w15, w21, w23
smaddl x20, w15, w21, x24
umsubl x20, w15, w21, x25
smulh x20, x15, x21
umulh x20, x15, x21
extr x20, x15, x20, #40
adc x20, x15, x21
adcs w20, w15, w22
sbc x20, x15, x23
sbcs w20, w15, w24
ngc x20, x15
ngcs w20, w15
add x21, x22, #2730
add w21, w22, #2667, lsl #12
adds x21, x22, #4095
sub x21, x22, #21
subs w21, w22, #4074
subs x21, x22, #1, lsl #12
add x21, x22, x26, lsl #42
adds w21, w22, w30, lsr #21
sub x21, x22, x22, asr #42
subs x21, x22, x23
and x21, x22, x24, ror #21
orr w21, w22, w25, lsl #21
eor x21, x22, x27, lsr #42
ands x21, x22, x28
bic x21, x22, x29, asr #1
orn w21, w22, w29
eon x21, x22, x29, ror #63
bics w21, w22, w29, lsl #31
mov x21, x22
mvn w21, w22
movz x21, #42987, lsl #16
movn w21, #42987, lsl #16
movk x21, #65514, lsl #16
lslv x21, x22, x22
lsrv w21, w22, w22
asrv x21, x22, x22
rorv w21, w22, w22
udiv x21, x22, x22
sdiv w21, w22, w22
madd x21, x22, x22, x23
msub w21, w22, w22, w24
smaddl x21, w22, w22, x25
umsubl x21, w22, w22, x26
smulh x21, x22, x22
umulh x21, x22, x22
extr x21, x22, x22, #42
adc x21, x22, x22
adcs w21, w22, w23
sbc x21, x22, x24
sbcs w21, w22, w25
ngc x21, x22
ngcs w21, w22
add x22, x29, #2860
add w22, w29, #2794, lsl #12
adds x22, x29, #4095
sub x22, x29, #22
subs w22, w29, #4073
subs x22, x29, #1, lsl #12
add x22, x29, x27, lsl #44
adds w22, w29, wzr, lsr #22
sub x22, x29, x23, asr #41
subs x22, x29, x24
and x22, x29, x25, ror #22
orr w22, w29, w26, lsl #22
eor x22, x29, x28, lsr #44
ands x22, x29, x29
bic x22, x29, x30, asr #1
orn w22, w29, w30
eon x22, x29, x30, ror #63
bics w22, w29, w30, lsl #31
mov x22, x29
mvn w22, w29
movz x22, #45034, lsl #32
movn w22, #45034, lsl #0
movk x22, #65513, lsl #32
lslv x22, x29, x23
lsrv w22, w29, w23
asrv x22, x29, x23
rorv w22, w29, w23
udiv x22, x29, x23
sdiv w22, w29, w23
madd x22, x29, x23, x24
msub w22, w29, w23, w25
smaddl x22, w29, w23, x26
umsubl x22, w29, w23, x27
smulh x22, x29, x23
umulh x22, x29, x23
extr x22, x29, x22, #44
adc x22, x29, x23
adcs w22, w29, w24
sbc x22, x29, x25
sbcs w22, w29, w26
ngc x22, x29
ngcs w22, w29
add x23, x4, #2990
add w23, w4, #2921, lsl #12
adds x23, x4, #4095
sub x23, x4, #23
subs w23, w4, #4072
subs x23, x4, #1, lsl #12
add x23, x4, x28, lsl #46
adds w23, w4, w0, lsr #23
sub x23, x4, x24, asr #40
subs x23, x4, x25
and x23, x4, x26, ror #23
orr w23, w4, w27, lsl #23
eor x23, x4, x29, lsr #46
ands x23, x4, x30
bic x23, x4, xzr, asr #1
orn w23, w4, wzr
eon x23, x4, xzr, ror #63
bics w23, w4, wzr, lsl #31
mov x23, x4
mvn w23, w4
movz x23, #47081, lsl #48
movn w23, #47081, lsl #16
movk x23, #65512, lsl #48
lslv x23, x4, x24
lsrv w23, w4, w24
asrv x23, x4, x24
rorv w23, w4, w24
udiv x23, x4, x24
sdiv w23, w4, w24
madd x23, x4, x24, x25
msub w23, w4, w24, w26
smaddl x23, w4, w24, x27
umsubl x23, w4, w24, x28
smulh x23, x4, x24
