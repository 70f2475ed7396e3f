.arch armv8.1-a+crc
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
bfm w5, w6, #1, #31
bfm w7, wzr, #1, #31
sbfm x1, x2, #1, #32
ubfm x3, x4, #1, #32
bfm x5, x6, #1, #32
bfm x7, xzr, #1, #32
sbfm x1, x2, #1, #62
ubfm x3, x4, #1, #62
bfm x5, x6, #1, #62
bfm x7, xzr, #1, #62
sbfm x1, x2, #1, #63
ubfm x3, x4, #1, #63
bfm x5, x6, #1, #63
bfm x7, xzr, #1, #63
sbfm x1, x2, #7, #0
ubfm x3, x4, #7, #0
bfm x5, x6, #7, #0
bfm x7, xzr, #7, #0
sbfm w1, w2, #7, #0
ubfm w3, w4, #7, #0
bfm w5, w6, #7, #0
bfm w7, wzr, #7, #0
sbfm x1, x2, #7, #1
ubfm x3, x4, #7, #1
bfm x5, x6, #7, #1
bfm x7, xzr, #7, #1
sbfm w1, w2, #7, #1
ubfm w3, w4, #7, #1
bfm w5, w6, #7, #1
bfm w7, wzr, #7, #1
sbfm x1, x2, #7, #6
ubfm x3, x4, #7, #6
bfm x5, x6, #7, #6
bfm x7, xzr, #7, #6
sbfm w1, w2, #7, #6
ubfm w3, w4, #7, #6
bfm w5, w6, #7, #6
bfm w7, wzr, #7, #6
sbfm x1, x2, #7, #7
ubfm x3, x4, #7, #7
bfm x5, x6, #7, #7
bfm x7, xzr, #7, #7
sbfm w1, w2, #7, #7
ubfm w3, w4, #7, #7
bfm w5, w6, #7, #7
bfm w7, wzr, #7, #7
sbfm x1, x2, #7, #8
ubfm x3, x4, #7, #8
bfm x5, x6, #7, #8
bfm x7, xzr, #7, #8
sbfm w1, w2, #7, #8
ubfm w3, w4, #7, #8
bfm w5, w6, #7, #8
bfm w7, wzr, #7, #8
sbfm x1, x2, #7, #14
ubfm x3, x4, #7, #14
bfm x5, x6, #7, #14
bfm x7, xzr, #7, #14
sbfm w1, w2, #7, #14
ubfm w3, w4, #7, #14
bfm w5, w6, #7, #14
bfm w7, wzr, #7, #14
sbfm x1, x2, #7, #15
ubfm x3, x4, #7, #15
bfm x5, x6, #7, #15
bfm x7, xzr, #7, #15
sbfm w1, w2, #7, #15
ubfm w3, w4, #7, #15
bfm w5, w6, #7, #15
bfm w7, wzr, #7, #15
sbfm x1, x2, #7, #16
ubfm x3, x4, #7, #16
bfm x5, x6, #7, #16
bfm x7, xzr, #7, #16
sbfm w1, w2, #7, #16
ubfm w3, w4, #7, #16
bfm w5, w6, #7, #16
bfm w7, wzr, #7, #16
sbfm x1, x2, #7, #30
ubfm x3, x4, #7, #30
bfm x5, x6, #7, #30
bfm x7, xzr, #7, #30
sbfm w1, w2, #7, #30
ubfm w3, w4, #7, #30
bfm w5, w6, #7, #30
bfm w7, wzr, #7, #30
sbfm x1, x2, #7, #31
ubfm x3, x4, #7, #31
bfm x5, x6, #7, #31
bfm x7, xzr, #7, #31
sbfm w1, w2, #7, #31
ubfm w3, w4, #7, #31
bfm w5, w6, #7, #31
bfm w7, wzr, #7, #31
sbfm x1, x2, #7, #32
ubfm x3, x4, #7, #32
bfm x5, x6, #7, #32
bfm x7, xzr, #7, #32
sbfm x1, x2, #7, #62
ubfm x3, x4, #7, #62
bfm x5, x6, #7, #62
bfm x7, xzr, #7, #62
sbfm x1, x2, #7, #63
ubfm x3, x4, #7, #63
bfm x5, x6, #7, #63
bfm x7, xzr, #7, #63
sbfm x1, x2, #8, #0
ubfm x3, x4, #8, #0
bfm x5, x6, #8, #0
bfm x7, xzr, #8, #0
sbfm w1, w2, #8, #0
ubfm w3, w4, #8, #0
bfm w5, w6, #8, #0
bfm w7, wzr, #8, #0
sbfm x1, x2, #8, #1
ubfm x3, x4, #8, #1
bfm x5, x6, #8, #1
bfm x7, xzr, #8, #1
sbfm w1, w2, #8, #1
ubfm w3, w4, #8, #1
bfm w5, w6, #8, #1
bfm w7, wzr, #8, #1
sbfm x1, x2, #8, #6
ubfm x3, x4, #8, #6
bfm x5, x6, #8, #6
bfm x7, xzr, #8, #6
sbfm w1, w2, #8, #6
ubfm w3, w4, #8, #6
bfm w5, w6, #8, #6
bfm w7, wzr, #8, #6
sbfm x1, x2, #8, #7
ubfm x3, x4, #8, #7
bfm x5, x6, #8, #7
bfm x7, xzr, #8, #7
sbfm w1, w2, #8, #7
ubfm w3, w4, #8, #7
bfm w5, w6, #8, #7
bfm w7, wzr, #8, #7
sbfm x1, x2, #8, #8
ubfm x3, x4, #8, #8
bfm x5, x6, #8, #8
bfm x7, xzr, #8, #8
sbfm w1, w2, #8, #8
ubfm w3, w4, #8, #8
bfm w5, w6, #8, #8
bfm w7, wzr, #8, #8
sbfm x1, x2, #8, #14
ubfm x3, x4, #8, #14
bfm x5, x6, #8, #14
bfm x7, xzr, #8, #14
sbfm w1, w2, #8, #14
ubfm w3, w4, #8, #14
bfm w5, w6, #8, #14
bfm w7, wzr, #8, #14
sbfm x1, x2, #8, #15
ubfm x3, x4, #8, #15
bfm x5, x6, #8, #15
bfm x7, xzr, #8, #15
sbfm w1, w2, #8, #15
ubfm w3, w4, #8, #15
bfm w5, w6, #8, #15
bfm w7, wzr, #8, #15
sbfm x1, x2, #8, #16
ubfm x3, x4, #8, #16
bfm x5, x6, #8, #16
bfm x7, xzr, #8, #16
sbfm w1, w2, #8, #16
ubfm w3, w4, #8, #16
bfm w5, w6, #8, #16
bfm w7, wzr, #8, #16
sbfm x1, x2, #8, #30
ubfm x3, x4, #8, #30
bfm x5, x6, #8, #30
bfm x7, xzr, #8, #30
sbfm w1, w2, #8, #30
ubfm w3, w4, #8, #30
bfm w5, w6, #8, #30
bfm w7, wzr, #8, #30
sbfm x1, x2, #8, #31
ubfm x3, x4, #8, #31
bfm x5, x6, #8, #31
bfm x7, xzr, #8, #31
sbfm w1, w2, #8, #31
ubfm w3, w4, #8, #31
bfm w5, w6, #8, #31
bfm w7, wzr, #8, #31
sbfm x1, x2, #8, #32
ubfm x3, x4, #8, #32
bfm x5, x6, #8, #32
bfm x7, xzr, #8, #32
sbfm x1, x2, #8, #62
ubfm x3, x4, #8, #62
bfm x5, x6, #8, #62
bfm x7, xzr, #8, #62
sbfm x1, x2, #8, #63
ubfm x3, x4, #8, #63
bfm x5, x6, #8, #63
bfm x7, xzr, #8, #63
sbfm x1, x2, #15, #0
ubfm x3, x4, #15, #0
bfm x5, x6, #15, #0
bfm x7, xzr, #15, #0
sbfm w1, w2, #15, #0
ubfm w3, w4, #15, #0
bfm w5, w6, #15, #0
bfm w7, wzr, #15, #0
sbfm x1, x2, #15, #1
ubfm x3, x4, #15, #1
bfm x5, x6, #15, #1
bfm x7, xzr, #15, #1
sbfm w1, w2, #15, #1
ubfm w3, w4, #15, #1
bfm w5, w6, #15, #1
bfm w7, wzr, #15, #1
sbfm x1, x2, #15, #6
ubfm x3, x4, #15, #6
bfm x5, x6, #15, #6
bfm x7, xzr, #15, #6
sbfm w1, w2, #15, #6
ubfm w3, w4, #15, #6
bfm w5, w6, #15, #6
bfm w7, wzr, #15, #6
sbfm x1, x2, #15, #7
ubfm x3, x4, #15, #7
bfm x5, x6, #15, #7
bfm x7, xzr, #15, #7
sbfm w1, w2, #15, #7
ubfm w3, w4, #15, #7
bfm w5, w6, #15, #7
bfm w7, wzr, #15, #7
sbfm x1, x2, #15, #8
ubfm x3, x4, #15, #8
bfm x5, x6, #15, #8
bfm x7, xzr, #15, #8
sbfm w1, w2, #15, #8
ubfm w3, w4, #15, #8
bfm w5, w6, #15, #8
bfm w7, wzr, #15, #8
sbfm x1, x2, #15, #14
ubfm x3, x4, #15, #14
bfm x5, x6, #15, #14
bfm x7, xzr, #15, #14
sbfm w1, w2, #15, #14
ubfm w3, w4, #15, #14
bfm w5, w6, #15, #14
bfm w7, wzr, #15, #14
sbfm x1, x2, #15, #15
ubfm x3, x4, #15, #15
bfm x5, x6, #15, #15
bfm x7, xzr, #15, #15
sbfm w1, w2, #15, #15
ubfm w3, w4, #15, #15
bfm w5, w6, #15, #15
bfm w7, wzr, #15, #15
sbfm x1, x2, #15, #16
ubfm x3, x4, #15, #16
bfm x5, x6, #15, #16
bfm x7, xzr, #15, #16
sbfm w1, w2, #15, #16
ubfm w3, w4, #15, #16
bfm w5, w6, #15, #16
bfm w7, wzr, #15, #16
sbfm x1, x2, #15, #30
ubfm x3, x4, #15, #30
bfm x5, x6, #15, #30
bfm x7, xzr, #15, #30
sbfm w1, w2, #15, #30
ubfm w3, w4, #15, #30
bfm w5, w6, #15, #30
bfm w7, wzr, #15, #30
sbfm x1, x2, #15, #31
ubfm x3, x4, #15, #31
bfm x5, x6, #15, #31
bfm x7, xzr, #15, #31
sbfm w1, w2, #15, #31
ubfm w3, w4, #15, #31
bfm w5, w6, #15, #31
bfm w7, wzr, #15, #31
sbfm x1, x2, #15, #32
ubfm x3, x4, #15, #32
bfm x5, x6, #15, #32
bfm x7, xzr, #15, #32
sbfm x1, x2, #15, #62
ubfm x3, x4, #15, #62
bfm x5, x6, #15, #62
bfm x7, xzr, #15, #62
sbfm x1, x2, #15, #63
ubfm x3, x4, #15, #63
bfm x5, x6, #15, #63
bfm x7, xzr, #15, #63
sbfm x1, x2, #16, #0
ubfm x3, x4, #16, #0
bfm x5, x6, #16, #0
bfm x7, xzr, #16, #0
sbfm w1, w2, #16, #0
ubfm w3, w4, #16, #0
bfm w5, w6, #16, #0
bfm w7, wzr, #16, #0
sbfm x1, x2, #16, #1
ubfm x3, x4, #16, #1
bfm x5, x6, #16, #1
bfm x7, xzr, #16, #1
sbfm w1, w2, #16, #1
ubfm w3, w4, #16, #1
bfm w5, w6, #16, #1
bfm w7, wzr, #16, #1
sbfm x1, x2, #16, #6
ubfm x3, x4, #16, #6
bfm x5, x6, #16, #6
bfm x7, xzr, #16, #6
sbfm w1, w2, #16, #6
ubfm w3, w4, #16, #6
bfm w5, w6, #16, #6
bfm w7, wzr, #16, #6
sbfm x1, x2, #16, #7
ubfm x3, x4, #16, #7
bfm x5, x6, #16, #7
bfm x7, xzr, #16, #7
sbfm w1, w2, #16, #7
ubfm w3, w4, #16, #7
bfm w5, w6, #16, #7
bfm w7, wzr, #16, #7
sbfm x1, x2, #16, #8
ubfm x3, x4, #16, #8
bfm x5, x6, #16, #8
bfm x7, xzr, #16, #8
sbfm w1, w2, #16, #8
ubfm w3, w4, #16, #8
bfm w5, w6, #16, #8
bfm w7, wzr, #16, #8
sbfm x1, x2, #16, #14
ubfm x3, x4, #16, #14
bfm x5, x6, #16, #14
bfm x7, xzr, #16, #14
sbfm w1, w2, #16, #14
ubfm w3, w4, #16, #14
bfm w5, w6, #16, #14
bfm w7, wzr, #16, #14
sbfm x1, x2, #16, #15
ubfm x3, x4, #16, #15
bfm x5, x6, #16, #15
bfm x7, xzr, #16, #15
sbfm w1, w2, #16, #15
ubfm w3, w4, #16, #15
bfm w5, w6, #16, #15
bfm w7, wzr, #16, #15
sbfm x1, x2, #16, #16
ubfm x3, x4, #16, #16
bfm x5, x6, #16, #16
bfm x7, xzr, #16, #16
sbfm w1, w2, #16, #16
ubfm w3, w4, #16, #16
bfm w5, w6, #16, #16
bfm w7, wzr, #16, #16
sbfm x1, x2, #16, #30
ubfm x3, x4, #16, #30
bfm x5, x6, #16, #30
bfm x7, xzr, #16, #30
sbfm w1, w2, #16, #30
ubfm w3, w4, #16, #30
bfm w5, w6, #16, #30
bfm w7, wzr, #16, #30
sbfm x1, x2, #16, #31
ubfm x3, x4, #16, #31
bfm x5, x6, #16, #31
bfm x7, xzr, #16, #31
sbfm w1, w2, #16, #31
ubfm w3, w4, #16, #31
bfm w5, w6, #16, #31
bfm w7, wzr, #16, #31
sbfm x1, x2, #16, #32
ubfm x3, x4, #16, #32
bfm x5, x6, #16, #32
bfm x7, xzr, #16, #32
sbfm x1, x2, #16, #62
ubfm x3, x4, #16, #62
bfm x5, x6, #16, #62
bfm x7, xzr, #16, #62
sbfm x1, x2, #16, #63
ubfm x3, x4, #16, #63
bfm x5, x6, #16, #63
bfm x7, xzr, #16, #63
sbfm x1, x2, #31, #0
ubfm x3, x4, #31, #0
bfm x5, x6, #31, #0
bfm x7, xzr, #31, #0
sbfm w1, w2, #31, #0
ubfm w3, w4, #31, #0
bfm w5, w6, #31, #0
bfm w7, wzr, #31, #0
sbfm x1, x2, #31, #1
ubfm x3, x4, #31, #1
bfm x5, x6, #31, #1
bfm x7, xzr, #31, #1
sbfm w1, w2, #31, #1
ubfm w3, w4, #31, #1
bfm w5, w6, #31, #1
bfm w7, wzr, #31, #1
sbfm x1, x2, #31, #6
ubfm x3, x4, #31, #6
bfm x5, x6, #31, #6
bfm x7, xzr, #31, #6
sbfm w1, w2, #31, #6
ubfm w3, w4, #31, #6
bfm w5, w6, #31, #6
bfm w7, wzr, #31, #6
sbfm x1, x2, #31, #7
ubfm x3, x4, #31, #7
bfm x5, x6, #31, #7
bfm x7, xzr, #31, #7
sbfm w1, w2, #31, #7
ubfm w3, w4, #31, #7
bfm w5, w6, #31, #7
bfm w7, wzr, #31, #7
sbfm x1, x2, #31, #8
ubfm x3, x4, #31, #8
bfm x5, x6, #31, #8
bfm x7, xzr, #31, #8
sbfm w1, w2, #31, #8
ubfm w3, w4, #31, #8
bfm w5, w6, #31, #8
bfm w7, wzr, #31, #8
sbfm x1, x2, #31, #14
ubfm x3, x4, #31, #14
bfm x5, x6, #31, #14
bfm x7, xzr, #31, #14
sbfm w1, w2, #31, #14
ubfm w3, w4, #31, #14
bfm w5, w6, #31, #14
bfm w7, wzr, #31, #14
sbfm x1, x2, #31, #15
ubfm x3, x4, #31, #15
bfm x5, x6, #31, #15
bfm x7, xzr, #31, #15
sbfm w1, w2, #31, #15
ubfm w3, w4, #31, #15
bfm w5, w6, #31, #15
bfm w7, wzr, #31, #15
sbfm x1, x2, #31, #16
ubfm x3, x4, #31, #16
bfm x5, x6, #31, #16
bfm x7, xzr, #31, #16
sbfm w1, w2, #31, #16
ubfm w3, w4, #31, #16
bfm w5, w6, #31, #16
bfm w7, wzr, #31, #16
sbfm x1, x2, #31, #30
ubfm x3, x4, #31, #30
bfm x5, x6, #31, #30
bfm x7, xzr, #31, #30
sbfm w1, w2, #31, #30
ubfm w3, w4, #31, #30
bfm w5, w6, #31, #30
bfm w7, wzr, #31, #30
sbfm x1, x2, #31, #31
ubfm x3, x4, #31, #31
bfm x5, x6, #31, #31
bfm x7, xzr, #31, #31
sbfm w1, w2, #31, #31
ubfm w3, w4, #31, #31
bfm w5, w6, #31, #31
bfm w7, wzr, #31, #31
sbfm x1, x2, #31, #32
ubfm x3, x4, #31, #32
bfm x5, x6, #31, #32
bfm x7, xzr, #31, #32
sbfm x1, x2, #31, #62
ubfm x3, x4, #31, #62
bfm x5, x6, #31, #62
bfm x7, xzr, #31, #62
sbfm x1, x2, #31, #63
ubfm x3, x4, #31, #63
bfm x5, x6, #31, #63
bfm x7, xzr, #31, #63
sbfm x1, x2, #32, #0
ubfm x3, x4, #32, #0
bfm x5, x6, #32, #0
bfm x7, xzr, #32, #0
sbfm x1, x2, #32, #1
ubfm x3, x4, #32, #1
bfm x5, x6, #32, #1
bfm x7, xzr, #32, #1
sbfm x1, x2, #32, #6
ubfm x3, x4, #32, #6
bfm x5, x6, #32, #6
bfm x7, xzr, #32, #6
sbfm x1, x2, #32, #7
ubfm x3, x4, #32, #7
bfm x5, x6, #32, #7
bfm x7, xzr, #32, #7
sbfm x1, x2, #32, #8
ubfm x3, x4, #32, #8
bfm x5, x6, #32, #8
bfm x7, xzr, #32, #8
sbfm x1, x2, #32, #14
ubfm x3, x4, #32, #14
bfm x5, x6, #32, #14
bfm x7, xzr, #32, #14
sbfm x1, x2, #32, #15
ubfm x3, x4, #32, #15
bfm x5, x6, #32, #15
bfm x7, xzr, #32, #15
sbfm x1, x2, #32, #16
ubfm x3, x4, #32, #16
bfm x5, x6, #32, #16
bfm x7, xzr, #32, #16
sbfm x1, x2, #32, #30
ubfm x3, x4, #32, #30
bfm x5, x6, #32, #30
bfm x7, xzr, #32, #30
sbfm x1, x2, #32, #31
ubfm x3, x4, #32, #31
bfm x5, x6, #32, #31
bfm x7, xzr, #32, #31
sbfm x1, x2, #32, #32
ubfm x3, x4, #32, #32
bfm x5, x6, #32, #32
bfm x7, xzr, #32, #32
sbfm x1, x2, #32, #62
ubfm x3, x4, #32, #62
bfm x5, x6, #32, #62
bfm x7, xzr, #32, #62
sbfm x1, x2, #32, #63
ubfm x3, x4, #32, #63
bfm x5, x6, #32, #63
bfm x7, xzr, #32, #63
sbfm x1, x2, #33, #0
ubfm x3, x4, #33, #0
bfm x5, x6, #33, #0
bfm x7, xzr, #33, #0
sbfm x1, x2, #33, #1
ubfm x3, x4, #33, #1
bfm x5, x6, #33, #1
bfm x7, xzr, #33, #1
sbfm x1, x2, #33, #6
ubfm x3, x4, #33, #6
bfm x5, x6, #33, #6
bfm x7, xzr, #33, #6
sbfm x1, x2, #33, #7
ubfm x3, x4, #33, #7
bfm x5, x6, #33, #7
bfm x7, xzr, #33, #7
sbfm x1, x2, #33, #8
ubfm x3, x4, #33, #8
bfm x5, x6, #33, #8
bfm x7, xzr, #33, #8
sbfm x1, x2, #33, #14
ubfm x3, x4, #33, #14
bfm x5, x6, #33, #14
bfm x7, xzr, #33, #14
sbfm x1, x2, #33, #15
ubfm x3, x4, #33, #15
bfm x5, x6, #33, #15
bfm x7, xzr, #33, #15
sbfm x1, x2, #33, #16
ubfm x3, x4, #33, #16
bfm x5, x6, #33, #16
bfm x7, xzr, #33, #16
sbfm x1, x2, #33, #30
ubfm x3, x4, #33, #30
bfm x5, x6, #33, #30
bfm x7, xzr, #33, #30
sbfm x1, x2, #33, #31
ubfm x3, x4, #33, #31
bfm x5, x6, #33, #31
bfm x7, xzr, #33, #31
sbfm x1, x2, #33, #32
ubfm x3, x4, #33, #32
bfm x5, x6, #33, #32
bfm x7, xzr, #33, #32
sbfm x1, x2, #33, #62
ubfm x3, x4, #33, #62
bfm x5, x6, #33, #62
bfm x7, xzr, #33, #62
sbfm x1, x2, #33, #63
ubfm x3, x4, #33, #63
bfm x5, x6, #33, #63
bfm x7, xzr, #33, #63
sbfm x1, x2, #62, #0
ubfm x3, x4, #62, #0
bfm x5, x6, #62, #0
bfm x7, xzr, #62, #0
sbfm x1, x2, #62, #1
ubfm x3, x4, #62, #1
bfm x5, x6, #62, #1
bfm x7, xzr, #62, #1
sbfm x1, x2, #62, #6
ubfm x3, x4, #62, #6
bfm x5, x6, #62, #6
bfm x7, xzr, #62, #6
sbfm x1, x2, #62, #7
ubfm x3, x4, #62, #7
bfm x5, x6, #62, #7
bfm x7, xzr, #62, #7
sbfm x1, x2, #62, #8
ubfm x3, x4, #62, #8
bfm x5, x6, #62, #8
bfm x7, xzr, #62, #8
sbfm x1, x2, #62, #14
ubfm x3, x4, #62, #14
bfm x5, x6, #62, #14
bfm x7, xzr, #62, #14
sbfm x1, x2, #62, #15
ubfm x3, x4, #62, #15
bfm x5, x6, #62, #15
bfm x7, xzr, #62, #15
sbfm x1, x2, #62, #16
ubfm x3, x4, #62, #16
bfm x5, x6, #62, #16
bfm x7, xzr, #62, #16
sbfm x1, x2, #62, #30
ubfm x3, x4, #62, #30
bfm x5, x6, #62, #30
bfm x7, xzr, #62, #30
sbfm x1, x2, #62, #31
ubfm x3, x4, #62, #31
bfm x5, x6, #62, #31
bfm x7, xzr, #62, #31
sbfm x1, x2, #62, #32
ubfm x3, x4, #62, #32
bfm x5, x6, #62, #32
bfm x7, xzr, #62, #32
sbfm x1, x2, #62, #62
ubfm x3, x4, #62, #62
bfm x5, x6, #62, #62
bfm x7, xzr, #62, #62
sbfm x1, x2, #62, #63
ubfm x3, x4, #62, #63
bfm x5, x6, #62, #63
bfm x7, xzr, #62, #63
sbfm x1, x2, #63, #0
ubfm x3, x4, #63, #0
bfm x5, x6, #63, #0
bfm x7, xzr, #63, #0
sbfm x1, x2, #63, #1
ubfm x3, x4, #63, #1
bfm x5, x6, #63, #1
bfm x7, xzr, #63, #1
sbfm x1, x2, #63, #6
ubfm x3, x4, #63, #6
bfm x5, x6, #63, #6
bfm x7, xzr, #63, #6
sbfm x1, x2, #63, #7
ubfm x3, x4, #63, #7
bfm x5, x6, #63, #7
bfm x7, xzr, #63, #7
sbfm x1, x2, #63, #8
ubfm x3, x4, #63, #8
bfm x5, x6, #63, #8
bfm x7, xzr, #63, #8
sbfm x1, x2, #63, #14
ubfm x3, x4, #63, #14
bfm x5, x6, #63, #14
bfm x7, xzr, #63, #14
sbfm x1, x2, #63, #15
ubfm x3, x4, #63, #15
bfm x5, x6, #63, #15
bfm x7, xzr, #63, #15
sbfm x1, x2, #63, #16
ubfm x3, x4, #63, #16
bfm x5, x6, #63, #16
bfm x7, xzr, #63, #16
sbfm x1, x2, #63, #30
ubfm x3, x4, #63, #30
bfm x5, x6, #63, #30
bfm x7, xzr, #63, #30
sbfm x1, x2, #63, #31
ubfm x3, x4, #63, #31
bfm x5, x6, #63, #31
bfm x7, xzr, #63, #31
sbfm x1, x2, #63, #32
ubfm x3, x4, #63, #32
bfm x5, x6, #63, #32
bfm x7, xzr, #63, #32
sbfm x1, x2, #63, #62
ubfm x3, x4, #63, #62
bfm x5, x6, #63, #62
bfm x7, xzr, #63, #62
sbfm x1, x2, #63, #63
ubfm x3, x4, #63, #63
bfm x5, x6, #63, #63
bfm x7, xzr, #63, #63
rbit x0, x5
rbit w5, w0
rev16 x0, x5
rev16 w5, w0
rev x0, x5
rev w5, w0
clz x0, x5
clz w5, w0
cls x0, x5
cls w5, w0
rev32 x0, x5
rbit x1, x16
rbit w16, w1
rev16 x1, x16
rev16 w16, w1
rev x1, x16
rev w16, w1
clz x1, x16
clz w16, w1
cls x1, x16
cls w16, w1
rev32 x1, x16
rbit x2, x27
rbit w27, w2
rev16 x2, x27
rev16 w27, w2
rev x2, x27
rev w27, w2
clz x2, x27
clz w27, w2
cls x2, x27
cls w27, w2
rev32 x2, x27
rbit x3, x6
rbit w6, w3
rev16 x3, x6
rev16 w6, w3
rev x3, x6
rev w6, w3
clz x3, x6
clz w6, w3
cls x3, x6
cls w6, w3
rev32 x3, x6
rbit x4, x17
rbit w17, w4
rev16 x4, x17
rev16 w17, w4
rev x4, x17
rev w17, w4
clz x4, x17
clz w17, w4
cls x4, x17
cls w17, w4
rev32 x4, x17
rbit x5, x28
rbit w28, w5
rev16 x5, x28
rev16 w28, w5
rev x5, x28
rev w28, w5
clz x5, x28
clz w28, w5
cls x5, x28
cls w28, w5
rev32 x5, x28
rbit x6, x7
rbit w7, w6
rev16 x6, x7
rev16 w7, w6
rev x6, x7
rev w7, w6
clz x6, x7
clz w7, w6
cls x6, x7
cls w7, w6
rev32 x6, x7
rbit x7, x18
rbit w18, w7
rev16 x7, x18
rev16 w18, w7
rev x7, x18
rev w18, w7
clz x7, x18
clz w18, w7
cls x7, x18
cls w18, w7
rev32 x7, x18
rbit x8, x29
rbit w29, w8
rev16 x8, x29
rev16 w29, w8
rev x8, x29
rev w29, w8
clz x8, x29
clz w29, w8
cls x8, x29
cls w29, w8
rev32 x8, x29
rbit x9, x8
rbit w8, w9
rev16 x9, x8
rev16 w8, w9
rev x9, x8
rev w8, w9
clz x9, x8
clz w8, w9
cls x9, x8
cls w8, w9
rev32 x9, x8
rbit x10, x19
rbit w19, w10
rev16 x10, x19
rev16 w19, w10
rev x10, x19
rev w19, w10
clz x10, x19
clz w19, w10
cls x10, x19
cls w19, w10
rev32 x10, x19
rbit x11, x30
rbit w30, w11
rev16 x11, x30
rev16 w30, w11
rev x11, x30
rev w30, w11
clz x11, x30
clz w30, w11
cls x11, x30
cls w30, w11
rev32 x11, x30
rbit x12, x9
rbit w9, w12
rev16 x12, x9
rev16 w9, w12
rev x12, x9
rev w9, w12
clz x12, x9
clz w9, w12
cls x12, x9
cls w9, w12
rev32 x12, x9
rbit x13, x20
rbit w20, w13
rev16 x13, x20
rev16 w20, w13
rev x13, x20
rev w20, w13
clz x13, x20
clz w20, w13
cls x13, x20
cls w20, w13
rev32 x13, x20
rbit x14, xzr
rbit wzr, w14
rev16 x14, xzr
rev16 wzr, w14
rev x14, xzr
rev wzr, w14
clz x14, xzr
clz wzr, w14
cls x14, xzr
cls wzr, w14
rev32 x14, xzr
rbit x15, x10
rbit w10, w15
rev16 x15, x10
rev16 w10, w15
rev x15, x10
rev w10, w15
clz x15, x10
clz w10, w15
cls x15, x10
cls w10, w15
rev32 x15, x10
rbit x16, x21
rbit w21, w16
rev16 x16, x21
rev16 w21, w16
rev x16, x21
rev w21, w16
clz x16, x21
clz w21, w16
cls x16, x21
cls w21, w16
rev32 x16, x21
rbit x17, x0
rbit w0, w17
rev16 x17, x0
rev16 w0, w17
rev x17, x0
rev w0, w17
clz x17, x0
clz w0, w17
cls x17, x0
cls w0, w17
rev32 x17, x0
rbit x18, x11
rbit w11, w18
rev16 x18, x11
rev16 w11, w18
rev x18, x11
rev w11, w18
clz x18, x11
clz w11, w18
cls x18, x11
cls w11, w18
rev32 x18, x11
rbit x19, x22
rbit w22, w19
rev16 x19, x22
rev16 w22, w19
rev x19, x22
rev w22, w19
clz x19, x22
clz w22, w19
cls x19, x22
cls w22, w19
rev32 x19, x22
rbit x20, x1
rbit w1, w20
rev16 x20, x1
rev16 w1, w20
rev x20, x1
rev w1, w20
clz x20, x1
clz w1, w20
cls x20, x1
cls w1, w20
rev32 x20, x1
rbit x21, x12
rbit w12, w21
rev16 x21, x12
rev16 w12, w21
rev x21, x12
rev w12, w21
clz x21, x12
clz w12, w21
cls x21, x12
cls w12, w21
rev32 x21, x12
rbit x22, x23
rbit w23, w22
rev16 x22, x23
rev16 w23, w22
rev x22, x23
rev w23, w22
clz x22, x23
clz w23, w22
cls x22, x23
cls w23, w22
rev32 x22, x23
rbit x23, x2
rbit w2, w23
rev16 x23, x2
rev16 w2, w23
rev x23, x2
rev w2, w23
clz x23, x2
clz w2, w23
cls x23, x2
cls w2, w23
rev32 x23, x2
rbit x24, x13
rbit w13, w24
rev16 x24, x13
rev16 w13, w24
rev x24, x13
rev w13, w24
clz x24, x13
clz w13, w24
cls x24, x13
cls w13, w24
rev32 x24, x13
rbit x25, x24
rbit w24, w25
rev16 x25, x24
rev16 w24, w25
rev x25, x24
rev w24, w25
clz x25, x24
clz w24, w25
cls x25, x24
cls w24, w25
rev32 x25, x24
rbit x26, x3
rbit w3, w26
rev16 x26, x3
rev16 w3, w26
rev x26, x3
rev w3, w26
clz x26, x3
clz w3, w26
cls x26, x3
cls w3, w26
rev32 x26, x3
rbit x27, x14
rbit w14, w27
rev16 x27, x14
rev16 w14, w27
rev x27, x14
rev w14, w27
clz x27, x14
clz w14, w27
cls x27, x14
cls w14, w27
rev32 x27, x14
rbit x28, x25
rbit w25, w28
rev16 x28, x25
rev16 w25, w28
rev x28, x25
rev w25, w28
clz x28, x25
clz w25, w28
cls x28, x25
cls w25, w28
rev32 x28, x25
rbit x29, x4
rbit w4, w29
rev16 x29, x4
rev16 w4, w29
rev x29, x4
rev w4, w29
clz x29, x4
clz w4, w29
cls x29, x4
cls w4, w29
rev32 x29, x4
rbit x30, x15
rbit w15, w30
rev16 x30, x15
rev16 w15, w30
rev x30, x15
rev w15, w30
clz x30, x15
clz w15, w30
cls x30, x15
cls w15, w30
rev32 x30, x15
rbit xzr, x26
rbit w26, wzr
rev16 xzr, x26
rev16 w26, wzr
rev xzr, x26
rev w26, wzr
clz xzr, x26
clz w26, wzr
cls xzr, x26
cls w26, wzr
rev32 xzr, x26
crc32b w0, w7, w1
crc32h w0, w7, w1
crc32w w0, w7, w1
crc32cb w0, w7, w1
crc32ch w0, w7, w1
crc32cw w0, w7, w1
crc32x w0, w7, x2
crc32cx w0, w7, x3
crc32b w1, w20, w2
crc32h w1, w20, w2
crc32w w1, w20, w2
crc32cb w1, w20, w2
crc32ch w1, w20, w2
crc32cw w1, w20, w2
crc32x w1, w20, x3
crc32cx w1, w20, x4
crc32b w2, w1, w3
crc32h w2, w1, w3
crc32w w2, w1, w3
crc32cb w2, w1, w3
crc32ch w2, w1, w3
crc32cw w2, w1, w3
crc32x w2, w1, x4
crc32cx w2, w1, x5
crc32b w3, w14, w4
crc32h w3, w14, w4
crc32w w3, w14, w4
crc32cb w3, w14, w4
crc32ch w3, w14, w4
crc32cw w3, w14, w4
crc32x w3, w14, x5
crc32cx w3, w14, x6
crc32b w4, w27, w5
crc32h w4, w27, w5
crc32w w4, w27, w5
crc32cb w4, w27, w5
crc32ch w4, w27, w5
crc32cw w4, w27, w5
crc32x w4, w27, x6
crc32cx w4, w27, x7
crc32b w5, w8, w6
crc32h w5, w8, w6
crc32w w5, w8, w6
crc32cb w5, w8, w6
crc32ch w5, w8, w6
crc32cw w5, w8, w6
crc32x w5, w8, x7
crc32cx w5, w8, x8
crc32b w6, w21, w7
crc32h w6, w21, w7
crc32w w6, w21, w7
crc32cb w6, w21, w7
crc32ch w6, w21, w7
crc32cw w6, w21, w7
crc32x w6, w21, x8
crc32cx w6, w21, x9
crc32b w7, w2, w8
crc32h w7, w2, w8
crc32w w7, w2, w8
crc32cb w7, w2, w8
crc32ch w7, w2, w8
crc32cw w7, w2, w8
crc32x w7, w2, x9
crc32cx w7, w2, x10
crc32b w8, w15, w9
crc32h w8, w15, w9
crc32w w8, w15, w9
crc32cb w8, w15, w9
crc32ch w8, w15, w9
crc32cw w8, w15, w9
crc32x w8, w15, x10
crc32cx w8, w15, x11
crc32b w9, w28, w10
crc32h w9, w28, w10
crc32w w9, w28, w10
crc32cb w9, w28, w10
crc32ch w9, w28, w10
crc32cw w9, w28, w10
crc32x w9, w28, x11
crc32cx w9, w28, x12
crc32b w10, w9, w11
crc32h w10, w9, w11
crc32w w10, w9, w11
crc32cb w10, w9, w11
crc32ch w10, w9, w11
crc32cw w10, w9, w11
crc32x w10, w9, x12
crc32cx w10, w9, x13
crc32b w11, w22, w12
crc32h w11, w22, w12
crc32w w11, w22, w12
crc32cb w11, w22, w12
crc32ch w11, w22, w12
crc32cw w11, w22, w12
crc32x w11, w22, x13
crc32cx w11, w22, x14
crc32b w12, w3, w13
crc32h w12, w3, w13
crc32w w12, w3, w13
crc32cb w12, w3, w13
crc32ch w12, w3, w13
crc32cw w12, w3, w13
crc32x w12, w3, x14
crc32cx w12, w3, x15
crc32b w13, w16, w14
crc32h w13, w16, w14
crc32w w13, w16, w14
crc32cb w13, w16, w14
crc32ch w13, w16, w14
crc32cw w13, w16, w14
crc32x w13, w16, x15
crc32cx w13, w16, x16
crc32b w14, w29, w15
crc32h w14, w29, w15
crc32w w14, w29, w15
crc32cb w14, w29, w15
crc32ch w14, w29, w15
crc32cw w14, w29, w15
crc32x w14, w29, x16
crc32cx w14, w29, x17
crc32b w15, w10, w16
crc32h w15, w10, w16
crc32w w15, w10, w16
crc32cb w15, w10, w16
crc32ch w15, w10, w16
crc32cw w15, w10, w16
crc32x w15, w10, x17
crc32cx w15, w10, x18
crc32b w16, w23, w17
crc32h w16, w23, w17
crc32w w16, w23, w17
crc32cb w16, w23, w17
crc32ch w16, w23, w17
crc32cw w16, w23, w17
crc32x w16, w23, x18
crc32cx w16, w23, x19
crc32b w17, w4, w18
crc32h w17, w4, w18
crc32w w17, w4, w18
crc32cb w17, w4, w18
crc32ch w17, w4, w18
crc32cw w17, w4, w18
crc32x w17, w4, x19
crc32cx w17, w4, x20
crc32b w18, w17, w19
crc32h w18, w17, w19
crc32w w18, w17, w19
crc32cb w18, w17, w19
crc32ch w18, w17, w19
crc32cw w18, w17, w19
crc32x w18, w17, x20
crc32cx w18, w17, x21
crc32b w19, w30, w20
crc32h w19, w30, w20
crc32w w19, w30, w20
crc32cb w19, w30, w20
crc32ch w19, w30, w20
crc32cw w19, w30, w20
crc32x w19, w30, x21
crc32cx w19, w30, x22
crc32b w20, w11, w21
crc32h w20, w11, w21
crc32w w20, w11, w21
crc32cb w20, w11, w21
crc32ch w20, w11, w21
crc32cw w20, w11, w21
crc32x w20, w11, x22
crc32cx w20, w11, x23
crc32b w21, w24, w22
crc32h w21, w24, w22
crc32w w21, w24, w22
crc32cb w21, w24, w22
crc32ch w21, w24, w22
crc32cw w21, w24, w22
crc32x w21, w24, x23
crc32cx w21, w24, x24
crc32b w22, w5, w23
crc32h w22, w5, w23
crc32w w22, w5, w23
crc32cb w22, w5, w23
crc32ch w22, w5, w23
crc32cw w22, w5, w23
crc32x w22, w5, x24
crc32cx w22, w5, x25
crc32b w23, w18, w24
crc32h w23, w18, w24
crc32w w23, w18, w24
crc32cb w23, w18, w24
crc32ch w23, w18, w24
crc32cw w23, w18, w24
crc32x w23, w18, x25
crc32cx w23, w18, x26
crc32b w24, wzr, w25
crc32h w24, wzr, w25
crc32w w24, wzr, w25
crc32cb w24, wzr, w25
crc32ch w24, wzr, w25
crc32cw w24, wzr, w25
crc32x w24, wzr, x26
crc32cx w24, wzr, x27
crc32b w25, w12, w26
crc32h w25, w12, w26
crc32w w25, w12, w26
crc32cb w25, w12, w26
crc32ch w25, w12, w26
crc32cw w25, w12, w26
crc32x w25, w12, x27
crc32cx w25, w12, x28
crc32b w26, w25, w27
crc32h w26, w25, w27
crc32w w26, w25, w27
crc32cb w26, w25, w27
crc32ch w26, w25, w27
crc32cw w26, w25, w27
crc32x w26, w25, x28
crc32cx w26, w25, x29
crc32b w27, w6, w28
crc32h w27, w6, w28
crc32w w27, w6, w28
crc32cb w27, w6, w28
crc32ch w27, w6, w28
crc32cw w27, w6, w28
crc32x w27, w6, x29
crc32cx w27, w6, x30
crc32b w28, w19, w29
crc32h w28, w19, w29
crc32w w28, w19, w29
crc32cb w28, w19, w29
crc32ch w28, w19, w29
crc32cw w28, w19, w29
crc32x w28, w19, x30
crc32cx w28, w19, xzr
crc32b w29, w0, w30
crc32h w29, w0, w30
crc32w w29, w0, w30
crc32cb w29, w0, w30
crc32ch w29, w0, w30
crc32cw w29, w0, w30
crc32x w29, w0, xzr
crc32cx w29, w0, x0
crc32b w30, w13, wzr
crc32h w30, w13, wzr
crc32w w30, w13, wzr
crc32cb w30, w13, wzr
crc32ch w30, w13, wzr
crc32cw w30, w13, wzr
crc32x w30, w13, x0
crc32cx w30, w13, x1
crc32b wzr, w26, w0
crc32h wzr, w26, w0
crc32w wzr, w26, w0
crc32cb wzr, w26, w0
crc32ch wzr, w26, w0
crc32cw wzr, w26, w0
crc32x wzr, w26, x1
crc32cx wzr, w26, x2
extr w1, w2, w3, #0
extr w4, w5, w5, #0
extr w1, w2, w3, #1
extr w4, w5, w5, #1
extr w1, w2, w3, #31
extr w4, w5, w5, #31
extr x1, x2, x3, #0
extr x4, x5, x5, #0
extr x1, x2, x3, #1
extr x4, x5, x5, #1
extr x1, x2, x3, #32
extr x4, x5, x5, #32
extr x1, x2, x3, #63
extr x4, x5, x5, #63
csel x1, x2, x3, eq
csel w4, wzr, w5, eq
csinc x1, x2, x3, eq
csinc x1, x2, x2, eq
csinc w1, wzr, wzr, eq
csinv x1, x2, x3, eq
csinv w1, w2, w2, eq
csinv x1, xzr, xzr, eq
csneg x1, x2, x3, eq
csneg x1, x2, x2, eq
csneg w1, wzr, wzr, eq
ccmp x1, #31, #15, eq
ccmp w2, w3, #0, eq
ccmn xzr, #0, #8, eq
ccmn w4, wzr, #7, eq
csel x1, x2, x3, ne
csel w4, wzr, w5, ne
csinc x1, x2, x3, ne
csinc x1, x2, x2, ne
csinc w1, wzr, wzr, ne
csinv x1, x2, x3, ne
csinv w1, w2, w2, ne
csinv x1, xzr, xzr, ne
csneg x1, x2, x3, ne
csneg x1, x2, x2, ne
csneg w1, wzr, wzr, ne
ccmp x1, #31, #15, ne
ccmp w2, w3, #0, ne
ccmn xzr, #0, #8, ne
ccmn w4, wzr, #7, ne
csel x1, x2, x3, cs
csel w4, wzr, w5, cs
csinc x1, x2, x3, cs
csinc x1, x2, x2, cs
csinc w1, wzr, wzr, cs
csinv x1, x2, x3, cs
csinv w1, w2, w2, cs
csinv x1, xzr, xzr, cs
csneg x1, x2, x3, cs
csneg x1, x2, x2, cs
csneg w1, wzr, wzr, cs
ccmp x1, #31, #15, cs
ccmp w2, w3, #0, cs
ccmn xzr, #0, #8, cs
ccmn w4, wzr, #7, cs
csel x1, x2, x3, cc
csel w4, wzr, w5, cc
csinc x1, x2, x3, cc
csinc x1, x2, x2, cc
csinc w1, wzr, wzr, cc
csinv x1, x2, x3, cc
csinv w1, w2, w2, cc
csinv x1, xzr, xzr, cc
csneg x1, x2, x3, cc
csneg x1, x2, x2, cc
csneg w1, wzr, wzr, cc
ccmp x1, #31, #15, cc
ccmp w2, w3, #0, cc
ccmn xzr, #0, #8, cc
ccmn w4, wzr, #7, cc
csel x1, x2, x3, mi
csel w4, wzr, w5, mi
csinc x1, x2, x3, mi
csinc x1, x2, x2, mi
csinc w1, wzr, wzr, mi
csinv x1, x2, x3, mi
csinv w1, w2, w2, mi
csinv x1, xzr, xzr, mi
csneg x1, x2, x3, mi
csneg x1, x2, x2, mi
csneg w1, wzr, wzr, mi
ccmp x1, #31, #15, mi
ccmp w2, w3, #0, mi
ccmn xzr, #0, #8, mi
ccmn w4, wzr, #7, mi
csel x1, x2, x3, pl
csel w4, wzr, w5, pl
csinc x1, x2, x3, pl
csinc x1, x2, x2, pl
csinc w1, wzr, wzr, pl
csinv x1, x2, x3, pl
csinv w1, w2, w2, pl
csinv x1, xzr, xzr, pl
csneg x1, x2, x3, pl
csneg x1, x2, x2, pl
csneg w1, wzr, wzr, pl
ccmp x1, #31, #15, pl
ccmp w2, w3, #0, pl
ccmn xzr, #0, #8, pl
ccmn w4, wzr, #7, pl
csel x1, x2, x3, vs
csel w4, wzr, w5, vs
csinc x1, x2, x3, vs
csinc x1, x2, x2, vs
csinc w1, wzr, wzr, vs
csinv x1, x2, x3, vs
csinv w1, w2, w2, vs
csinv x1, xzr, xzr, vs
csneg x1, x2, x3, vs
csneg x1, x2, x2, vs
csneg w1, wzr, wzr, vs
ccmp x1, #31, #15, vs
ccmp w2, w3, #0, vs
ccmn xzr, #0, #8, vs
ccmn w4, wzr, #7, vs
csel x1, x2, x3, vc
csel w4, wzr, w5, vc
csinc x1, x2, x3, vc
csinc x1, x2, x2, vc
csinc w1, wzr, wzr, vc
csinv x1, x2, x3, vc
csinv w1, w2, w2, vc
csinv x1, xzr, xzr, vc
csneg x1, x2, x3, vc
csneg x1, x2, x2, vc
csneg w1, wzr, wzr, vc
ccmp x1, #31, #15, vc
ccmp w2, w3, #0, vc
ccmn xzr, #0, #8, vc
ccmn w4, wzr, #7, vc
csel x1, x2, x3, hi
csel w4, wzr, w5, hi
csinc x1, x2, x3, hi
csinc x1, x2, x2, hi
csinc w1, wzr, wzr, hi
csinv x1, x2, x3, hi
csinv w1, w2, w2, hi
csinv x1, xzr, xzr, hi
csneg x1, x2, x3, hi
csneg x1, x2, x2, hi
csneg w1, wzr, wzr, hi
ccmp x1, #31, #15, hi
ccmp w2, w3, #0, hi
ccmn xzr, #0, #8, hi
ccmn w4, wzr, #7, hi
csel x1, x2, x3, ls
csel w4, wzr, w5, ls
csinc x1, x2, x3, ls
csinc x1, x2, x2, ls
csinc w1, wzr, wzr, ls
csinv x1, x2, x3, ls
csinv w1, w2, w2, ls
csinv x1, xzr, xzr, ls
csneg x1, x2, x3, ls
csneg x1, x2, x2, ls
csneg w1, wzr, wzr, ls
ccmp x1, #31, #15, ls
ccmp w2, w3, #0, ls
ccmn xzr, #0, #8, ls
ccmn w4, wzr, #7, ls
csel x1, x2, x3, ge
csel w4, wzr, w5, ge
csinc x1, x2, x3, ge
csinc x1, x2, x2, ge
csinc w1, wzr, wzr, ge
csinv x1, x2, x3, ge
csinv w1, w2, w2, ge
csinv x1, xzr, xzr, ge
csneg x1, x2, x3, ge
csneg x1, x2, x2, ge
csneg w1, wzr, wzr, ge
ccmp x1, #31, #15, ge
ccmp w2, w3, #0, ge
ccmn xzr, #0, #8, ge
ccmn w4, wzr, #7, ge
csel x1, x2, x3, lt
csel w4, wzr, w5, lt
csinc x1, x2, x3, lt
csinc x1, x2, x2, lt
csinc w1, wzr, wzr, lt
csinv x1, x2, x3, lt
csinv w1, w2, w2, lt
csinv x1, xzr, xzr, lt
csneg x1, x2, x3, lt
csneg x1, x2, x2, lt
csneg w1, wzr, wzr, lt
ccmp x1, #31, #15, lt
ccmp w2, w3, #0, lt
ccmn xzr, #0, #8, lt
ccmn w4, wzr, #7, lt
csel x1, x2, x3, gt
csel w4, wzr, w5, gt
csinc x1, x2, x3, gt
csinc x1, x2, x2, gt
csinc w1, wzr, wzr, gt
csinv x1, x2, x3, gt
csinv w1, w2, w2, gt
csinv x1, xzr, xzr, gt
csneg x1, x2, x3, gt
csneg x1, x2, x2, gt
csneg w1, wzr, wzr, gt
ccmp x1, #31, #15, gt
ccmp w2, w3, #0, gt
ccmn xzr, #0, #8, gt
ccmn w4, wzr, #7, gt
csel x1, x2, x3, le
csel w4, wzr, w5, le
csinc x1, x2, x3, le
csinc x1, x2, x2, le
csinc w1, wzr, wzr, le
csinv x1, x2, x3, le
csinv w1, w2, w2, le
csinv x1, xzr, xzr, le
csneg x1, x2, x3, le
csneg x1, x2, x2, le
csneg w1, wzr, wzr, le
ccmp x1, #31, #15, le
ccmp w2, w3, #0, le
ccmn xzr, #0, #8, le
ccmn w4, wzr, #7, le
csel x1, x2, x3, al
csel w4, wzr, w5, al
csinc x1, x2, x3, al
csinc x1, x2, x2, al
csinc w1, wzr, wzr, al
csinv x1, x2, x3, al
csinv w1, w2, w2, al
csinv x1, xzr, xzr, al
csneg x1, x2, x3, al
csneg x1, x2, x2, al
csneg w1, wzr, wzr, al
ccmp x1, #31, #15, al
ccmp w2, w3, #0, al
ccmn xzr, #0, #8, al
ccmn w4, wzr, #7, al
csel x1, x2, x3, nv
csel w4, wzr, w5, nv
csinc x1, x2, x3, nv
csinc x1, x2, x2, nv
csinc w1, wzr, wzr, nv
csinv x1, x2, x3, nv
csinv w1, w2, w2, nv
csinv x1, xzr, xzr, nv
csneg x1, x2, x3, nv
csneg x1, x2, x2, nv
csneg w1, wzr, wzr, nv
ccmp x1, #31, #15, nv
ccmp w2, w3, #0, nv
ccmn xzr, #0, #8, nv
ccmn w4, wzr, #7, nv
adr x1, .+0
adr x1, .+4
adr x1, .+-4
adr x1, .+0xffffc
adr x1, .+-0x100000
adr x1, .+0x1234
adrp x2, .+0
adrp xzr, .+0
adrp x2, .+0x1000
adrp xzr, .+0x1000
adrp x2, .+-0x1000
adrp xzr, .+-0x1000
adrp x2, .+0xfffff000
adrp xzr, .+0xfffff000
adrp x2, .+-0x100000000
adrp xzr, .+-0x100000000
