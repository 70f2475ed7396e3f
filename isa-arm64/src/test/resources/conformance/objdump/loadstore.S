.arch armv8.1-a+crc
ldr x0, [x1, #0]
str w0, [x1, #0]
ldrb w0, [x1, #0]
strh w0, [x1, #0]
ldrsb x0, [x1]
ldrsh w0, [x1, #0]
ldrsw x0, [x1, #16380]
ldur x0, [x1, #-256]
stur w0, [x1, #255]
ldursh w0, [x1, #-0]
sturb w0, [x1]
ldr x0, [x1, #-256]!
str x0, [x1], #255
ldrh w0, [x1, #0]!
strb w0, [x1], #-0
ldrsw x0, [x1], #0
ldr x0, [x1, x3, lsl #3]
str w0, [x1, w4, sxtw #2]
ldrb w0, [x1, x5]
ldrsh x0, [x1, w6, uxtw]
ldp x0, x1, [x1, #-256]
stp w0, w2, [x1, #0]!
stp x0, x3, [x1], #-0
ldpsw x0, x4, [x1, #-128]
ldr x1, [x6, #8]
str w1, [x6, #4]
ldrb w1, [x6, #127]
strh w1, [x6, #254]
ldrsb x1, [x6]
ldrsh w1, [x6, #2]
ldrsw x1, [x6, #16380]
ldur x1, [x6, #-248]
stur w1, [x6, #254]
ldursh w1, [x6, #-1]
sturb w1, [x6]
ldr x1, [x6, #-248]!
str x1, [x6], #247
ldrh w1, [x6, #1]!
strb w1, [x6], #-1
ldrsw x1, [x6], #3
ldr x1, [x6, x4, lsl #3]
str w1, [x6, w5, sxtw #2]
ldrb w1, [x6, x6]
ldrsh x1, [x6, w7, uxtw]
ldp x1, x2, [x6, #-240]
stp w1, w3, [x6, #4]!
stp x1, x4, [x6], #-8
ldpsw x1, x5, [x6, #-124]
ldr x2, [x11, #16]
str w2, [x11, #8]
ldrb w2, [x11, #254]
strh w2, [x11, #508]
ldrsb x2, [x11]
ldrsh w2, [x11, #4]
ldrsw x2, [x11, #16380]
ldur x2, [x11, #-240]
stur w2, [x11, #253]
ldursh w2, [x11, #-2]
sturb w2, [x11]
ldr x2, [x11, #-240]!
str x2, [x11], #239
ldrh w2, [x11, #2]!
strb w2, [x11], #-2
ldrsw x2, [x11], #6
ldr x2, [x11, x5, lsl #3]
str w2, [x11, w6, sxtw #2]
ldrb w2, [x11, x7]
ldrsh x2, [x11, w8, uxtw]
ldp x2, x3, [x11, #-224]
stp w2, w4, [x11, #8]!
stp x2, x5, [x11], #-16
ldpsw x2, x6, [x11, #-120]
ldr x3, [x16, #24]
str w3, [x16, #12]
ldrb w3, [x16, #381]
strh w3, [x16, #762]
ldrsb x3, [x16]
ldrsh w3, [x16, #6]
ldrsw x3, [x16, #16380]
ldur x3, [x16, #-232]
stur w3, [x16, #252]
ldursh w3, [x16, #-3]
sturb w3, [x16]
ldr x3, [x16, #-232]!
str x3, [x16], #231
ldrh w3, [x16, #3]!
strb w3, [x16], #-3
ldrsw x3, [x16], #9
ldr x3, [x16, x6, lsl #3]
str w3, [x16, w7, sxtw #2]
ldrb w3, [x16, x8]
ldrsh x3, [x16, w9, uxtw]
ldp x3, x4, [x16, #-208]
stp w3, w5, [x16, #12]!
stp x3, x6, [x16], #-24
ldpsw x3, x7, [x16, #-116]
ldr x4, [x21, #32]
str w4, [x21, #16]
ldrb w4, [x21, #508]
strh w4, [x21, #1016]
ldrsb x4, [x21]
ldrsh w4, [x21, #8]
ldrsw x4, [x21, #16380]
ldur x4, [x21, #-224]
stur w4, [x21, #251]
ldursh w4, [x21, #-4]
sturb w4, [x21]
ldr x4, [x21, #-224]!
str x4, [x21], #223
ldrh w4, [x21, #4]!
strb w4, [x21], #-4
ldrsw x4, [x21], #12
ldr x4, [x21, x7, lsl #3]
str w4, [x21, w8, sxtw #2]
ldrb w4, [x21, x9]
ldrsh x4, [x21, w10, uxtw]
ldp x4, x5, [x21, #-192]
stp w4, w6, [x21, #16]!
stp x4, x7, [x21], #-32
ldpsw x4, x8, [x21, #-112]
ldr x5, [x26, #40]
str w5, [x26, #20]
ldrb w5, [x26, #635]
strh w5, [x26, #1270]
ldrsb x5, [x26]
ldrsh w5, [x26, #10]
ldrsw x5, [x26, #16380]
ldur x5, [x26, #-216]
stur w5, [x26, #250]
ldursh w5, [x26, #-5]
sturb w5, [x26]
ldr x5, [x26, #-216]!
str x5, [x26], #215
ldrh w5, [x26, #5]!
strb w5, [x26], #-5
ldrsw x5, [x26], #15
ldr x5, [x26, x8, lsl #3]
str w5, [x26, w9, sxtw #2]
ldrb w5, [x26, x10]
ldrsh x5, [x26, w11, uxtw]
ldp x5, x6, [x26, #-176]
stp w5, w7, [x26, #20]!
stp x5, x8, [x26], #-40
ldpsw x5, x9, [x26, #-108]
ldr x6, [sp, #48]
str w6, [sp, #24]
ldrb w6, [sp, #762]
strh w6, [sp, #1524]
ldrsb x6, [sp]
ldrsh w6, [sp, #12]
ldrsw x6, [sp, #16380]
ldur x6, [sp, #-208]
stur w6, [sp, #249]
ldursh w6, [sp, #-6]
sturb w6, [sp]
ldr x6, [sp, #-208]!
str x6, [sp], #207
ldrh w6, [sp, #6]!
strb w6, [sp], #-6
ldrsw x6, [sp], #18
ldr x6, [sp, x9, lsl #3]
str w6, [sp, w10, sxtw #2]
ldrb w6, [sp, x11]
ldrsh x6, [sp, w12, uxtw]
ldp x6, x7, [sp, #-160]
stp w6, w8, [sp, #24]!
stp x6, x9, [sp], #-48
ldpsw x6, x10, [sp, #-104]
ldr x7, [x4, #56]
str w7, [x4, #28]
ldrb w7, [x4, #889]
strh w7, [x4, #1778]
ldrsb x7, [x4]
ldrsh w7, [x4, #14]
ldrsw x7, [x4, #16380]
ldur x7, [x4, #-200]
stur w7, [x4, #248]
ldursh w7, [x4, #-7]
sturb w7, [x4]
ldr x7, [x4, #-200]!
str x7, [x4], #199
ldrh w7, [x4, #7]!
strb w7, [x4], #-7
ldrsw x7, [x4], #21
ldr x7, [x4, x10, lsl #3]
str w7, [x4, w11, sxtw #2]
ldrb w7, [x4, x12]
ldrsh x7, [x4, w13, uxtw]
ldp x7, x8, [x4, #-144]
stp w7, w9, [x4, #28]!
stp x7, x10, [x4], #-56
ldpsw x7, x11, [x4, #-100]
ldr x8, [x9, #64]
str w8, [x9, #32]
ldrb w8, [x9, #1016]
strh w8, [x9, #2032]
ldrsb x8, [x9]
ldrsh w8, [x9, #16]
ldrsw x8, [x9, #16380]
ldur x8, [x9, #-192]
stur w8, [x9, #247]
ldursh w8, [x9, #-8]
sturb w8, [x9]
ldr x8, [x9, #-192]!
str x8, [x9], #191
ldrh w8, [x9, #8]!
strb w8, [x9], #-8
ldrsw x8, [x9], #24
ldr x8, [x9, x11, lsl #3]
str w8, [x9, w12, sxtw #2]
ldrb w8, [x9, x13]
ldrsh x8, [x9, w14, uxtw]
ldp x8, x9, [x9, #-128]
stp w8, w10, [x9, #32]!
stp x8, x11, [x9], #-64
ldpsw x8, x12, [x9, #-96]
ldr x9, [x14, #72]
str w9, [x14, #36]
ldrb w9, [x14, #1143]
strh w9, [x14, #2286]
ldrsb x9, [x14]
ldrsh w9, [x14, #18]
ldrsw x9, [x14, #16380]
ldur x9, [x14, #-184]
stur w9, [x14, #246]
ldursh w9, [x14, #-9]
sturb w9, [x14]
ldr x9, [x14, #-184]!
str x9, [x14], #183
ldrh w9, [x14, #9]!
strb w9, [x14], #-9
ldrsw x9, [x14], #27
ldr x9, [x14, x12, lsl #3]
str w9, [x14, w13, sxtw #2]
ldrb w9, [x14, x14]
ldrsh x9, [x14, w15, uxtw]
ldp x9, x10, [x14, #-112]
stp w9, w11, [x14, #36]!
stp x9, x12, [x14], #-72
ldpsw x9, x13, [x14, #-92]
ldr x10, [x19, #80]
str w10, [x19, #40]
ldrb w10, [x19, #1270]
strh w10, [x19, #2540]
ldrsb x10, [x19]
ldrsh w10, [x19, #20]
ldrsw x10, [x19, #16380]
ldur x10, [x19, #-176]
stur w10, [x19, #245]
ldursh w10, [x19, #-10]
sturb w10, [x19]
ldr x10, [x19, #-176]!
str x10, [x19], #175
ldrh w10, [x19, #10]!
strb w10, [x19], #-10
ldrsw x10, [x19], #30
ldr x10, [x19, x13, lsl #3]
str w10, [x19, w14, sxtw #2]
ldrb w10, [x19, x15]
ldrsh x10, [x19, w16, uxtw]
ldp x10, x11, [x19, #-96]
stp w10, w12, [x19, #40]!
stp x10, x13, [x19], #-80
ldpsw x10, x14, [x19, #-88]
ldr x11, [x24, #88]
str w11, [x24, #44]
ldrb w11, [x24, #1397]
strh w11, [x24, #2794]
ldrsb x11, [x24]
ldrsh w11, [x24, #22]
ldrsw x11, [x24, #16380]
ldur x11, [x24, #-168]
stur w11, [x24, #244]
ldursh w11, [x24, #-11]
sturb w11, [x24]
ldr x11, [x24, #-168]!
str x11, [x24], #167
ldrh w11, [x24, #11]!
strb w11, [x24], #-11
ldrsw x11, [x24], #33
ldr x11, [x24, x14, lsl #3]
str w11, [x24, w15, sxtw #2]
ldrb w11, [x24, x16]
ldrsh x11, [x24, w17, uxtw]
ldp x11, x12, [x24, #-80]
stp w11, w13, [x24, #44]!
stp x11, x14, [x24], #-88
ldpsw x11, x15, [x24, #-84]
ldr x12, [x29, #96]
str w12, [x29, #48]
ldrb w12, [x29, #1524]
strh w12, [x29, #3048]
ldrsb x12, [x29]
ldrsh w12, [x29, #24]
ldrsw x12, [x29, #16380]
ldur x12, [x29, #-160]
stur w12, [x29, #243]
ldursh w12, [x29, #-12]
sturb w12, [x29]
ldr x12, [x29, #-160]!
str x12, [x29], #159
ldrh w12, [x29, #12]!
strb w12, [x29], #-12
ldrsw x12, [x29], #36
ldr x12, [x29, x15, lsl #3]
str w12, [x29, w16, sxtw #2]
ldrb w12, [x29, x17]
ldrsh x12, [x29, w18, uxtw]
ldp x12, x13, [x29, #-64]
stp w12, w14, [x29, #48]!
stp x12, x15, [x29], #-96
ldpsw x12, x16, [x29, #-80]
ldr x13, [x2, #104]
str w13, [x2, #52]
ldrb w13, [x2, #1651]
strh w13, [x2, #3302]
ldrsb x13, [x2]
ldrsh w13, [x2, #26]
ldrsw x13, [x2, #16380]
ldur x13, [x2, #-152]
stur w13, [x2, #242]
ldursh w13, [x2, #-13]
sturb w13, [x2]
ldr x13, [x2, #-152]!
str x13, [x2], #151
ldrh w13, [x2, #13]!
strb w13, [x2], #-13
ldrsw x13, [x2], #39
ldr x13, [x2, x16, lsl #3]
str w13, [x2, w17, sxtw #2]
ldrb w13, [x2, x18]
ldrsh x13, [x2, w19, uxtw]
ldp x13, x14, [x2, #-48]
stp w13, w15, [x2, #52]!
stp x13, x16, [x2], #-104
ldpsw x13, x17, [x2, #-76]
ldr x14, [x7, #112]
str w14, [x7, #56]
ldrb w14, [x7, #1778]
strh w14, [x7, #3556]
ldrsb x14, [x7]
ldrsh w14, [x7, #28]
ldrsw x14, [x7, #16380]
ldur x14, [x7, #-144]
stur w14, [x7, #241]
ldursh w14, [x7, #-14]
sturb w14, [x7]
ldr x14, [x7, #-144]!
str x14, [x7], #143
ldrh w14, [x7, #14]!
strb w14, [x7], #-14
ldrsw x14, [x7], #42
ldr x14, [x7, x17, lsl #3]
str w14, [x7, w18, sxtw #2]
ldrb w14, [x7, x19]
ldrsh x14, [x7, w20, uxtw]
ldp x14, x15, [x7, #-32]
stp w14, w16, [x7, #56]!
stp x14, x17, [x7], #-112
ldpsw x14, x18, [x7, #-72]
ldr x15, [x12, #120]
str w15, [x12, #60]
ldrb w15, [x12, #1905]
strh w15, [x12, #3810]
ldrsb x15, [x12]
ldrsh w15, [x12, #30]
ldrsw x15, [x12, #16380]
ldur x15, [x12, #-136]
stur w15, [x12, #240]
ldursh w15, [x12, #-15]
sturb w15, [x12]
ldr x15, [x12, #-136]!
str x15, [x12], #135
ldrh w15, [x12, #15]!
strb w15, [x12], #-15
ldrsw x15, [x12], #45
ldr x15, [x12, x18, lsl #3]
str w15, [x12, w19, sxtw #2]
ldrb w15, [x12, x20]
ldrsh x15, [x12, w21, uxtw]
ldp x15, x16, [x12, #-16]
stp w15, w17, [x12, #60]!
stp x15, x18, [x12], #-120
ldpsw x15, x19, [x12, #-68]
ldr x16, [x17, #128]
str w16, [x17, #64]
ldrb w16, [x17, #2032]
strh w16, [x17, #4064]
ldrsb x16, [x17]
ldrsh w16, [x17, #32]
ldrsw x16, [x17, #16380]
ldur x16, [x17, #-128]
stur w16, [x17, #239]
ldursh w16, [x17, #-16]
sturb w16, [x17]
ldr x16, [x17, #-128]!
str x16, [x17], #127
ldrh w16, [x17, #16]!
strb w16, [x17], #-16
ldrsw x16, [x17], #48
ldr x16, [x17, x19, lsl #3]
str w16, [x17, w20, sxtw #2]
ldrb w16, [x17, x21]
ldrsh x16, [x17, w22, uxtw]
ldp x16, x17, [x17, #0]
stp w16, w18, [x17, #64]!
stp x16, x19, [x17], #-128
ldpsw x16, x20, [x17, #-64]
ldr x17, [x22, #136]
str w17, [x22, #68]
ldrb w17, [x22, #2159]
strh w17, [x22, #4318]
ldrsb x17, [x22]
ldrsh w17, [x22, #34]
ldrsw x17, [x22, #16380]
ldur x17, [x22, #-120]
stur w17, [x22, #238]
ldursh w17, [x22, #-17]
sturb w17, [x22]
ldr x17, [x22, #-120]!
str x17, [x22], #119
ldrh w17, [x22, #17]!
strb w17, [x22], #-17
ldrsw x17, [x22], #51
ldr x17, [x22, x20, lsl #3]
str w17, [x22, w21, sxtw #2]
ldrb w17, [x22, x22]
ldrsh x17, [x22, w23, uxtw]
ldp x17, x18, [x22, #16]
stp w17, w19, [x22, #68]!
stp x17, x20, [x22], #-136
ldpsw x17, x21, [x22, #-60]
ldr x18, [x27, #144]
str w18, [x27, #72]
ldrb w18, [x27, #2286]
strh w18, [x27, #4572]
ldrsb x18, [x27]
ldrsh w18, [x27, #36]
ldrsw x18, [x27, #16380]
ldur x18, [x27, #-112]
stur w18, [x27, #237]
ldursh w18, [x27, #-18]
sturb w18, [x27]
ldr x18, [x27, #-112]!
str x18, [x27], #111
ldrh w18, [x27, #18]!
strb w18, [x27], #-18
ldrsw x18, [x27], #54
ldr x18, [x27, x21, lsl #3]
str w18, [x27, w22, sxtw #2]
ldrb w18, [x27, x23]
ldrsh x18, [x27, w24, uxtw]
ldp x18, x19, [x27, #32]
stp w18, w20, [x27, #72]!
stp x18, x21, [x27], #-144
ldpsw x18, x22, [x27, #-56]
ldr x19, [x0, #152]
str w19, [x0, #76]
ldrb w19, [x0, #2413]
strh w19, [x0, #4826]
ldrsb x19, [x0]
ldrsh w19, [x0, #38]
ldrsw x19, [x0, #16380]
ldur x19, [x0, #-104]
stur w19, [x0, #236]
ldursh w19, [x0, #-19]
sturb w19, [x0]
ldr x19, [x0, #-104]!
str x19, [x0], #103
ldrh w19, [x0, #19]!
strb w19, [x0], #-19
ldrsw x19, [x0], #57
ldr x19, [x0, x22, lsl #3]
str w19, [x0, w23, sxtw #2]
ldrb w19, [x0, x24]
ldrsh x19, [x0, w25, uxtw]
ldp x19, x20, [x0, #48]
stp w19, w21, [x0, #76]!
stp x19, x22, [x0], #-152
ldpsw x19, x23, [x0, #-52]
ldr x20, [x5, #160]
str w20, [x5, #80]
ldrb w20, [x5, #2540]
strh w20, [x5, #5080]
ldrsb x20, [x5]
ldrsh w20, [x5, #40]
ldrsw x20, [x5, #16380]
ldur x20, [x5, #-96]
stur w20, [x5, #235]
ldursh w20, [x5, #-20]
sturb w20, [x5]
ldr x20, [x5, #-96]!
str x20, [x5], #95
ldrh w20, [x5, #20]!
strb w20, [x5], #-20
ldrsw x20, [x5], #60
ldr x20, [x5, x23, lsl #3]
str w20, [x5, w24, sxtw #2]
ldrb w20, [x5, x25]
ldrsh x20, [x5, w26, uxtw]
ldp x20, x21, [x5, #64]
stp w20, w22, [x5, #80]!
stp x20, x23, [x5], #-160
ldpsw x20, x24, [x5, #-48]
ldr x21, [x10, #168]
str w21, [x10, #84]
ldrb w21, [x10, #2667]
strh w21, [x10, #5334]
ldrsb x21, [x10]
ldrsh w21, [x10, #42]
ldrsw x21, [x10, #16380]
ldur x21, [x10, #-88]
stur w21, [x10, #234]
ldursh w21, [x10, #-21]
sturb w21, [x10]
ldr x21, [x10, #-88]!
str x21, [x10], #87
ldrh w21, [x10, #21]!
strb w21, [x10], #-21
ldrsw x21, [x10], #63
ldr x21, [x10, x24, lsl #3]
str w21, [x10, w25, sxtw #2]
ldrb w21, [x10, x26]
ldrsh x21, [x10, w27, uxtw]
ldp x21, x22, [x10, #80]
stp w21, w23, [x10, #84]!
stp x21, x24, [x10], #-168
ldpsw x21, x25, [x10, #-44]
ldr x22, [x15, #176]
str w22, [x15, #88]
ldrb w22, [x15, #2794]
strh w22, [x15, #5588]
ldrsb x22, [x15]
ldrsh w22, [x15, #44]
ldrsw x22, [x15, #16380]
ldur x22, [x15, #-80]
stur w22, [x15, #233]
ldursh w22, [x15, #-22]
sturb w22, [x15]
ldr x22, [x15, #-80]!
str x22, [x15], #79
ldrh w22, [x15, #22]!
strb w22, [x15], #-22
ldrsw x22, [x15], #66
ldr x22, [x15, x25, lsl #3]
str w22, [x15, w26, sxtw #2]
ldrb w22, [x15, x27]
ldrsh x22, [x15, w28, uxtw]
ldp x22, x23, [x15, #96]
stp w22, w24, [x15, #88]!
stp x22, x25, [x15], #-176
ldpsw x22, x26, [x15, #-40]
ldr x23, [x20, #184]
str w23, [x20, #92]
ldrb w23, [x20, #2921]
strh w23, [x20, #5842]
ldrsb x23, [x20]
ldrsh w23, [x20, #46]
ldrsw x23, [x20, #16380]
ldur x23, [x20, #-72]
stur w23, [x20, #232]
ldursh w23, [x20, #-23]
sturb w23, [x20]
ldr x23, [x20, #-72]!
str x23, [x20], #71
ldrh w23, [x20, #23]!
strb w23, [x20], #-23
ldrsw x23, [x20], #69
ldr x23, [x20, x26, lsl #3]
str w23, [x20, w27, sxtw #2]
ldrb w23, [x20, x28]
ldrsh x23, [x20, w29, uxtw]
ldp x23, x24, [x20, #112]
stp w23, w25, [x20, #92]!
stp x23, x26, [x20], #-184
ldpsw x23, x27, [x20, #-36]
ldr x24, [x25, #192]
str w24, [x25, #96]
ldrb w24, [x25, #3048]
strh w24, [x25, #6096]
ldrsb x24, [x25]
ldrsh w24, [x25, #48]
ldrsw x24, [x25, #16380]
ldur x24, [x25, #-64]
stur w24, [x25, #231]
ldursh w24, [x25, #-24]
sturb w24, [x25]
ldr x24, [x25, #-64]!
str x24, [x25], #63
ldrh w24, [x25, #24]!
strb w24, [x25], #-24
ldrsw x24, [x25], #72
ldr x24, [x25, x27, lsl #3]
str w24, [x25, w28, sxtw #2]
ldrb w24, [x25, x29]
ldrsh x24, [x25, w30, uxtw]
ldp x24, x25, [x25, #128]
stp w24, w26, [x25, #96]!
stp x24, x27, [x25], #-192
ldpsw x24, x28, [x25, #-32]
ldr x25, [x30, #200]
str w25, [x30, #100]
ldrb w25, [x30, #3175]
strh w25, [x30, #6350]
ldrsb x25, [x30]
ldrsh w25, [x30, #50]
ldrsw x25, [x30, #16380]
ldur x25, [x30, #-56]
stur w25, [x30, #230]
ldursh w25, [x30, #-25]
sturb w25, [x30]
ldr x25, [x30, #-56]!
str x25, [x30], #55
ldrh w25, [x30, #25]!
strb w25, [x30], #-25
ldrsw x25, [x30], #75
ldr x25, [x30, x28, lsl #3]
str w25, [x30, w29, sxtw #2]
ldrb w25, [x30, x30]
ldrsh x25, [x30, wzr, uxtw]
ldp x25, x26, [x30, #144]
stp w25, w27, [x30, #100]!
stp x25, x28, [x30], #-200
ldpsw x25, x29, [x30, #-28]
ldr x26, [x3, #208]
str w26, [x3, #104]
ldrb w26, [x3, #3302]
strh w26, [x3, #6604]
ldrsb x26, [x3]
ldrsh w26, [x3, #52]
ldrsw x26, [x3, #16380]
ldur x26, [x3, #-48]
stur w26, [x3, #229]
ldursh w26, [x3, #-26]
sturb w26, [x3]
ldr x26, [x3, #-48]!
str x26, [x3], #47
ldrh w26, [x3, #26]!
strb w26, [x3], #-26
ldrsw x26, [x3], #78
ldr x26, [x3, x29, lsl #3]
str w26, [x3, w30, sxtw #2]
ldrb w26, [x3, xzr]
ldrsh x26, [x3, w0, uxtw]
ldp x26, x27, [x3, #160]
stp w26, w28, [x3, #104]!
stp x26, x29, [x3], #-208
ldpsw x26, x30, [x3, #-24]
ldr x27, [x8, #216]
str w27, [x8, #108]
ldrb w27, [x8, #3429]
strh w27, [x8, #6858]
ldrsb x27, [x8]
ldrsh w27, [x8, #54]
ldrsw x27, [x8, #16380]
ldur x27, [x8, #-40]
stur w27, [x8, #228]
ldursh w27, [x8, #-27]
sturb w27, [x8]
ldr x27, [x8, #-40]!
str x27, [x8], #39
ldrh w27, [x8, #27]!
strb w27, [x8], #-27
ldrsw x27, [x8], #81
ldr x27, [x8, x30, lsl #3]
str w27, [x8, wzr, sxtw #2]
ldrb w27, [x8, x0]
ldrsh x27, [x8, w1, uxtw]
ldp x27, x28, [x8, #176]
stp w27, w29, [x8, #108]!
stp x27, x30, [x8], #-216
ldpsw x27, xzr, [x8, #-20]
ldr x28, [x13, #224]
str w28, [x13, #112]
ldrb w28, [x13, #3556]
strh w28, [x13, #7112]
ldrsb x28, [x13]
ldrsh w28, [x13, #56]
ldrsw x28, [x13, #16380]
ldur x28, [x13, #-32]
stur w28, [x13, #227]
ldursh w28, [x13, #-28]
sturb w28, [x13]
ldr x28, [x13, #-32]!
str x28, [x13], #31
ldrh w28, [x13, #28]!
strb w28, [x13], #-28
ldrsw x28, [x13], #84
ldr x28, [x13, xzr, lsl #3]
str w28, [x13, w0, sxtw #2]
ldrb w28, [x13, x1]
ldrsh x28, [x13, w2, uxtw]
ldp x28, x29, [x13, #192]
stp w28, w30, [x13, #112]!
stp x28, xzr, [x13], #-224
ldpsw x28, x0, [x13, #-16]
ldr x29, [x18, #232]
str w29, [x18, #116]
ldrb w29, [x18, #3683]
strh w29, [x18, #7366]
ldrsb x29, [x18]
ldrsh w29, [x18, #58]
ldrsw x29, [x18, #16380]
ldur x29, [x18, #-24]
stur w29, [x18, #226]
ldursh w29, [x18, #-29]
sturb w29, [x18]
ldr x29, [x18, #-24]!
str x29, [x18], #23
ldrh w29, [x18, #29]!
strb w29, [x18], #-29
ldrsw x29, [x18], #87
ldr x29, [x18, x0, lsl #3]
str w29, [x18, w1, sxtw #2]
ldrb w29, [x18, x2]
ldrsh x29, [x18, w3, uxtw]
ldp x29, x30, [x18, #208]
stp w29, wzr, [x18, #116]!
stp x29, x0, [x18], #-232
ldpsw x29, x1, [x18, #-12]
ldr x30, [x23, #240]
str w30, [x23, #120]
ldrb w30, [x23, #3810]
strh w30, [x23, #7620]
ldrsb x30, [x23]
ldrsh w30, [x23, #60]
ldrsw x30, [x23, #16380]
ldur x30, [x23, #-16]
stur w30, [x23, #225]
ldursh w30, [x23, #-30]
sturb w30, [x23]
ldr x30, [x23, #-16]!
str x30, [x23], #15
ldrh w30, [x23, #30]!
strb w30, [x23], #-30
ldrsw x30, [x23], #90
ldr x30, [x23, x1, lsl #3]
str w30, [x23, w2, sxtw #2]
ldrb w30, [x23, x3]
ldrsh x30, [x23, w4, uxtw]
ldp x30, xzr, [x23, #224]
stp w30, w0, [x23, #120]!
stp x30, x1, [x23], #-240
ldpsw x30, x2, [x23, #-8]
ldr xzr, [x28, #248]
str wzr, [x28, #124]
ldrb wzr, [x28, #3937]
strh wzr, [x28, #7874]
ldrsb xzr, [x28]
ldrsh wzr, [x28, #62]
ldrsw xzr, [x28, #16380]
ldur xzr, [x28, #-8]
stur wzr, [x28, #224]
ldursh wzr, [x28, #-31]
sturb wzr, [x28]
ldr xzr, [x28, #-8]!
str xzr, [x28], #7
ldrh wzr, [x28, #31]!
strb wzr, [x28], #-31
ldrsw xzr, [x28], #93
ldr xzr, [x28, x2, lsl #3]
str wzr, [x28, w3, sxtw #2]
ldrb wzr, [x28, x4]
ldrsh xzr, [x28, w5, uxtw]
ldp xzr, x0, [x28, #240]
stp wzr, w1, [x28, #124]!
stp xzr, x2, [x28], #-248
ldpsw xzr, x3, [x28, #-4]
strb w1, [x2, w3, uxtw #0]
strb w1, [x2, w3, uxtw #0]
strb w1, [x2, w3, uxtw]
ldrb w1, [x2, w3, uxtw #0]
ldrb w1, [x2, w3, uxtw #0]
ldrb w1, [x2, w3, uxtw]
ldrsb x1, [x2, w3, uxtw #0]
ldrsb x1, [x2, w3, uxtw #0]
ldrsb x1, [x2, w3, uxtw]
ldrsb w1, [x2, w3, uxtw #0]
ldrsb w1, [x2, w3, uxtw #0]
ldrsb w1, [x2, w3, uxtw]
strh w1, [x2, w3, uxtw #0]
strh w1, [x2, w3, uxtw #1]
strh w1, [x2, w3, uxtw]
ldrh w1, [x2, w3, uxtw #0]
ldrh w1, [x2, w3, uxtw #1]
ldrh w1, [x2, w3, uxtw]
ldrsh x1, [x2, w3, uxtw #0]
ldrsh x1, [x2, w3, uxtw #1]
ldrsh x1, [x2, w3, uxtw]
ldrsh w1, [x2, w3, uxtw #0]
ldrsh w1, [x2, w3, uxtw #1]
ldrsh w1, [x2, w3, uxtw]
str w1, [x2, w3, uxtw #0]
str w1, [x2, w3, uxtw #2]
str w1, [x2, w3, uxtw]
ldr w1, [x2, w3, uxtw #0]
ldr w1, [x2, w3, uxtw #2]
ldr w1, [x2, w3, uxtw]
ldrsw x1, [x2, w3, uxtw #0]
ldrsw x1, [x2, w3, uxtw #2]
ldrsw x1, [x2, w3, uxtw]
str x1, [x2, w3, uxtw #0]
str x1, [x2, w3, uxtw #3]
str x1, [x2, w3, uxtw]
ldr x1, [x2, w3, uxtw #0]
ldr x1, [x2, w3, uxtw #3]
ldr x1, [x2, w3, uxtw]
strb w1, [x2, x3, lsl #0]
strb w1, [x2, x3, lsl #0]
strb w1, [sp, x3]
ldrb w1, [x2, x3, lsl #0]
ldrb w1, [x2, x3, lsl #0]
ldrb w1, [sp, x3]
ldrsb x1, [x2, x3, lsl #0]
ldrsb x1, [x2, x3, lsl #0]
ldrsb x1, [sp, x3]
ldrsb w1, [x2, x3, lsl #0]
ldrsb w1, [x2, x3, lsl #0]
ldrsb w1, [sp, x3]
strh w1, [x2, x3, lsl #0]
strh w1, [x2, x3, lsl #1]
strh w1, [sp, x3]
ldrh w1, [x2, x3, lsl #0]
ldrh w1, [x2, x3, lsl #1]
ldrh w1, [sp, x3]
ldrsh x1, [x2, x3, lsl #0]
ldrsh x1, [x2, x3, lsl #1]
ldrsh x1, [sp, x3]
ldrsh w1, [x2, x3, lsl #0]
ldrsh w1, [x2, x3, lsl #1]
ldrsh w1, [sp, x3]
str w1, [x2, x3, lsl #0]
str w1, [x2, x3, lsl #2]
str w1, [sp, x3]
ldr w1, [x2, x3, lsl #0]
ldr w1, [x2, x3, lsl #2]
ldr w1, [sp, x3]
ldrsw x1, [x2, x3, lsl #0]
ldrsw x1, [x2, x3, lsl #2]
ldrsw x1, [sp, x3]
str x1, [x2, x3, lsl #0]
str x1, [x2, x3, lsl #3]
str x1, [sp, x3]
ldr x1, [x2, x3, lsl #0]
ldr x1, [x2, x3, lsl #3]
ldr x1, [sp, x3]
strb w1, [x2, w3, sxtw #0]
strb w1, [x2, w3, sxtw #0]
strb w1, [x2, w3, sxtw]
ldrb w1, [x2, w3, sxtw #0]
ldrb w1, [x2, w3, sxtw #0]
ldrb w1, [x2, w3, sxtw]
ldrsb x1, [x2, w3, sxtw #0]
ldrsb x1, [x2, w3, sxtw #0]
ldrsb x1, [x2, w3, sxtw]
ldrsb w1, [x2, w3, sxtw #0]
ldrsb w1, [x2, w3, sxtw #0]
ldrsb w1, [x2, w3, sxtw]
strh w1, [x2, w3, sxtw #0]
strh w1, [x2, w3, sxtw #1]
strh w1, [x2, w3, sxtw]
ldrh w1, [x2, w3, sxtw #0]
ldrh w1, [x2, w3, sxtw #1]
ldrh w1, [x2, w3, sxtw]
ldrsh x1, [x2, w3, sxtw #0]
ldrsh x1, [x2, w3, sxtw #1]
ldrsh x1, [x2, w3, sxtw]
ldrsh w1, [x2, w3, sxtw #0]
ldrsh w1, [x2, w3, sxtw #1]
ldrsh w1, [x2, w3, sxtw]
str w1, [x2, w3, sxtw #0]
str w1, [x2, w3, sxtw #2]
str w1, [x2, w3, sxtw]
ldr w1, [x2, w3, sxtw #0]
ldr w1, [x2, w3, sxtw #2]
ldr w1, [x2, w3, sxtw]
ldrsw x1, [x2, w3, sxtw #0]
ldrsw x1, [x2, w3, sxtw #2]
ldrsw x1, [x2, w3, sxtw]
str x1, [x2, w3, sxtw #0]
str x1, [x2, w3, sxtw #3]
str x1, [x2, w3, sxtw]
ldr x1, [x2, w3, sxtw #0]
ldr x1, [x2, w3, sxtw #3]
ldr x1, [x2, w3, sxtw]
strb w1, [x2, x3, sxtx #0]
strb w1, [x2, x3, sxtx #0]
strb w1, [x2, x3, sxtx]
ldrb w1, [x2, x3, sxtx #0]
ldrb w1, [x2, x3, sxtx #0]
ldrb w1, [x2, x3, sxtx]
ldrsb x1, [x2, x3, sxtx #0]
ldrsb x1, [x2, x3, sxtx #0]
ldrsb x1, [x2, x3, sxtx]
ldrsb w1, [x2, x3, sxtx #0]
ldrsb w1, [x2, x3, sxtx #0]
ldrsb w1, [x2, x3, sxtx]
strh w1, [x2, x3, sxtx #0]
strh w1, [x2, x3, sxtx #1]
strh w1, [x2, x3, sxtx]
ldrh w1, [x2, x3, sxtx #0]
ldrh w1, [x2, x3, sxtx #1]
ldrh w1, [x2, x3, sxtx]
ldrsh x1, [x2, x3, sxtx #0]
ldrsh x1, [x2, x3, sxtx #1]
ldrsh x1, [x2, x3, sxtx]
ldrsh w1, [x2, x3, sxtx #0]
ldrsh w1, [x2, x3, sxtx #1]
ldrsh w1, [x2, x3, sxtx]
str w1, [x2, x3, sxtx #0]
str w1, [x2, x3, sxtx #2]
str w1, [x2, x3, sxtx]
ldr w1, [x2, x3, sxtx #0]
ldr w1, [x2, x3, sxtx #2]
ldr w1, [x2, x3, sxtx]
ldrsw x1, [x2, x3, sxtx #0]
ldrsw x1, [x2, x3, sxtx #2]
ldrsw x1, [x2, x3, sxtx]
str x1, [x2, x3, sxtx #0]
str x1, [x2, x3, sxtx #3]
str x1, [x2, x3, sxtx]
ldr x1, [x2, x3, sxtx #0]
ldr x1, [x2, x3, sxtx #3]
ldr x1, [x2, x3, sxtx]
ldrb w1, [x2, #0]!
ldrb w1, [x2], #0
ldrb w1, [x2, #-256]!
ldrb w1, [x2], #255
ldurb w1, [x2, #0]
ldurb w1, [sp, #-256]
ldurb w1, [x2, #255]
ldrh w1, [x2, #0]!
ldrh w1, [x2], #0
ldrh w1, [x2, #-256]!
ldrh w1, [x2], #255
ldurh w1, [x2, #0]
ldurh w1, [sp, #-256]
ldurh w1, [x2, #255]
ldr w1, [x2, #0]!
ldr w1, [x2], #0
ldr w1, [x2, #-256]!
ldr w1, [x2], #255
ldur w1, [x2, #0]
ldur w1, [sp, #-256]
ldur w1, [x2, #255]
ldr x1, [x2, #0]!
ldr x1, [x2], #0
ldr x1, [x2, #-256]!
ldr x1, [x2], #255
ldur x1, [x2, #0]
ldur x1, [sp, #-256]
ldur x1, [x2, #255]
ldrsb x1, [x2, #0]!
ldrsb x1, [x2], #0
ldrsb x1, [x2, #-256]!
ldrsb x1, [x2], #255
ldursb x1, [x2, #0]
ldursb x1, [sp, #-256]
ldursb x1, [x2, #255]
ldrsb w1, [x2, #0]!
ldrsb w1, [x2], #0
ldrsb w1, [x2, #-256]!
ldrsb w1, [x2], #255
ldursb w1, [x2, #0]
ldursb w1, [sp, #-256]
ldursb w1, [x2, #255]
ldrsh x1, [x2, #0]!
ldrsh x1, [x2], #0
ldrsh x1, [x2, #-256]!
ldrsh x1, [x2], #255
ldursh x1, [x2, #0]
ldursh x1, [sp, #-256]
ldursh x1, [x2, #255]
ldrsh w1, [x2, #0]!
ldrsh w1, [x2], #0
ldrsh w1, [x2, #-256]!
ldrsh w1, [x2], #255
ldursh w1, [x2, #0]
ldursh w1, [sp, #-256]
ldursh w1, [x2, #255]
ldrsw x1, [x2, #0]!
ldrsw x1, [x2], #0
ldrsw x1, [x2, #-256]!
ldrsw x1, [x2], #255
ldursw x1, [x2, #0]
ldursw x1, [sp, #-256]
ldursw x1, [x2, #255]
strb w1, [x2, #0]!
strb w1, [x2], #0
strb w1, [x2, #-256]!
strb w1, [x2], #255
sturb w1, [x2, #0]
sturb w1, [sp, #-256]
sturb w1, [x2, #255]
strh w1, [x2, #0]!
strh w1, [x2], #0
strh w1, [x2, #-256]!
strh w1, [x2], #255
sturh w1, [x2, #0]
sturh w1, [sp, #-256]
sturh w1, [x2, #255]
str w1, [x2, #0]!
str w1, [x2], #0
str w1, [x2, #-256]!
str w1, [x2], #255
stur w1, [x2, #0]
stur w1, [sp, #-256]
stur w1, [x2, #255]
str x1, [x2, #0]!
str x1, [x2], #0
str x1, [x2, #-256]!
str x1, [x2], #255
stur x1, [x2, #0]
stur x1, [sp, #-256]
stur x1, [x2, #255]
ldr x1, .+0
ldr w2, .+0
ldrsw x3, .+0
ldr x1, .+4
ldr w2, .+4
ldrsw x3, .+4
ldr x1, .+-4
ldr w2, .+-4
ldrsw x3, .+-4
ldr x1, .+0xffffc
ldr w2, .+0xffffc
ldrsw x3, .+0xffffc
ldr x1, .+-0x100000
ldr w2, .+-0x100000
ldrsw x3, .+-0x100000
ldp x1, x2, [x3, #-512]
stp x1, x2, [sp, #-512]!
ldp x1, x2, [x3], #-512
ldp x1, x2, [x3, #0]
stp x1, x2, [sp, #0]!
ldp x1, x2, [x3], #0
ldp x1, x2, [x3, #8]
stp x1, x2, [sp, #8]!
ldp x1, x2, [x3], #8
ldp x1, x2, [x3, #504]
stp x1, x2, [sp, #504]!
ldp x1, x2, [x3], #504
ldp w1, w2, [x3, #-256]
stp w1, w2, [sp, #-256]!
ldpsw x1, x2, [x3], #-256
ldp w1, w2, [x3, #0]
stp w1, w2, [sp, #0]!
ldpsw x1, x2, [x3], #0
ldp w1, w2, [x3, #4]
stp w1, w2, [sp, #4]!
ldpsw x1, x2, [x3], #4
ldp w1, w2, [x3, #252]
stp w1, w2, [sp, #252]!
ldpsw x1, x2, [x3], #252
